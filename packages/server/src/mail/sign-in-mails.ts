import type { Locale } from '../i18n/locale.ts';
import { escapeHtml } from './follow-mails.ts';
import type { MailMessage } from './mailer.ts';

/**
 * The e-mails with a sign-in link: one when someone asks for it, one when an admin makes an account. Language level
 * B1, the "u" form; Dutch first, English second. The link works 15 minutes and once.
 */
interface SignInMailTexts {
  subject: (community: string) => string;
  welcomeSubject: (community: string) => string;
  greeting: string;
  intro: (community: string) => string;
  welcomeIntro: (community: string) => string;
  instruction: string;
  linkLabel: string;
  validity: string;
  welcomeExpired: string;
  notRequested: string;
  signOff: string;
}

const texts: Record<Locale, SignInMailTexts> = {
  nl: {
    subject: (community) => `Uw link om in te loggen bij ${community}`,
    welcomeSubject: (community) => `U heeft een account bij ${community}`,
    greeting: 'Hallo,',
    intro: (community) => `U vroeg om een link om in te loggen bij ${community}.`,
    welcomeIntro: (community) =>
      `Een beheerder heeft een account voor u gemaakt bij ${community}. Daarmee kunt u als professional vragen beantwoorden.`,
    instruction: 'Open de link hieronder. U ziet dan een knop om in te loggen.',
    linkLabel: 'Inloggen',
    validity: 'De link werkt 15 minuten en maar één keer. Stuur deze e-mail niet door.',
    welcomeExpired: 'Werkt de link niet meer? Vraag dan een nieuwe link aan bij het inloggen.',
    notRequested: 'Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen. Zonder deze e-mail kan niemand inloggen.',
    signOff: 'Met vriendelijke groet,',
  },
  en: {
    subject: (community) => `Your link to sign in to ${community}`,
    welcomeSubject: (community) => `You have an account at ${community}`,
    greeting: 'Hello,',
    intro: (community) => `You asked for a link to sign in to ${community}.`,
    welcomeIntro: (community) =>
      `An administrator made an account for you at ${community}. With it you can answer questions as a professional.`,
    instruction: 'Open the link below. You will see a button to sign in.',
    linkLabel: 'Sign in',
    validity: 'The link works for 15 minutes and only once. Do not forward this e-mail.',
    welcomeExpired: 'Does the link no longer work? Then ask for a new link when you sign in.',
    notRequested:
      'Did you not ask for this yourself? Then you do not need to do anything. Nobody can sign in without this e-mail.',
    signOff: 'Kind regards,',
  },
};

export interface SignInLinkMail {
  to: string;
  locale: Locale;
  community: string;
  url: string;
  /** True for the first e-mail of a new account. */
  welcome: boolean;
}

export function signInLinkMail(mail: SignInLinkMail): MailMessage {
  const words = texts[mail.locale];
  const subject = mail.welcome ? words.welcomeSubject(mail.community) : words.subject(mail.community);
  const paragraphs = [
    mail.welcome ? words.welcomeIntro(mail.community) : words.intro(mail.community),
    words.instruction,
  ];
  const after = [words.validity, mail.welcome ? words.welcomeExpired : words.notRequested];
  return {
    to: mail.to,
    subject,
    text: [
      words.greeting,
      '',
      ...paragraphs.flatMap((text) => [text, '']),
      mail.url,
      '',
      ...after.flatMap((text) => [text, '']),
      words.signOff,
      mail.community,
      '',
    ].join('\n'),
    html: [
      '<!doctype html>',
      `<html lang="${mail.locale}">`,
      '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(subject)}</title></head>`,
      '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">',
      `<p>${escapeHtml(words.greeting)}</p>`,
      ...paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`),
      `<p><a href="${escapeHtml(mail.url)}">${escapeHtml(words.linkLabel)}</a></p>`,
      ...after.map((text) => `<p>${escapeHtml(text)}</p>`),
      `<p>${escapeHtml(words.signOff)}<br>${escapeHtml(mail.community)}</p>`,
      '</body>',
      '</html>',
    ].join('\n'),
  };
}
