import type { Locale } from '../i18n/locale.ts';
import { escapeHtml } from './follow-mails.ts';
import type { MailMessage } from './mailer.ts';

/**
 * The e-mails of a private question: the confirmation with the secret link, and "your answer is ready". Neither holds
 * the question or the answer: a mailbox is read on shared computers and phones, and the text is only behind the link.
 * Language level B1, the "u" form; Dutch first, English second.
 */
interface PrivateQuestionMailTexts {
  confirmationSubject: (community: string) => string;
  received: string;
  answerWithin: (days: number) => string;
  privateNote: string;
  readInstruction: string;
  confirmationLinkLabel: string;
  keepLink: string;
  answeredSubject: string;
  answered: string;
  answeredLinkLabel: string;
  notInMail: string;
  retention: string;
  notAsked: string;
  greeting: string;
  signOff: string;
}

const texts: Record<Locale, PrivateQuestionMailTexts> = {
  nl: {
    confirmationSubject: (community) => `Wij hebben uw vraag ontvangen – ${community}`,
    received: 'Wij hebben uw vraag ontvangen. Een adviseur leest uw vraag en stuurt u een antwoord.',
    answerWithin: (days) =>
      days === 1
        ? 'Meestal krijgt u binnen 1 werkdag antwoord.'
        : `Meestal krijgt u binnen ${days} werkdagen antwoord.`,
    privateNote: 'Uw vraag is privé. Alleen de adviseurs voor dit onderwerp lezen hem. Hij staat niet op de website.',
    readInstruction: 'Via de link hieronder leest u uw vraag en het antwoord:',
    confirmationLinkLabel: 'Mijn vraag en het antwoord',
    keepLink: 'Bewaar deze e-mail goed. Alleen met deze link kunt u het antwoord lezen. Geef de link niet aan anderen.',
    answeredSubject: 'Uw antwoord staat klaar',
    answered: 'Een adviseur heeft uw vraag beantwoord. Via de link hieronder leest u het antwoord:',
    answeredLinkLabel: 'Lees het antwoord',
    notInMail: 'Het antwoord staat niet in deze e-mail. Zo blijft het privé.',
    retention: 'Wij verwijderen uw vraag, de antwoorden en uw e-mailadres 90 dagen na het laatste bericht.',
    notAsked: 'Heeft u deze vraag niet zelf gesteld? Dan hoeft u niets te doen. U kunt deze e-mail weggooien.',
    greeting: 'Hallo,',
    signOff: 'Met vriendelijke groet,',
  },
  en: {
    confirmationSubject: (community) => `We have received your question – ${community}`,
    received: 'We have received your question. An advisor reads your question and sends you an answer.',
    answerWithin: (days) =>
      days === 1
        ? 'You usually get an answer within 1 working day.'
        : `You usually get an answer within ${days} working days.`,
    privateNote: 'Your question is private. Only the advisors for this topic read it. It is not shown on the website.',
    readInstruction: 'With the link below you can read your question and the answer:',
    confirmationLinkLabel: 'My question and the answer',
    keepLink: 'Keep this e-mail. Only with this link can you read the answer. Do not give the link to others.',
    answeredSubject: 'Your answer is ready',
    answered: 'An advisor has answered your question. With the link below you can read the answer:',
    answeredLinkLabel: 'Read the answer',
    notInMail: 'The answer is not in this e-mail. That way it stays private.',
    retention: 'We delete your question, the answers and your e-mail address 90 days after the last message.',
    notAsked:
      'Did you not ask this question yourself? Then you do not need to do anything. You can throw this e-mail away.',
    greeting: 'Hello,',
    signOff: 'Kind regards,',
  },
};

export interface PrivateQuestionConfirmationMail {
  to: string;
  locale: Locale;
  community: string;
  /** The secret link to the thread. */
  threadUrl: string;
  /** From the community's e-mail service; null when it says nothing. */
  answerWithinDays: number | null;
}

/** Right after asking: the only way to the thread is the link in this e-mail. */
export function privateQuestionConfirmationMail(mail: PrivateQuestionConfirmationMail): MailMessage {
  const words = texts[mail.locale];
  return compose(mail, words.confirmationSubject(mail.community), {
    before: [
      mail.answerWithinDays === null
        ? words.received
        : `${words.received} ${words.answerWithin(mail.answerWithinDays)}`,
      words.privateNote,
      words.readInstruction,
    ],
    linkLabel: words.confirmationLinkLabel,
    after: [words.keepLink, words.retention, words.notAsked],
  });
}

export interface PrivateAnswerReadyMail {
  to: string;
  locale: Locale;
  community: string;
  threadUrl: string;
}

/** "Uw antwoord staat klaar": the link, never the answer. */
export function privateAnswerReadyMail(mail: PrivateAnswerReadyMail): MailMessage {
  const words = texts[mail.locale];
  return compose(mail, words.answeredSubject, {
    before: [words.answered],
    linkLabel: words.answeredLinkLabel,
    after: [words.notInMail, words.retention],
  });
}

/** A plain text and a plain HTML version: no images, no external resources, no tracking. */
function compose(
  mail: { to: string; locale: Locale; community: string; threadUrl: string },
  subject: string,
  parts: { before: string[]; linkLabel: string; after: string[] },
): MailMessage {
  const words = texts[mail.locale];
  return {
    to: mail.to,
    subject,
    text: [
      words.greeting,
      '',
      ...parts.before.flatMap((text) => [text, '']),
      mail.threadUrl,
      '',
      ...parts.after.flatMap((text) => [text, '']),
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
      ...parts.before.map((text) => `<p>${escapeHtml(text)}</p>`),
      `<p><a href="${escapeHtml(mail.threadUrl)}">${escapeHtml(parts.linkLabel)}</a></p>`,
      ...parts.after.map((text) => `<p>${escapeHtml(text)}</p>`),
      `<p>${escapeHtml(words.signOff)}<br>${escapeHtml(mail.community)}</p>`,
      '</body>',
      '</html>',
    ].join('\n'),
  };
}
