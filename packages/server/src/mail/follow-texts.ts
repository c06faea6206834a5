import type { Locale } from '../i18n/locale.ts';

/**
 * The words of follow-up by e-mail: the two e-mails and the small pages behind their links. Language level B1:
 * short sentences, common words, the "u" form. Dutch is the source; English is the second language.
 */
export interface FollowTexts {
  confirmationMail: {
    subject: (community: string) => string;
    intro: string;
    instruction: string;
    linkLabel: string;
    notRequested: string;
  };
  notificationMail: {
    subject: string;
    intro: string;
    readAnswer: string;
    linkLabel: string;
    unsubscribe: string;
    unsubscribeLabel: string;
    retention: string;
  };
  greeting: string;
  signOff: string;
  pages: {
    confirm: { title: string; text: (question: string) => string; button: string };
    confirmed: { title: string; text: string; more: string };
    alreadyConfirmed: { title: string; text: string };
    confirmUnknown: { title: string; text: string };
    unsubscribe: { title: string; text: (question: string) => string; button: string };
    unsubscribed: { title: string; text: string };
    unsubscribeUnknown: { title: string; text: string };
    failed: { title: string; text: string };
  };
}

const nl: FollowTexts = {
  confirmationMail: {
    subject: (community) => `Bevestig uw e-mailadres voor ${community}`,
    intro: 'U wilt een e-mail krijgen als er een antwoord is op deze vraag:',
    instruction: 'Wilt u dit? Open dan de link hieronder. U ziet een pagina met een knop. Klik op die knop.',
    linkLabel: 'Bevestig uw e-mailadres',
    notRequested:
      'Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen. U krijgt geen e-mails van ons. Wij verwijderen uw e-mailadres na 7 dagen.',
  },
  notificationMail: {
    subject: 'Er is een nieuw antwoord op de vraag die u volgt',
    intro: 'Er is een nieuw antwoord op de vraag die u volgt:',
    readAnswer: 'U leest het antwoord op de website:',
    linkLabel: 'Lees het antwoord',
    unsubscribe: 'Wilt u geen e-mails meer over deze vraag? Meld u dan af:',
    unsubscribeLabel: 'Afmelden',
    retention:
      'Wij gebruiken uw e-mailadres alleen voor deze berichten. Wij verwijderen het als u zich afmeldt, en anders 30 dagen nadat de vraag is opgelost.',
  },
  greeting: 'Hallo,',
  signOff: 'Met vriendelijke groet,',
  pages: {
    confirm: {
      title: 'Bevestig uw e-mailadres',
      text: (question) => `U wilt een e-mail krijgen als er een antwoord is op de vraag "${question}".`,
      button: 'Ja, stuur mij een e-mail bij een antwoord',
    },
    confirmed: {
      title: 'Uw e-mailadres is bevestigd',
      text: 'U krijgt nu een e-mail als er een antwoord is.',
      more: 'In elke e-mail staat een link om u af te melden.',
    },
    alreadyConfirmed: {
      title: 'Uw e-mailadres is al bevestigd',
      text: 'U krijgt al een e-mail als er een antwoord is. U hoeft niets meer te doen.',
    },
    confirmUnknown: {
      title: 'Deze link werkt niet',
      text: 'De link is niet goed of te oud. U moet uw e-mailadres binnen 7 dagen bevestigen. U kunt de vraag opnieuw volgen op de website.',
    },
    unsubscribe: {
      title: 'Afmelden',
      text: (question) =>
        `Wilt u geen e-mails meer krijgen over de vraag "${question}"? Klik dan op de knop. Wij verwijderen dan uw e-mailadres.`,
      button: 'Afmelden',
    },
    unsubscribed: {
      title: 'U bent afgemeld',
      text: 'U krijgt geen e-mails meer over deze vraag. Wij hebben uw e-mailadres verwijderd.',
    },
    unsubscribeUnknown: {
      title: 'Deze link werkt niet (meer)',
      text: 'Misschien bent u al afgemeld. Dan krijgt u geen e-mails meer over deze vraag en is uw e-mailadres verwijderd.',
    },
    failed: {
      title: 'Er ging iets mis',
      text: 'Er ging iets mis bij ons. Probeer het later opnieuw.',
    },
  },
};

const en: FollowTexts = {
  confirmationMail: {
    subject: (community) => `Confirm your e-mail address for ${community}`,
    intro: 'You want an e-mail when there is an answer to this question:',
    instruction: 'Do you want this? Then open the link below. You will see a page with a button. Click that button.',
    linkLabel: 'Confirm your e-mail address',
    notRequested:
      'Did you not ask for this yourself? Then you do not need to do anything. You will get no e-mails from us. We delete your e-mail address after 7 days.',
  },
  notificationMail: {
    subject: 'There is a new answer to the question you follow',
    intro: 'There is a new answer to the question you follow:',
    readAnswer: 'You can read the answer on the website:',
    linkLabel: 'Read the answer',
    unsubscribe: 'Do you no longer want e-mails about this question? Then unsubscribe:',
    unsubscribeLabel: 'Unsubscribe',
    retention:
      'We only use your e-mail address for these messages. We delete it when you unsubscribe, and otherwise 30 days after the question was resolved.',
  },
  greeting: 'Hello,',
  signOff: 'Kind regards,',
  pages: {
    confirm: {
      title: 'Confirm your e-mail address',
      text: (question) => `You want an e-mail when there is an answer to the question "${question}".`,
      button: 'Yes, send me an e-mail when there is an answer',
    },
    confirmed: {
      title: 'Your e-mail address is confirmed',
      text: 'You will now get an e-mail when there is an answer.',
      more: 'Every e-mail has a link to unsubscribe.',
    },
    alreadyConfirmed: {
      title: 'Your e-mail address is already confirmed',
      text: 'You already get an e-mail when there is an answer. You do not need to do anything else.',
    },
    confirmUnknown: {
      title: 'This link does not work',
      text: 'The link is not right or too old. You need to confirm your e-mail address within 7 days. You can follow the question again on the website.',
    },
    unsubscribe: {
      title: 'Unsubscribe',
      text: (question) =>
        `Do you no longer want e-mails about the question "${question}"? Then click the button. We will then delete your e-mail address.`,
      button: 'Unsubscribe',
    },
    unsubscribed: {
      title: 'You are unsubscribed',
      text: 'You will get no more e-mails about this question. We have deleted your e-mail address.',
    },
    unsubscribeUnknown: {
      title: 'This link does not work (any more)',
      text: 'Perhaps you already unsubscribed. Then you get no more e-mails about this question and your e-mail address is deleted.',
    },
    failed: {
      title: 'Something went wrong',
      text: 'Something went wrong on our side. Please try again later.',
    },
  },
};

export const followTexts: Record<Locale, FollowTexts> = { nl, en };
