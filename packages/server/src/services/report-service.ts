import { findPersonalData } from '@plein/pii';
import type { Locale } from '../i18n/locale.ts';
import type { ErrorMessageKey } from '../i18n/messages.ts';
import type { MunicipalityRow, TopicRow } from '../store/database-schema.ts';
import type { InstantWindow, ReportQuestionFacts, ReportVisitTotal } from '../store/report-store.ts';
import type { PleinStore } from '../store/store.ts';
import type { AuditLog } from './audit-log.ts';
import type { Clock } from './clock.ts';
import {
  addDays,
  daysInclusive,
  isDay,
  lastDayOfMonth,
  MAX_REPORT_DAYS,
  type ReportBucketSize,
  type ReportData,
} from '@plein/schema';
import { startOfDutchDay } from './dutch-time.ts';
import { ServiceError } from './errors.ts';
import { type Community, type Municipality, type Topic, toMunicipality, toTopic } from './models.ts';
import {
  type ColumnCounts,
  SUPPRESSION_THRESHOLD,
  suppressColumn,
  suppressTotalWithRows,
} from './report-suppression.ts';
import { requireRole, type Viewer } from './viewer.ts';

/** A longer period would mostly compare a year with the year before; a year (leap day included) is enough. */
const MAX_VISIT_ROWS = 50;
const MAX_TITLES = 10;
/** Titles are read a page at a time until enough pass the personal-data check. */
const TITLE_PAGE = 30;
const HOUR_MS = 60 * 60_000;
const UNANSWERED_AFTER_MS = 48 * HOUR_MS;

/** Days in Dutch time, both included. */
export interface ReportPeriod {
  from: string;
  to: string;
}

export interface ReportCount {
  /** Null when suppressed: a suppressed count is never sent, not even as 0. */
  value: number | null;
  suppressed: boolean;
  label: string;
}

export interface ReportShare {
  /** From 0 to 1; null when suppressed. */
  value: number | null;
  suppressed: boolean;
  label: string;
}

export interface ReportDuration {
  /** Rounded to one decimal; null when suppressed. */
  hours: number | null;
  suppressed: boolean;
  label: string;
}

/** A figure in this period and in the period of equal length before it. */
export interface ReportFigure<Cell> {
  current: Cell;
  previous: Cell;
}

/** `Report` of the contract. Topics and municipalities are the usual models, so their own fields still resolve. */
export interface ReportModel {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  municipality: Municipality | null;
  generatedAt: string;
  suppressionThreshold: number;
  questions: ReportFigure<ReportCount>;
  answers: ReportFigure<ReportCount>;
  expertAnsweredShare: ReportFigure<ReportShare>;
  resolvedShare: ReportFigure<ReportShare>;
  medianHoursToFirstAnswer: ReportFigure<ReportDuration>;
  medianHoursToFirstExpertAnswer: ReportFigure<ReportDuration>;
  unansweredAfter48Hours: ReportFigure<ReportCount>;
  visits: ReportFigure<ReportCount>;
  questionsByTopic: { topic: Topic; questions: ReportFigure<ReportCount>; titles: string[] }[];
  questionsByMunicipality: { municipality: Municipality | null; questions: ReportFigure<ReportCount> }[];
  bucketSize: ReportBucketSize;
  questionsOverTime: { period: ReportPeriod; questions: ReportCount; previous: ReportCount }[];
  visitsByPage: { page: string; element: string; visits: ReportFigure<ReportCount> }[];
  /** Private e-mail questions of the whole community: only how many, per topic. */
  privateQuestions: ReportFigure<ReportCount>;
  privateQuestionsByTopic: { topic: Topic; questions: ReportFigure<ReportCount> }[];
}

// The CSV, the e-mail and `<plein-report>` take the report as `ReportData`: the compiler keeps the two in step.
const _reportModelIsReportData = (model: ReportModel): ReportData => model;

/**
 * The anonymized report for a municipality (issue 7): what residents ask about, how much, how fast it is answered,
 * and how much the widgets are used, each figure against the period of equal length just before. Every figure is
 * computed from a few aggregated rows (store/report-store.ts) for the whole community, then for the chosen
 * municipality, and report-suppression.ts decides what may be shown. Nothing in a report points to a person: no
 * count below 5, no names, and only question titles in which the personal-data finder finds nothing.
 */
export class ReportService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * For staff and admins of the community: the report, written to the audit log (period and municipality only), so
   * that anyone comparing many overlapping periods shows up there.
   */
  async report(
    viewer: Viewer | null | undefined,
    community: Community,
    args: { from: string; to: string; municipality?: string | null },
    locale: Locale,
  ): Promise<ReportModel> {
    const staff = requireRole(viewer, community.id, 'STAFF', 'ADMIN');
    const report = await this.build(community.id, args, args.municipality ?? null, locale);
    await this.audit.record({
      communityId: community.id,
      actorUserId: staff.userId,
      action: 'report.viewed',
      subjectType: 'community',
      subjectId: community.id,
      detail: { from: report.period.from, to: report.period.to, municipality: report.municipality?.slug ?? null },
    });
    return report;
  }

  /**
   * The report without any check of who asks: for trusted callers on the server (the CLI, the report e-mail). A bad
   * period or an unknown municipality is a BAD_USER_INPUT error with a message that says what to change.
   */
  async build(
    communityId: string,
    period: { from: string; to: string },
    municipalitySlug: string | null,
    locale: Locale,
  ): Promise<ReportModel> {
    const { current, previous, days } = checkedPeriods(period);
    const municipalityRow =
      municipalitySlug === null ? undefined : await this.store.municipalityBySlug(communityId, municipalitySlug);
    if (municipalitySlug !== null && !municipalityRow) refuse('REPORT_UNKNOWN_MUNICIPALITY');
    const now = this.clock();

    const [topics, municipalities, currentFacts, previousFacts] = await Promise.all([
      this.store.topics(communityId),
      this.store.municipalities(communityId),
      this.periodFacts(communityId, current),
      this.periodFacts(communityId, previous),
    ]);
    const size = bucketSizeFor(days);
    const buckets = bucketsOf(current, size);
    const scope = municipalityRow?.id;
    const visitKeys = shownVisitKeys(currentFacts.visits, scope);
    const visitRowsCut = visitsByPage(currentFacts.visits, scope).size - visitKeys.length;
    const layout = (facts: PeriodFacts, shift: number): ColumnLayout => ({
      topics,
      municipalities: scope === undefined ? [...municipalities.map((row) => row.id), null] : [scope],
      bucketBounds: bucketBounds(buckets.map((bucket) => shiftPeriod(bucket, shift))),
      visitKeys,
      visitRowsCut,
      facts,
    });
    const currentLayout = layout(currentFacts, 0);
    const previousLayout = layout(previousFacts, -days);
    const nowMs = now.getTime();
    const columns = {
      current: countColumn(currentLayout, scope, nowMs),
      previous: countColumn(previousLayout, scope, nowMs),
    };
    const hidden = {
      current: suppressColumn(columns.current.counts, wholeCommunity(currentLayout, scope, nowMs)),
      previous: suppressColumn(columns.previous.counts, wholeCommunity(previousLayout, scope, nowMs)),
    };

    const label = labels(locale);
    const count = (key: 'questions' | 'answers' | 'visits' | 'unansweredAfter48Hours') => ({
      current: label.count(columns.current.counts[key], hidden.current[key]),
      previous: label.count(columns.previous.counts[key], hidden.previous[key]),
    });
    const row = (key: 'topics' | 'municipalities' | 'visitRows', index: number) => ({
      current: label.count(columns.current.counts[key][index]!, hidden.current[key][index]!),
      previous: label.count(columns.previous.counts[key][index]!, hidden.previous[key][index]!),
    });
    const share = (part: 'expertAnswered' | 'resolved', key: 'expertAnsweredShare' | 'resolvedShare') => ({
      current: label.share(columns.current.counts[part], columns.current.counts.questions, hidden.current[key]),
      previous: label.share(columns.previous.counts[part], columns.previous.counts.questions, hidden.previous[key]),
    });
    const duration = (key: 'medianHoursToFirstAnswer' | 'medianHoursToFirstExpertAnswer') => ({
      current: label.duration(columns.current.medians[key], hidden.current[key]),
      previous: label.duration(columns.previous.medians[key], hidden.previous[key]),
    });
    const currentWindow = instantWindow(current);
    // Private questions: only a tally per topic and day exists, for the whole community (they have no municipality).
    const privateColumn = async (period: ReportPeriod) => {
      const counts = await this.store.privateQuestions.countsByTopic(communityId, period.from, period.to);
      const rows = topics.map((topic) => counts.get(topic.id) ?? 0);
      const total = rows.reduce((sum, value) => sum + value, 0);
      return { total, rows, hidden: suppressTotalWithRows(total, rows) };
    };
    const [privateCurrent, privatePrevious] = await Promise.all([privateColumn(current), privateColumn(previous)]);

    return {
      period: current,
      previousPeriod: previous,
      municipality: municipalityRow ? toMunicipality(municipalityRow) : null,
      generatedAt: now.toISOString(),
      suppressionThreshold: SUPPRESSION_THRESHOLD,
      questions: count('questions'),
      answers: count('answers'),
      expertAnsweredShare: share('expertAnswered', 'expertAnsweredShare'),
      resolvedShare: share('resolved', 'resolvedShare'),
      medianHoursToFirstAnswer: duration('medianHoursToFirstAnswer'),
      medianHoursToFirstExpertAnswer: duration('medianHoursToFirstExpertAnswer'),
      unansweredAfter48Hours: count('unansweredAfter48Hours'),
      visits: count('visits'),
      questionsByTopic: await Promise.all(
        topics.map(async (topic, index) => {
          const questions = row('topics', index);
          // Titles only where the count is shown: a title under a hidden count would show the topic was asked about.
          const titles = questions.current.suppressed
            ? []
            : await this.titles(communityId, currentWindow, { topicId: topic.id, municipalityId: scope });
          return { topic: toTopic(topic), questions, titles };
        }),
      ),
      questionsByMunicipality: currentLayout.municipalities.map((id, index) => ({
        municipality: municipalityOf(id, municipalities),
        questions: row('municipalities', index),
      })),
      bucketSize: size,
      questionsOverTime: buckets.map((bucket, index) => ({
        period: bucket,
        questions: label.count(columns.current.counts.buckets[index]!, hidden.current.buckets[index]!),
        previous: label.count(columns.previous.counts.buckets[index]!, hidden.previous.buckets[index]!),
      })),
      visitsByPage: currentLayout.visitKeys.map((key, index) => ({
        ...visitKeyParts(key),
        visits: row('visitRows', index),
      })),
      privateQuestions: {
        current: label.count(privateCurrent.total, privateCurrent.hidden.total),
        previous: label.count(privatePrevious.total, privatePrevious.hidden.total),
      },
      privateQuestionsByTopic: topics.map((topic, index) => ({
        topic: toTopic(topic),
        questions: {
          current: label.count(privateCurrent.rows[index]!, privateCurrent.hidden.rows[index]!),
          previous: label.count(privatePrevious.rows[index]!, privatePrevious.hidden.rows[index]!),
        },
      })),
    };
  }

  private async periodFacts(communityId: string, period: ReportPeriod): Promise<PeriodFacts> {
    const window = instantWindow(period);
    const [questions, answers, visits] = await Promise.all([
      this.store.reports.questionFacts(communityId, window),
      this.store.reports.answerCounts(communityId, window),
      this.store.reports.visitTotals(communityId, period),
    ]);
    return { questions, answers, visits };
  }

  /**
   * Up to 10 titles of the topic's questions in the period, newest first, in which the personal-data finder finds
   * nothing at all when run again now: a title with a finding is left out, not redacted, since a redacted title
   * still says something about someone. Older rows may predate the guard that runs when a question is posted.
   */
  private async titles(
    communityId: string,
    window: InstantWindow,
    filter: { topicId: string; municipalityId?: string },
  ): Promise<string[]> {
    const clean: string[] = [];
    for (let offset = 0; clean.length < MAX_TITLES; offset += TITLE_PAGE) {
      const page = await this.store.reports.questionTitles(communityId, window, filter, { limit: TITLE_PAGE, offset });
      for (const title of page) {
        if (clean.length < MAX_TITLES && findPersonalData(title).length === 0) clean.push(title);
      }
      if (page.length < TITLE_PAGE) break;
    }
    return clean;
  }
}

function refuse(messageKey: ErrorMessageKey): never {
  throw new ServiceError('BAD_USER_INPUT', messageKey);
}

/** The requested period, checked, with the period of equal length just before it. */
function checkedPeriods(period: { from: unknown; to: unknown }): {
  current: ReportPeriod;
  previous: ReportPeriod;
  days: number;
} {
  const { from, to } = period;
  // The Date scalar passes any value through, so the type is checked here as well.
  if (typeof from !== 'string' || typeof to !== 'string' || !isDay(from) || !isDay(to)) refuse('REPORT_INVALID_DAY');
  if (to < from) refuse('REPORT_END_BEFORE_START');
  const days = daysInclusive(from, to);
  if (days > MAX_REPORT_DAYS) refuse('REPORT_PERIOD_TOO_LONG');
  return { current: { from, to }, previous: { from: addDays(from, -days), to: addDays(from, -1) }, days };
}

/** From the start of the first Dutch day to the start of the day after the last. */
function instantWindow(period: ReportPeriod): InstantWindow {
  return { start: startOfDutchDay(period.from), end: startOfDutchDay(addDays(period.to, 1)) };
}

const shiftPeriod = (period: ReportPeriod, days: number): ReportPeriod => ({
  from: addDays(period.from, days),
  to: addDays(period.to, days),
});

/** Days for a month at most, weeks for half a year at most, months above: at most about 31 points on the line. */
function bucketSizeFor(days: number): ReportBucketSize {
  if (days <= 31) return 'DAY';
  if (days <= 184) return 'WEEK';
  return 'MONTH';
}

/** Days; or 7-day chunks from the first day (the last may be shorter); or calendar months cut to the period. */
function bucketsOf(period: ReportPeriod, size: ReportBucketSize): ReportPeriod[] {
  const buckets: ReportPeriod[] = [];
  for (let from = period.from; from <= period.to;) {
    const end = size === 'DAY' ? from : size === 'WEEK' ? addDays(from, 6) : lastDayOfMonth(from);
    const to = end < period.to ? end : period.to;
    buckets.push({ from, to });
    from = addDays(to, 1);
  }
  return buckets;
}

/** Each bucket's first instant (ms), then the end of the last: bucket i holds [bounds[i], bounds[i + 1]). */
function bucketBounds(buckets: readonly ReportPeriod[]): number[] {
  const bounds = buckets.map((bucket) => Date.parse(startOfDutchDay(bucket.from)));
  bounds.push(Date.parse(startOfDutchDay(addDays(buckets.at(-1)!.to, 1))));
  return bounds;
}

/** The bucket an instant falls in, or -1 outside them all. */
function bucketIndex(bounds: readonly number[], instant: number): number {
  if (instant < bounds[0]! || instant >= bounds.at(-1)!) return -1;
  let low = 0;
  let high = bounds.length - 2;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (bounds[middle]! <= instant) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The rows of one period, for the whole community. */
interface PeriodFacts {
  questions: ReportQuestionFacts[];
  answers: Map<string | null, number>;
  visits: ReportVisitTotal[];
}

/** What one column is counted over: the rows of its period and the report's rows, in the order they are shown. */
interface ColumnLayout {
  facts: PeriodFacts;
  topics: readonly TopicRow[];
  /** Municipality ids; null is the row of questions without one. */
  municipalities: readonly (string | null)[];
  bucketBounds: readonly number[];
  /** The page-and-element rows shown (see `visitKey`), chosen by the current period's visits. */
  visitKeys: readonly string[];
  /** How many of the current period's page-and-element rows the cap leaves out; in both columns the same rows. */
  visitRowsCut: number;
}

/** A column's counts, and its medians in milliseconds (null without any answered question). */
interface ColumnFigures {
  counts: ColumnCounts;
  medians: { medianHoursToFirstAnswer: number | null; medianHoursToFirstExpertAnswer: number | null };
}

// A page is an origin and a path, and an element a tag name: neither holds a NUL character.
const visitKey = (page: string, element: string) => `${page}\u0000${element}`;
function visitKeyParts(key: string): { page: string; element: string } {
  const [page = '', element = ''] = key.split('\u0000');
  return { page, element };
}

/** Visits per page and element, of one municipality or (undefined) of the whole community. */
function visitsByPage(visits: readonly ReportVisitTotal[], municipalityId: string | undefined): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of visits) {
    if (municipalityId !== undefined && row.municipalityId !== municipalityId) continue;
    const key = visitKey(row.page, row.element);
    totals.set(key, (totals.get(key) ?? 0) + row.visits);
  }
  return totals;
}

/** The 50 page-and-element rows with the most visits; equal ones by page, then element (code-point order). */
function shownVisitKeys(visits: readonly ReportVisitTotal[], municipalityId: string | undefined): string[] {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...visitsByPage(visits, municipalityId)]
    .map(([key, count]) => ({ key, count, ...visitKeyParts(key) }))
    .sort((a, b) => b.count - a.count || byText(a.page, b.page) || byText(a.element, b.element))
    .slice(0, MAX_VISIT_ROWS)
    .map((row) => row.key);
}

/** Counts one column of the report, for one municipality or (undefined) for the whole community. */
function countColumn(layout: ColumnLayout, municipalityId: string | undefined, now: number): ColumnFigures {
  const { facts } = layout;
  const questions =
    municipalityId === undefined
      ? facts.questions
      : facts.questions.filter((question) => question.municipalityId === municipalityId);
  const byTopic = new Map<string, number>();
  const byMunicipality = new Map<string | null, number>();
  const buckets = layout.bucketBounds.slice(1).map(() => 0);
  const toFirstAnswer: number[] = [];
  const toFirstExpertAnswer: number[] = [];
  let resolved = 0;
  let unanswered = 0;
  for (const question of questions) {
    const asked = Date.parse(question.createdAt);
    const firstAnswer = question.firstAnswerAt === null ? null : Date.parse(question.firstAnswerAt);
    if (firstAnswer !== null) toFirstAnswer.push(firstAnswer - asked);
    if (question.firstExpertAnswerAt !== null)
      toFirstExpertAnswer.push(Date.parse(question.firstExpertAnswerAt) - asked);
    if (question.status === 'RESOLVED') resolved += 1;
    // Only questions that are 48 hours old can have waited that long; the first answer decides.
    if (asked <= now - UNANSWERED_AFTER_MS && (firstAnswer === null || firstAnswer > asked + UNANSWERED_AFTER_MS)) {
      unanswered += 1;
    }
    byTopic.set(question.topicId, (byTopic.get(question.topicId) ?? 0) + 1);
    byMunicipality.set(question.municipalityId, (byMunicipality.get(question.municipalityId) ?? 0) + 1);
    const bucket = bucketIndex(layout.bucketBounds, asked);
    if (bucket >= 0) buckets[bucket]! += 1;
  }

  const answers =
    municipalityId === undefined
      ? [...facts.answers.values()].reduce((sum, count) => sum + count, 0)
      : (facts.answers.get(municipalityId) ?? 0);
  const visits = visitsByPage(facts.visits, municipalityId);
  return {
    counts: {
      questions: questions.length,
      answers,
      visits: [...visits.values()].reduce((sum, count) => sum + count, 0),
      expertAnswered: toFirstExpertAnswer.length,
      resolved,
      unansweredAfter48Hours: unanswered,
      firstAnswerBase: toFirstAnswer.length,
      firstExpertAnswerBase: toFirstExpertAnswer.length,
      topics: layout.topics.map((topic) => byTopic.get(topic.id) ?? 0),
      municipalities: layout.municipalities.map((id) => byMunicipality.get(id) ?? 0),
      buckets,
      visitRows: layout.visitKeys.map((key) => visits.get(key) ?? 0),
      visitRowsCut: layout.visitRowsCut,
    },
    medians: {
      medianHoursToFirstAnswer: median(toFirstAnswer),
      medianHoursToFirstExpertAnswer: median(toFirstExpertAnswer),
    },
  };
}

/**
 * For a municipality's report: the same cells counted over the whole community, for rule 5 of the suppression. The
 * municipality's own row stands for all of its questions, so its counterpart is the community's questions total
 * (comparing it with the same row in the community's report would always differ by 0 and hide a row that equals
 * the visible total). Undefined for the whole community's report.
 */
function wholeCommunity(layout: ColumnLayout, municipalityId: string | undefined, now: number) {
  if (municipalityId === undefined) return undefined;
  const { counts } = countColumn(layout, undefined, now);
  return { ...counts, municipalities: [counts.questions] };
}

/** The middle value; the mean of the two middle values for an even number. Null without values. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function municipalityOf(id: string | null, municipalities: readonly MunicipalityRow[]): Municipality | null {
  const row = id === null ? undefined : municipalities.find((municipality) => municipality.id === id);
  return row ? toMunicipality(row) : null;
}

const words = {
  nl: {
    fewer: `minder dan ${SUPPRESSION_THRESHOLD}`,
    notShown: `niet getoond (minder dan ${SUPPRESSION_THRESHOLD})`,
    minutes: (minutes: number) => `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`,
    hours: (hours: string) => `${hours} uur`,
    days: (days: string) => `${days} dagen`,
    decimal: ',',
  },
  en: {
    fewer: `fewer than ${SUPPRESSION_THRESHOLD}`,
    notShown: `not shown (fewer than ${SUPPRESSION_THRESHOLD})`,
    minutes: (minutes: number) => `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
    hours: (hours: string) => `${hours} hours`,
    days: (days: string) => `${days} days`,
    decimal: '.',
  },
} as const;

/**
 * What staff read, in their language. A suppressed figure carries no value at all: only the label that says it is
 * not shown. Numbers are digits without grouping ("1234"), so a spreadsheet reads them as numbers.
 */
function labels(locale: Locale) {
  const w = words[locale];
  const tenths = (value: number) => (value / 10).toFixed(1).replace('.', w.decimal);
  return {
    count(value: number, suppressed: boolean): ReportCount {
      return suppressed ? { value: null, suppressed, label: w.fewer } : { value, suppressed, label: String(value) };
    },
    share(part: number, whole: number, suppressed: boolean): ReportShare {
      if (suppressed || whole === 0) return { value: null, suppressed: true, label: w.notShown };
      return { value: part / whole, suppressed, label: `${Math.round((part * 100) / whole)}%` };
    },
    /** Under an hour in minutes, under 48 hours in hours, else in days; one decimal for hours and days. */
    duration(milliseconds: number | null, suppressed: boolean): ReportDuration {
      if (suppressed || milliseconds === null) return { hours: null, suppressed: true, label: w.notShown };
      const hourTenths = Math.round(milliseconds / (HOUR_MS / 10));
      const minutes = Math.round(milliseconds / 60_000);
      const label =
        minutes < 60
          ? w.minutes(minutes)
          : hourTenths < 480
            ? w.hours(tenths(hourTenths))
            : w.days(tenths(Math.round(milliseconds / ((24 * HOUR_MS) / 10))));
      return { hours: hourTenths / 10, suppressed, label };
    },
  };
}
