import type { Locale } from '../i18n/locale.ts';
import type { AppointmentMode } from '../store/database-schema.ts';
import { escapeHtml } from './follow-mails.ts';
import { calendarFile } from './ics.ts';
import type { MailAttachment, MailMessage } from './mailer.ts';

/**
 * The e-mails of appointments: the citizen's confirmation (with the .ics file and the cancel link), the reminder the
 * day before, the confirmation of a cancellation, and a short notice to the advisor. Language level B1: short
 * sentences, common words, the "u" form; Dutch is the source, English the second language. Times are Dutch time.
 * The advisor's notice never holds the citizen's name, address or note: those are read in the agenda after sign-in.
 */

/** What every e-mail about one appointment says about it. */
export interface AppointmentFacts {
  community: string;
  advisorName: string;
  topicName: string;
  startsAt: string;
  endsAt: string;
  mode: AppointmentMode;
  location: string | null;
}

interface AppointmentTexts {
  greeting: (name: string) => string;
  signOff: string;
  labels: { when: string; advisor: string; topic: string; where: string };
  modes: Record<Exclude<AppointmentMode, 'IN_PERSON'>, string>;
  modeHints: Record<AppointmentMode, string | null>;
  /** "dinsdag 3 november 2026 van 10:00 tot 10:30 uur". */
  when: (day: string, from: string, to: string) => string;
  cancelLink: string;
  cancelLabel: string;
  retention: string;
  confirmation: {
    subject: (when: string) => string;
    intro: (community: string) => string;
    calendar: string;
    reminderFollows: string;
  };
  reminder: { subject: (when: string) => string; intro: (community: string) => string };
  cancelled: { subject: string; intro: (when: string) => string; again: string; retention: string };
  advisorBooked: { subject: (when: string) => string; intro: (when: string) => string; agenda: string; why: string };
  advisorCancelled: { subject: (when: string) => string; intro: (when: string) => string };
  agendaLabel: string;
  calendar: { summary: (advisor: string) => string; cancel: string };
}

const nl: AppointmentTexts = {
  greeting: (name) => `Hallo ${name},`,
  signOff: 'Met vriendelijke groet,',
  labels: { when: 'Wanneer', advisor: 'Met', topic: 'Onderwerp', where: 'Waar' },
  modes: { VIDEO: 'Videogesprek', PHONE: 'Telefonisch' },
  modeHints: {
    IN_PERSON: null,
    VIDEO: 'Het is een videogesprek. De adviseur stuurt u voor de afspraak een e-mail met de link voor het gesprek.',
    PHONE:
      'Het is een telefoongesprek. De adviseur stuurt u eerst een e-mail om af te spreken op welk nummer hij of zij u belt.',
  },
  when: (day, from, to) => `${day} van ${from} tot ${to} uur`,
  cancelLink: 'Kunt u niet? Annuleer de afspraak dan met deze link. Dan kan iemand anders deze tijd kiezen:',
  cancelLabel: 'Afspraak annuleren',
  retention:
    'Wij bewaren uw naam, uw e-mailadres en uw toelichting alleen voor deze afspraak. Wij verwijderen ze 30 dagen na de afspraak.',
  confirmation: {
    subject: (when) => `Uw afspraak: ${when}`,
    intro: (community) => `U heeft een afspraak gemaakt met een adviseur van ${community}.`,
    calendar: 'In de bijlage staat de afspraak voor uw agenda (afspraak.ics).',
    reminderFollows: 'U krijgt een dag voor de afspraak nog een e-mail om u eraan te herinneren.',
  },
  reminder: {
    subject: (when) => `Herinnering: uw afspraak ${when}`,
    intro: (community) => `Dit is een herinnering. U heeft binnenkort een afspraak met een adviseur van ${community}.`,
  },
  cancelled: {
    subject: 'Uw afspraak is geannuleerd',
    intro: (when) => `Uw afspraak op ${when} is geannuleerd. U hoeft niets meer te doen.`,
    again: 'Wilt u toch een afspraak? Kies dan een nieuwe tijd op de website.',
    retention: 'Wij verwijderen uw naam, uw e-mailadres en uw toelichting binnen 30 dagen.',
  },
  advisorBooked: {
    subject: (when) => `Nieuwe afspraak: ${when}`,
    intro: (when) => `Er is een afspraak met u gemaakt op ${when}.`,
    agenda: 'De naam, het e-mailadres en de toelichting van de inwoner ziet u bij uw afspraken, als u bent ingelogd:',
    why: 'Die gegevens staan niet in deze e-mail. Zo blijven ze beter beschermd.',
  },
  advisorCancelled: {
    subject: (when) => `Afspraak geannuleerd: ${when}`,
    intro: (when) =>
      `De inwoner heeft de afspraak op ${when} geannuleerd. Deze tijd is nu weer vrij voor iemand anders.`,
  },
  agendaLabel: 'Naar uw afspraken',
  calendar: { summary: (advisor) => `Afspraak met ${advisor}`, cancel: 'Annuleren' },
};

const en: AppointmentTexts = {
  greeting: (name) => `Hello ${name},`,
  signOff: 'Kind regards,',
  labels: { when: 'When', advisor: 'With', topic: 'Topic', where: 'Where' },
  modes: { VIDEO: 'Video call', PHONE: 'By phone' },
  modeHints: {
    IN_PERSON: null,
    VIDEO: 'It is a video call. Before the appointment, the advisor sends you an e-mail with the link for the call.',
    PHONE: 'It is a phone call. The advisor first sends you an e-mail to agree on the number to call you on.',
  },
  when: (day, from, to) => `${day}, ${from} to ${to} (Dutch time)`,
  cancelLink: 'Can you not make it? Then cancel the appointment with this link, so someone else can choose this time:',
  cancelLabel: 'Cancel the appointment',
  retention:
    'We keep your name, your e-mail address and your note only for this appointment. We delete them 30 days after the appointment.',
  confirmation: {
    subject: (when) => `Your appointment: ${when}`,
    intro: (community) => `You have made an appointment with an advisor of ${community}.`,
    calendar: 'The attachment has the appointment for your calendar (afspraak.ics).',
    reminderFollows: 'One day before the appointment you get another e-mail to remind you.',
  },
  reminder: {
    subject: (when) => `Reminder: your appointment ${when}`,
    intro: (community) => `This is a reminder. You soon have an appointment with an advisor of ${community}.`,
  },
  cancelled: {
    subject: 'Your appointment is cancelled',
    intro: (when) => `Your appointment on ${when} is cancelled. You do not need to do anything else.`,
    again: 'Do you want an appointment after all? Then choose a new time on the website.',
    retention: 'We delete your name, your e-mail address and your note within 30 days.',
  },
  advisorBooked: {
    subject: (when) => `New appointment: ${when}`,
    intro: (when) => `An appointment was made with you on ${when}.`,
    agenda: "You see the resident's name, e-mail address and note with your appointments, when you are signed in:",
    why: 'That information is not in this e-mail. That way it stays better protected.',
  },
  advisorCancelled: {
    subject: (when) => `Appointment cancelled: ${when}`,
    intro: (when) => `The resident cancelled the appointment on ${when}. This time is now free for someone else again.`,
  },
  agendaLabel: 'Go to your appointments',
  calendar: { summary: (advisor) => `Appointment with ${advisor}`, cancel: 'Cancel' },
};

export const appointmentTexts: Record<Locale, AppointmentTexts> = { nl, en };

const TIME_ZONE = 'Europe/Amsterdam';
const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
};
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The time of an appointment in Dutch time, in words: "dinsdag 3 november 2026 van 10:00 tot 10:30 uur". */
export function appointmentTime(startsAt: string, endsAt: string, locale: Locale): string {
  const start = new Date(startsAt);
  return appointmentTexts[locale].when(
    dayFormats[locale].format(start).replace(',', ''),
    timeFormat.format(start),
    timeFormat.format(new Date(endsAt)),
  );
}

/** Where: the address, or "Videogesprek" / "Telefonisch". */
export function appointmentPlace(mode: AppointmentMode, location: string | null, locale: Locale): string {
  return mode === 'IN_PERSON' ? (location ?? '') : appointmentTexts[locale].modes[mode];
}

/** The lines "Wanneer: …", "Met: …", "Onderwerp: …", "Waar: …". */
export function appointmentDetails(facts: AppointmentFacts, locale: Locale): [label: string, value: string][] {
  const { labels } = appointmentTexts[locale];
  return [
    [labels.when, appointmentTime(facts.startsAt, facts.endsAt, locale)],
    [labels.advisor, facts.advisorName],
    [labels.topic, facts.topicName],
    [labels.where, appointmentPlace(facts.mode, facts.location, locale)],
  ];
}

/** The appointment as an .ics file for the citizen's calendar, with the cancel link in its description. */
export function calendarAttachment(
  facts: AppointmentFacts,
  locale: Locale,
  event: { uid: string; stamp: Date; cancelUrl: string },
): MailAttachment {
  const texts = appointmentTexts[locale];
  const hint = texts.modeHints[facts.mode];
  const description = [
    `${texts.labels.topic}: ${facts.topicName}`,
    `${texts.labels.advisor}: ${facts.advisorName} (${facts.community})`,
    ...(hint ? [hint] : []),
    `${texts.calendar.cancel}: ${event.cancelUrl}`,
  ].join('\n');
  return {
    filename: 'afspraak.ics',
    contentType: 'text/calendar; method=PUBLISH; charset=utf-8',
    content: calendarFile({
      uid: event.uid,
      stamp: event.stamp,
      start: new Date(facts.startsAt),
      end: new Date(facts.endsAt),
      summary: texts.calendar.summary(facts.advisorName),
      location: appointmentPlace(facts.mode, facts.location, locale),
      description,
    }),
  };
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

/** The text and HTML of one e-mail, built from the same parts in the same order. */
type Part =
  | { paragraph: string }
  | { details: [string, string][] }
  | { link: string; label: string }
  | { signOff: string; community: string };

function render(locale: Locale, subject: string, parts: Part[]): { text: string; html: string } {
  const text = parts.flatMap((part) => {
    if ('paragraph' in part) return [part.paragraph, ''];
    if ('details' in part) return [...part.details.map(([label, value]) => `${label}: ${value}`), ''];
    if ('link' in part) return [part.link, ''];
    return [part.signOff, part.community, ''];
  });
  const html = parts.map((part) => {
    if ('paragraph' in part) return `<p>${escapeHtml(part.paragraph)}</p>`;
    if ('details' in part) {
      const lines = part.details.map(([label, value]) => `<strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}`);
      return `<p>${lines.join('<br>')}</p>`;
    }
    if ('link' in part) return `<p><a href="${escapeHtml(part.link)}">${escapeHtml(part.label)}</a></p>`;
    return `<p>${escapeHtml(part.signOff)}<br>${escapeHtml(part.community)}</p>`;
  });
  return { text: text.join('\n'), html: htmlMail(locale, subject, html) };
}

export interface CitizenMail {
  to: string;
  locale: Locale;
  /** The name or pseudonym the citizen gave. */
  name: string;
  facts: AppointmentFacts;
  cancelUrl: string;
}

/** Right after booking: the details, the .ics file, the cancel link and how long the data is kept. */
export function confirmationMail(
  mail: CitizenMail & { calendar: MailAttachment; reminderFollows: boolean },
): MailMessage {
  const texts = appointmentTexts[mail.locale];
  const subject = texts.confirmation.subject(appointmentTime(mail.facts.startsAt, mail.facts.endsAt, mail.locale));
  const hint = texts.modeHints[mail.facts.mode];
  return {
    to: mail.to,
    subject,
    attachments: [mail.calendar],
    ...render(mail.locale, subject, [
      { paragraph: texts.greeting(mail.name) },
      { paragraph: texts.confirmation.intro(mail.facts.community) },
      { details: appointmentDetails(mail.facts, mail.locale) },
      ...(hint ? [{ paragraph: hint }] : []),
      { paragraph: texts.confirmation.calendar },
      ...(mail.reminderFollows ? [{ paragraph: texts.confirmation.reminderFollows }] : []),
      { paragraph: texts.cancelLink },
      { link: mail.cancelUrl, label: texts.cancelLabel },
      { paragraph: texts.retention },
      { signOff: texts.signOff, community: mail.facts.community },
    ]),
  };
}

/** The day before: the same details and the cancel link. */
export function reminderMail(mail: CitizenMail): MailMessage {
  const texts = appointmentTexts[mail.locale];
  const subject = texts.reminder.subject(appointmentTime(mail.facts.startsAt, mail.facts.endsAt, mail.locale));
  const hint = texts.modeHints[mail.facts.mode];
  return {
    to: mail.to,
    subject,
    ...render(mail.locale, subject, [
      { paragraph: texts.greeting(mail.name) },
      { paragraph: texts.reminder.intro(mail.facts.community) },
      { details: appointmentDetails(mail.facts, mail.locale) },
      ...(hint ? [{ paragraph: hint }] : []),
      { paragraph: texts.cancelLink },
      { link: mail.cancelUrl, label: texts.cancelLabel },
      { signOff: texts.signOff, community: mail.facts.community },
    ]),
  };
}

/** After the citizen cancelled. */
export function cancelledMail(mail: Omit<CitizenMail, 'cancelUrl'>): MailMessage {
  const texts = appointmentTexts[mail.locale];
  const subject = texts.cancelled.subject;
  return {
    to: mail.to,
    subject,
    ...render(mail.locale, subject, [
      { paragraph: texts.greeting(mail.name) },
      { paragraph: texts.cancelled.intro(appointmentTime(mail.facts.startsAt, mail.facts.endsAt, mail.locale)) },
      { details: appointmentDetails(mail.facts, mail.locale) },
      { paragraph: texts.cancelled.again },
      { paragraph: texts.cancelled.retention },
      { signOff: texts.signOff, community: mail.facts.community },
    ]),
  };
}

export interface AdvisorMail {
  to: string;
  locale: Locale;
  kind: 'booked' | 'cancelled';
  facts: AppointmentFacts;
  /** The page where the advisor signs in and sees their appointments. */
  agendaUrl: string;
}

/** To the advisor: a time was booked or cancelled. Nothing the citizen wrote is in it. */
export function advisorMail(mail: AdvisorMail): MailMessage {
  const texts = appointmentTexts[mail.locale];
  const when = appointmentTime(mail.facts.startsAt, mail.facts.endsAt, mail.locale);
  const words = mail.kind === 'booked' ? texts.advisorBooked : texts.advisorCancelled;
  const subject = words.subject(when);
  return {
    to: mail.to,
    subject,
    ...render(mail.locale, subject, [
      { paragraph: texts.greeting(mail.facts.advisorName) },
      { paragraph: words.intro(when) },
      { details: appointmentDetails(mail.facts, mail.locale).slice(2) },
      ...(mail.kind === 'booked'
        ? [{ paragraph: texts.advisorBooked.agenda }, { link: mail.agendaUrl, label: texts.agendaLabel }]
        : []),
      ...(mail.kind === 'booked' ? [{ paragraph: texts.advisorBooked.why }] : []),
      { signOff: texts.signOff, community: mail.facts.community },
    ]),
  };
}
