import type { Locale } from '../i18n/locale.ts';
import { followTexts } from './follow-texts.ts';
import type { MailMessage } from './mailer.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

/** A plain, readable HTML body: no images, no external resources, no tracking. */
function htmlMail(locale: Locale, subject: string, blocks: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">',
    ...blocks,
    '</body>',
    '</html>',
  ].join('\n');
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
const quote = (text: string) => `<p><strong>${escapeHtml(text)}</strong></p>`;
const link = (href: string, label: string) => `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`;

export interface ConfirmationMail {
  to: string;
  locale: Locale;
  community: string;
  questionTitle: string;
  confirmUrl: string;
}

/** The only e-mail that is ever sent before the address is confirmed. */
export function confirmationMail(mail: ConfirmationMail): MailMessage {
  const texts = followTexts[mail.locale];
  const words = texts.confirmationMail;
  const subject = words.subject(mail.community);
  return {
    to: mail.to,
    subject,
    text: [
      texts.greeting,
      '',
      words.intro,
      '',
      `"${mail.questionTitle}"`,
      '',
      words.instruction,
      '',
      mail.confirmUrl,
      '',
      words.notRequested,
      '',
      texts.signOff,
      mail.community,
      '',
    ].join('\n'),
    html: htmlMail(mail.locale, subject, [
      paragraph(texts.greeting),
      paragraph(words.intro),
      quote(mail.questionTitle),
      paragraph(words.instruction),
      link(mail.confirmUrl, words.linkLabel),
      paragraph(words.notRequested),
      `<p>${escapeHtml(texts.signOff)}<br>${escapeHtml(mail.community)}</p>`,
    ]),
  };
}

export interface NotificationMail {
  to: string;
  locale: Locale;
  community: string;
  questionTitle: string;
  questionUrl: string;
  unsubscribeUrl: string;
}

/**
 * "There is a new answer": the question's title (redacted when it was posted) and links, never the answer itself,
 * which may hold things that do not belong in a mailbox. RFC 8058 headers let mail programs offer one-click
 * unsubscribe.
 */
export function notificationMail(mail: NotificationMail): MailMessage {
  const texts = followTexts[mail.locale];
  const words = texts.notificationMail;
  return {
    to: mail.to,
    subject: words.subject,
    headers: {
      'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    text: [
      texts.greeting,
      '',
      words.intro,
      '',
      `"${mail.questionTitle}"`,
      '',
      words.readAnswer,
      mail.questionUrl,
      '',
      words.unsubscribe,
      mail.unsubscribeUrl,
      '',
      words.retention,
      '',
      texts.signOff,
      mail.community,
      '',
    ].join('\n'),
    html: htmlMail(mail.locale, words.subject, [
      paragraph(texts.greeting),
      paragraph(words.intro),
      quote(mail.questionTitle),
      link(mail.questionUrl, words.linkLabel),
      paragraph(words.unsubscribe),
      link(mail.unsubscribeUrl, words.unsubscribeLabel),
      paragraph(words.retention),
      `<p>${escapeHtml(texts.signOff)}<br>${escapeHtml(mail.community)}</p>`,
    ]),
  };
}
