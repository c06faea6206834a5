import type { ReportFieldsFragment } from './generated/graphql.ts';

/**
 * One way to turn a report into tables, CSV and JSON, shared by `<plein-report>` (what staff see and download), the
 * report e-mail and `plein report`: the same period gives the same file wherever it comes from.
 */

/** A report as the `Report` operation returns it; the server's own model has the same shape. */
export type ReportData = ReportFieldsFragment;
/** The languages of the report e-mail and `plein report`. */
export type ReportLocale = 'nl' | 'en';
/** The languages `<plein-report>` shows the report in: the same, plus Arabic (the right-to-left proof). */
export type ReportDisplayLocale = ReportLocale | 'ar';

/** `Intl` locales for the report's days: Dutch and British English day-month order, Arabic digits and month names. */
const intlLocales = { nl: 'nl-NL', en: 'en-GB', ar: 'ar' } as const;

export type ReportTableId = 'summary' | 'topics' | 'municipalities' | 'over-time' | 'visits' | 'private' | 'titles';

export interface ReportTableRow {
  /** What the row is about: a figure, a topic, a municipality, a period, a page. */
  item: string;
  /** This period, as shown: a number, a percentage, a time or 'minder dan 5'. */
  current: string;
  /** The previous period, as shown; for example titles it is empty. */
  previous: string;
}

export interface ReportTable {
  id: ReportTableId;
  title: string;
  /** Column headers: the item, this period, the previous period. */
  columns: [string, string, string];
  rows: ReportTableRow[];
}

const words = {
  nl: {
    summary: 'Overzicht',
    topics: 'Vragen per onderwerp',
    municipalities: 'Vragen per gemeente',
    overTime: 'Vragen door de tijd',
    visits: 'Bezoeken per pagina',
    private: 'Privé vragen per onderwerp (per e-mail, hele community)',
    titles: 'Wat inwoners vragen (voorbeelden)',
    item: 'Onderdeel',
    section: 'Deel',
    topic: 'Onderwerp',
    question: 'Vraag',
    thisPeriod: 'Deze periode',
    previousPeriod: 'Vorige periode',
    through: 't/m',
    questions: 'Vragen',
    answers: 'Antwoorden',
    expertShare: 'Beantwoord door een expert',
    resolvedShare: 'Opgelost',
    firstAnswer: 'Tijd tot eerste antwoord (mediaan)',
    firstExpertAnswer: 'Tijd tot eerste antwoord van een expert (mediaan)',
    unanswered: 'Na 48 uur nog zonder antwoord',
    visitCount: 'Bezoeken',
    noMunicipality: 'Geen gemeente bekend',
    allMunicipalities: 'Alle gemeenten',
    municipality: 'Gemeente',
  },
  en: {
    summary: 'Overview',
    topics: 'Questions per topic',
    municipalities: 'Questions per municipality',
    overTime: 'Questions over time',
    visits: 'Visits per page',
    private: 'Private questions per topic (by e-mail, whole community)',
    titles: 'What residents ask (examples)',
    item: 'Item',
    section: 'Part',
    topic: 'Topic',
    question: 'Question',
    thisPeriod: 'This period',
    previousPeriod: 'Previous period',
    through: 'to',
    questions: 'Questions',
    answers: 'Answers',
    expertShare: 'Answered by an expert',
    resolvedShare: 'Resolved',
    firstAnswer: 'Time to first answer (median)',
    firstExpertAnswer: 'Time to first expert answer (median)',
    unanswered: 'Still without an answer after 48 hours',
    visitCount: 'Visits',
    noMunicipality: 'No municipality known',
    allMunicipalities: 'All municipalities',
    municipality: 'Municipality',
  },
  ar: {
    summary: 'نظرة عامة',
    topics: 'الأسئلة حسب الموضوع',
    municipalities: 'الأسئلة حسب البلدية',
    overTime: 'الأسئلة عبر الزمن',
    visits: 'الزيارات حسب الصفحة',
    private: 'الأسئلة الخاصة حسب الموضوع (بالبريد الإلكتروني، المجتمع كله)',
    titles: 'ماذا يسأل السكان (أمثلة)',
    item: 'البند',
    section: 'القسم',
    topic: 'الموضوع',
    question: 'السؤال',
    thisPeriod: 'هذه الفترة',
    previousPeriod: 'الفترة السابقة',
    through: 'إلى',
    questions: 'الأسئلة',
    answers: 'الإجابات',
    expertShare: 'أجاب عنها خبير',
    resolvedShare: 'تم حلّها',
    firstAnswer: 'الوقت حتى أول إجابة (الوسيط)',
    firstExpertAnswer: 'الوقت حتى أول إجابة من خبير (الوسيط)',
    unanswered: 'ما زالت بلا إجابة بعد 48 ساعة',
    visitCount: 'الزيارات',
    noMunicipality: 'لا توجد بلدية معروفة',
    allMunicipalities: 'كل البلديات',
    municipality: 'البلدية',
  },
} as const;

/** The words of the report's tables, for elements that label around them. */
export function reportWords(locale: ReportDisplayLocale) {
  return words[locale];
}

/** A day as people read it: "1 okt. 2026" / "1 Oct 2026". Days are calendar days, so no time zone applies. */
export function formatReportDay(day: string, locale: ReportDisplayLocale, withYear = true): string {
  return new Intl.DateTimeFormat(intlLocales[locale], {
    day: 'numeric',
    month: 'short',
    ...(withYear && { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** "1 okt. 2026 t/m 31 okt. 2026". */
export function formatReportPeriod(period: { from: string; to: string }, locale: ReportDisplayLocale): string {
  if (period.from === period.to) return formatReportDay(period.from, locale);
  return `${formatReportDay(period.from, locale)} ${words[locale].through} ${formatReportDay(period.to, locale)}`;
}

type Pair = { current: { label: string }; previous: { label: string } };
const row = (item: string, figure: Pair): ReportTableRow => ({
  item,
  current: figure.current.label,
  previous: figure.previous.label,
});

/** The report as the tables `<plein-report>` shows, in this order. */
export function reportTables(report: ReportData, locale: ReportDisplayLocale): ReportTable[] {
  const w = words[locale];
  const columns: [string, string, string] = [
    w.item,
    `${w.thisPeriod} (${formatReportPeriod(report.period, locale)})`,
    `${w.previousPeriod} (${formatReportPeriod(report.previousPeriod, locale)})`,
  ];
  return [
    {
      id: 'summary',
      title: w.summary,
      columns,
      rows: [
        row(w.questions, report.questions),
        row(w.answers, report.answers),
        row(w.expertShare, report.expertAnsweredShare),
        row(w.resolvedShare, report.resolvedShare),
        row(w.firstAnswer, report.medianHoursToFirstAnswer),
        row(w.firstExpertAnswer, report.medianHoursToFirstExpertAnswer),
        row(w.unanswered, report.unansweredAfter48Hours),
        row(w.visitCount, report.visits),
      ],
    },
    {
      id: 'topics',
      title: w.topics,
      columns: [w.topic, columns[1], columns[2]],
      rows: report.questionsByTopic.map((entry) => row(entry.topic.name, entry.questions)),
    },
    {
      id: 'municipalities',
      title: w.municipalities,
      columns: [w.municipality, columns[1], columns[2]],
      rows: report.questionsByMunicipality.map((entry) =>
        row(entry.municipality?.name ?? w.noMunicipality, entry.questions),
      ),
    },
    {
      id: 'over-time',
      title: w.overTime,
      columns,
      rows: report.questionsOverTime.map((bucket) => ({
        item: formatReportPeriod(bucket.period, locale),
        current: bucket.questions.label,
        previous: bucket.previous.label,
      })),
    },
    {
      id: 'visits',
      title: w.visits,
      columns,
      rows: report.visitsByPage.map((entry) => row(`${entry.page} (${entry.element})`, entry.visits)),
    },
    {
      id: 'private',
      title: w.private,
      columns: [w.topic, columns[1], columns[2]],
      rows: [
        row(w.questions, report.privateQuestions),
        ...report.privateQuestionsByTopic.map((entry) => row(entry.topic.name, entry.questions)),
      ],
    },
    {
      id: 'titles',
      title: w.titles,
      columns: [w.topic, w.question, ''],
      rows: report.questionsByTopic.flatMap((entry) =>
        entry.titles.map((title) => ({ item: entry.topic.name, current: title, previous: '' })),
      ),
    },
  ];
}

/** A CSV field: quoted when it holds the separator, a quote or a line break; a leading = + - @ is defused. */
function csvField(text: string): string {
  // Spreadsheets run a cell that starts with = + - @ as a formula (CSV injection); a quote in front stops that.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The report as CSV for Dutch spreadsheets: UTF-8 with a byte-order mark, `;` between fields, CRLF line ends. One
 * header line, then one line per row of every table, its first field naming the table.
 */
export function reportCsv(report: ReportData, locale: ReportDisplayLocale): string {
  const w = words[locale];
  const tables = reportTables(report, locale);
  const [, thisPeriod, previousPeriod] = tables[0]!.columns;
  const lines = [
    [w.section, w.item, thisPeriod, previousPeriod],
    [w.municipality, '', report.municipality?.name ?? w.allMunicipalities, ''],
    ...tables.flatMap((table) => table.rows.map((entry) => [table.title, entry.item, entry.current, entry.previous])),
  ];
  return `\uFEFF${lines.map((fields) => fields.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** The report as JSON: exactly the figures shown, each with its label and whether it was suppressed. */
export function reportJson(report: ReportData): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A file name such as `plein-rapport-2026-10-01-2026-10-31.csv`. */
export function reportFileName(report: ReportData, extension: 'csv' | 'json', locale: ReportDisplayLocale): string {
  const base = locale === 'nl' ? 'plein-rapport' : 'plein-report';
  const municipality = report.municipality ? `-${report.municipality.slug}` : '';
  return `${base}${municipality}-${report.period.from}-${report.period.to}.${extension}`;
}
