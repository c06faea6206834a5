import {
  addDays,
  lastDayOfMonth,
  formatReportDay,
  formatReportPeriod,
  type ReportData,
  type ReportLocale,
  type ReportTable,
  reportCsv,
  reportFileName,
  reportTables,
  reportWords,
} from '@plein/schema';
import { isoWeekday, isoWeekKey } from '../services/dutch-time.ts';
import { escapeHtml } from './follow-mails.ts';
import type { MailMessage } from './mailer.ts';

/**
 * The report as an e-mail (HTML, plain text and the CSV as an attachment) and as the HTML page `plein report --format
 * html` prints. Both are built from `reportTables`, so they show exactly what `<plein-report>` shows, suppressed counts
 * included: the numbers come from the report as they are, this file only lays them out.
 */

/** Language level B1: short sentences, common words, the "u" form. Dutch is the source; English is the second. */
const texts = {
  nl: {
    title: (community: string, period: string) => `Plein-rapport ${community}: ${period}`,
    week: (week: number, days: string) => `week ${week} (${days})`,
    quarter: (quarter: number, year: string) => `${quarter}e kwartaal ${year}`,
    greeting: 'Hallo,',
    intro: (community: string, period: string) =>
      `Dit is het rapport van ${community} over ${period}. U ziet waar inwoners vragen over stellen, hoeveel vragen er zijn en hoe snel er antwoord komt. Naast elk cijfer staat het cijfer van de periode ervoor.`,
    anonymous:
      'Het rapport is anoniem. Is een aantal kleiner dan 5? Dan staat er "minder dan 5". Zo is niemand te herkennen.',
    attachment:
      'In de bijlage staat hetzelfde rapport als CSV-bestand. U kunt het openen in Excel of een ander rekenprogramma.',
    why: (community: string) =>
      `U krijgt deze e-mail omdat een beheerder van ${community} u heeft gekozen als ontvanger van het rapport. Wilt u het rapport niet meer krijgen? Vraag het dan aan de beheerder.`,
    noRows: 'Geen gegevens in deze periode.',
    signOff: 'Met vriendelijke groet,',
  },
  en: {
    title: (community: string, period: string) => `Plein report ${community}: ${period}`,
    week: (week: number, days: string) => `week ${week} (${days})`,
    quarter: (quarter: number, year: string) => `Q${quarter} ${year}`,
    greeting: 'Hello,',
    intro: (community: string, period: string) =>
      `This is the report of ${community} for ${period}. It shows what residents ask about, how many questions there are and how fast they get an answer. Next to each figure is the figure of the period before.`,
    anonymous:
      'The report is anonymous. Is a number smaller than 5? Then it says "fewer than 5". This way nobody can be recognised.',
    attachment:
      'The attachment holds the same report as a CSV file. You can open it in Excel or another spreadsheet program.',
    why: (community: string) =>
      `You get this e-mail because an administrator of ${community} chose you as a recipient of the report. Do you no longer want the report? Then ask the administrator.`,
    noRows: 'No data in this period.',
    signOff: 'Kind regards,',
  },
} as const;

const monthFormat = {
  nl: new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/**
 * A period as people name it: "oktober 2026" for a calendar month, "week 44 (26 okt. t/m 1 nov. 2026)" for an ISO
 * week, "4e kwartaal 2026" for a quarter, and otherwise its days.
 */
export function reportPeriodName(period: { from: string; to: string }, locale: ReportLocale): string {
  const { from, to } = period;
  const words = texts[locale];
  const monthStart = from.endsWith('-01');
  if (monthStart && to === lastDayOfMonth(from)) {
    return monthFormat[locale].format(new Date(`${from}T00:00:00Z`));
  }
  const month = Number(from.slice(5, 7));
  if (monthStart && month % 3 === 1 && to === lastDayOfMonth(`${from.slice(0, 5)}${pad(month + 2)}-01`)) {
    return words.quarter((month + 2) / 3, from.slice(0, 4));
  }
  if (isoWeekday(from) === 1 && to === addDays(from, 6)) {
    const week = Number(isoWeekKey(from).slice(6));
    const sameYear = from.slice(0, 4) === to.slice(0, 4);
    const days = sameYear
      ? `${formatReportDay(from, locale, false)} ${reportWords(locale).through} ${formatReportDay(to, locale)}`
      : formatReportPeriod(period, locale);
    return words.week(week, days);
  }
  return formatReportPeriod(period, locale);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "Plein-rapport WerkNet Eemsdelta: oktober 2026": the e-mail's subject and the page's title. */
export function reportTitle(communityName: string, report: ReportData, locale: ReportLocale): string {
  return texts[locale].title(communityName, reportPeriodName(report.period, locale));
}

// HTML. Mail programs drop style sheets, so every style is inline; no images, no external resources, no tracking.

const styles = {
  body: 'font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff;',
  table: 'border-collapse: collapse; margin: 0 0 1.5em 0;',
  caption: 'text-align: left; font-weight: bold; font-size: 1.15em; padding: 0 0 0.25em 0;',
  cell: 'border: 1px solid #8c8c8c; padding: 0.25em 0.5em; text-align: left; vertical-align: top;',
  header:
    'border: 1px solid #8c8c8c; padding: 0.25em 0.5em; text-align: left; vertical-align: bottom; background: #eeeeee;',
  figure:
    'border: 1px solid #8c8c8c; padding: 0.25em 0.5em; text-align: right; vertical-align: top; white-space: nowrap;',
};

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

/**
 * One table of the report: a caption, column headers and one row per item, the item as the row's header. The
 * examples of questions have two columns (topic, question); the other tables three (item, this period, previous).
 */
function htmlTable(table: ReportTable, locale: ReportLocale): string {
  const columns = table.columns.filter((column) => column !== '');
  const figures = columns.length === 3;
  const valueStyle = figures ? styles.figure : styles.cell;
  const head = columns.map((column) => `<th scope="col" style="${styles.header}">${escapeHtml(column)}</th>`);
  const empty = `<tr><td colspan="${columns.length}" style="${styles.cell}">${escapeHtml(texts[locale].noRows)}</td></tr>`;
  const rows = table.rows.map((row) => {
    const values = figures ? [row.current, row.previous] : [row.current];
    return [
      '<tr>',
      `<th scope="row" style="${styles.cell}">${escapeHtml(row.item)}</th>`,
      ...values.map((value) => `<td style="${valueStyle}">${escapeHtml(value)}</td>`),
      '</tr>',
    ].join('');
  });
  return [
    `<table style="${styles.table}">`,
    `<caption style="${styles.caption}">${escapeHtml(table.title)}</caption>`,
    `<thead><tr>${head.join('')}</tr></thead>`,
    '<tbody>',
    ...(rows.length > 0 ? rows : [empty]),
    '</tbody>',
    '</table>',
  ].join('\n');
}

export interface ReportDocument {
  communityName: string;
  report: ReportData;
  locale: ReportLocale;
  /** Paragraphs (HTML) before the report itself, such as a greeting. */
  before?: string[];
  /** Paragraphs (HTML) after the tables. */
  after?: string[];
}

/** What the report covers: municipality and the two periods, as lines of text. */
function scopeLines(report: ReportData, locale: ReportLocale): string[] {
  const words = reportWords(locale);
  return [
    `${words.municipality}: ${report.municipality?.name ?? words.allMunicipalities}`,
    `${words.thisPeriod}: ${formatReportPeriod(report.period, locale)}`,
    `${words.previousPeriod}: ${formatReportPeriod(report.previousPeriod, locale)}`,
  ];
}

/** The report as a whole HTML document: the e-mail's body, and what `plein report --format html` prints. */
export function reportHtmlDocument(document: ReportDocument): string {
  const { communityName, report, locale } = document;
  const words = texts[locale];
  const title = reportTitle(communityName, report, locale);
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body style="${styles.body}">`,
    `<h1 style="font-size: 1.5em;">${escapeHtml(title)}</h1>`,
    ...(document.before ?? []),
    paragraph(words.intro(communityName, reportPeriodName(report.period, locale))),
    `<p>${scopeLines(report, locale).map(escapeHtml).join('<br>')}</p>`,
    paragraph(words.anonymous),
    ...reportTables(report, locale).map((table) => htmlTable(table, locale)),
    ...(document.after ?? []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The same tables as plain text: a title, then one line per row. */
function textTable(table: ReportTable, locale: ReportLocale): string[] {
  const previous = reportWords(locale).previousPeriod.toLowerCase();
  const figures = table.columns[2] !== '';
  return [
    table.title.toUpperCase(),
    ...(table.rows.length === 0
      ? [texts[locale].noRows]
      : table.rows.map((row) =>
          figures ? `- ${row.item}: ${row.current} (${previous}: ${row.previous})` : `- ${row.item}: ${row.current}`,
        )),
    '',
  ];
}

/**
 * The Message-ID of one period's report to one recipient. It is the same however often the message is built, so
 * should a crash ever make it go out twice, mail servers and programs see one message.
 */
export function reportMessageId(communitySlug: string, periodKey: string, userId: string, publicUrl: string): string {
  return `<report.${communitySlug}.${periodKey}.${userId}@${new URL(publicUrl).hostname}>`;
}

export interface ReportMail {
  to: string;
  communitySlug: string;
  communityName: string;
  /** 2026-10 for a month, 2026-W44 for an ISO week. */
  periodKey: string;
  userId: string;
  report: ReportData;
  /** This server's address: the Message-ID's host. */
  publicUrl: string;
  locale?: ReportLocale;
}

/** The periodic report e-mail to one staff member. */
export function reportMail(mail: ReportMail): MailMessage {
  const locale = mail.locale ?? 'nl';
  const words = texts[locale];
  const { report, communityName } = mail;
  const periodName = reportPeriodName(report.period, locale);
  return {
    to: mail.to,
    subject: reportTitle(communityName, report, locale),
    messageId: reportMessageId(mail.communitySlug, mail.periodKey, mail.userId, mail.publicUrl),
    text: [
      words.greeting,
      '',
      words.intro(communityName, periodName),
      '',
      ...scopeLines(report, locale),
      '',
      words.anonymous,
      '',
      ...reportTables(report, locale).flatMap((table) => textTable(table, locale)),
      words.attachment,
      '',
      words.why(communityName),
      '',
      words.signOff,
      communityName,
      '',
    ].join('\n'),
    html: reportHtmlDocument({
      communityName,
      report,
      locale,
      before: [paragraph(words.greeting)],
      after: [
        paragraph(words.attachment),
        paragraph(words.why(communityName)),
        `<p>${escapeHtml(words.signOff)}<br>${escapeHtml(communityName)}</p>`,
      ],
    }),
    attachments: [
      {
        filename: reportFileName(report, 'csv', locale),
        content: reportCsv(report, locale),
        contentType: 'text/csv; charset=utf-8',
      },
    ],
  };
}
