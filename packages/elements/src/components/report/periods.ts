import { type DayPeriod, monthPeriod, quarterPeriod } from '@plein/schema';
import { intlLocales } from '../../localize/localize-controller.ts';
import type { Locale } from '../../localize/translations.ts';

/**
 * The periods staff pick a report for, as calendar days (`YYYY-MM-DD`) in Dutch time, the time the server counts in:
 * a month or quarter ends at midnight in the Netherlands, wherever the browser is. The day arithmetic is
 * `@plein/schema`'s, the same as the server's and `plein report`'s.
 */

export type PeriodMode = 'month' | 'quarter' | 'custom';

export type Period = DayPeriod;

const pad = (value: number) => String(value).padStart(2, '0');

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

/** "oktober 2026" / "October 2026" / "أكتوبر ٢٠٢٦". */
export function monthName(month: string, locale: Locale, withYear = true): string {
  // Making a DateTimeFormat costs far more than using one; the picker names 24 months on every render.
  const key = `${locale}|${withYear}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[locale], {
      month: 'long',
      ...(withYear && { year: 'numeric' }),
      timeZone: 'UTC',
    });
    monthFormats.set(key, format);
  }
  return format.format(new Date(`${month}-01T00:00:00Z`));
}
