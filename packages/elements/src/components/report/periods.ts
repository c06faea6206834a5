/**
 * The periods staff pick a report for, as calendar days (`YYYY-MM-DD`) in Dutch time, the time the server counts in:
 * a month or quarter ends at midnight in the Netherlands, wherever the browser is.
 */

export type PeriodMode = 'month' | 'quarter' | 'custom';

export interface Period {
  from: string;
  to: string;
}

/** The longest period the server reports on, both days included. */
export const MAX_REPORT_DAYS = 366;

const dutchDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in the Netherlands, as `YYYY-MM-DD`. */
export function dutchToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(dutchDate.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The last day of a month (1 to 12) of a year. */
function lastDay(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** How many days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** `2026-10` → 1 to 31 October 2026. */
export function monthPeriod(month: string): Period {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return { from: `${year}-${pad(number)}-01`, to: lastDay(year, number) };
}

/** `2026-Q3` → 1 July to 30 September 2026. */
export function quarterPeriod(quarter: string): Period {
  const [year, number] = quarter.split('-Q').map(Number) as [number, number];
  const firstMonth = (number - 1) * 3 + 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: lastDay(year, firstMonth + 2) };
}

/**
 * The last `count` whole months before today's month, newest first (`2026-10`, `2026-09`, …). A month that is still
 * going would compare a few days with a whole month, so the list starts with the month before.
 */
export function recentMonths(today: string, count = 24): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (i + 1);
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  });
}

/** The last `count` whole quarters before today's quarter, newest first (`2026-Q3`, `2026-Q2`, …). */
export function recentQuarters(today: string, count = 8): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const current = year * 4 + Math.floor((month - 1) / 3);
  return Array.from({ length: count }, (_, i) => {
    const index = current - (i + 1);
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  });
}

/** The month (`2026-10`) or quarter (`2026-Q4`) a period is exactly, if it is one. */
export function periodKind(period: Period): { mode: 'month' | 'quarter'; key: string } | undefined {
  const month = period.from.slice(0, 7);
  if (period.from.endsWith('-01') && period.to === monthPeriod(month).to) return { mode: 'month', key: month };
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const quarter = `${year}-Q${Math.floor((monthNumber - 1) / 3) + 1}`;
  const whole = quarterPeriod(quarter);
  if (whole.from === period.from && whole.to === period.to) return { mode: 'quarter', key: quarter };
  return undefined;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "oktober 2026" / "October 2026". */
export function monthName(month: string, locale: 'nl' | 'en', withYear = true): string {
  // Making a DateTimeFormat costs far more than using one; the picker names 24 months on every render.
  const key = `${locale}|${withYear}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      month: 'long',
      ...(withYear && { year: 'numeric' }),
      timeZone: 'UTC',
    });
    monthFormats.set(key, format);
  }
  return format.format(new Date(`${month}-01T00:00:00Z`));
}
