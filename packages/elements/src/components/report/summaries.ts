import type { ReportData, ReportDisplayLocale as ReportLocale } from '@plein/schema';
import type { LocalizeController } from '../../localize/localize-controller.ts';

/**
 * The one-sentence summary above each chart, worked out from the figures: what a sighted reader takes from the
 * chart at a glance, for everyone. A suppressed count is never the largest (it is below 5) and never compared as a
 * number: it is said as "minder dan 5".
 */

type Translate = LocalizeController['t'];

export interface Count {
  value: number | null;
  suppressed: boolean;
  label: string;
}

/** One bar pair or one point of the line: this period and the one before. */
export interface ChartRow {
  /** As the table names it. */
  item: string;
  /** As a sentence names it, when that differs from the table ("pagina's zonder gemeente"). */
  name?: string;
  current: Count;
  previous: Count;
}

const shown = (count: Count): number | undefined =>
  !count.suppressed && count.value !== null ? count.value : undefined;

/** The rows with the highest count shown in this period (several when they tie); none when nothing is shown. */
export function leaders<Row extends { current: Count }>(rows: readonly Row[]): Row[] {
  const values = rows.map((row) => shown(row.current)).filter((value) => value !== undefined);
  if (values.length === 0) return [];
  const highest = Math.max(...values);
  return rows.filter((row) => shown(row.current) === highest);
}

/** "8 meer dan de vorige periode", "evenveel als de vorige periode", or that the previous count was below 5. */
export function comparison(t: Translate, row: { current: Count; previous: Count }): string {
  const current = shown(row.current);
  const previous = shown(row.previous);
  if (previous === undefined || current === undefined) return t('report.compare.previousSuppressed');
  if (current > previous) return t('report.compare.more', current - previous);
  if (current < previous) return t('report.compare.fewer', previous - current);
  return t('report.compare.same');
}

function list(names: string[], locale: ReportLocale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

export type BarChartKind = 'topics' | 'municipalities' | 'visits';

/** The summary of a bar chart: which topic, municipality or page had the most, and how that compares. */
export function barSummary(t: Translate, locale: ReportLocale, kind: BarChartKind, rows: readonly ChartRow[]): string {
  const top = leaders(rows);
  const first = top[0];
  if (!first) {
    if (kind === 'topics') return t('report.summary.topicsNone');
    if (kind === 'municipalities') return t('report.summary.municipalitiesNone');
    return t('report.summary.visitsNone');
  }
  if (top.length > 1) {
    const names = list(
      top.map((row) => row.name ?? row.item),
      locale,
    );
    if (kind === 'topics') return t('report.summary.topicsTie', names, first.current.label);
    if (kind === 'municipalities') return t('report.summary.municipalitiesTie', names, first.current.label);
    return t('report.summary.visitsTie', names, first.current.label);
  }
  const name = first.name ?? first.item;
  const compared = comparison(t, first);
  if (kind === 'topics') return t('report.summary.topics', name, first.current.label, compared);
  if (kind === 'municipalities') return t('report.summary.municipalities', name, first.current.label, compared);
  return t('report.summary.visits', name, first.current.label, compared);
}

/** The summary of the questions-over-time line: the busiest day, week or month. */
export function overTimeSummary(
  t: Translate,
  locale: ReportLocale,
  report: Pick<ReportData, 'bucketSize' | 'questionsOverTime'>,
  nameOf: (period: { from: string; to: string }) => string,
): string {
  const top = leaders(report.questionsOverTime.map((bucket) => ({ ...bucket, current: bucket.questions })));
  const first = top[0];
  if (!first) return t('report.summary.overTimeNone', report.bucketSize);
  const when = list(
    top.map((bucket) => nameOf(bucket.period)),
    locale,
  );
  return top.length > 1
    ? t('report.summary.overTimeTie', report.bucketSize, when, first.questions.label)
    : t('report.summary.overTime', report.bucketSize, when, first.questions.label);
}
