/**
 * Calendar days (`YYYY-MM-DD`) in Dutch time, the time reports count in, shared by the server, `plein report` and
 * `<plein-report>`: one definition of a day, a month and a quarter wherever a period is chosen or checked.
 */

export interface DayPeriod {
  from: string;
  to: string;
}

/** The longest period a report covers, both days included. */
export const MAX_REPORT_DAYS = 366;

const dutchDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day in the Netherlands at this instant. */
export function dutchDay(instant: Date | string = new Date()): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(dutchDate.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The day `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** How many days from `from` to `to`, both included: 1 when they are the same day. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The last day of the month of `day`. */
export function lastDayOfMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** `2026-10` → 1 to 31 October 2026. */
export function monthPeriod(month: string): DayPeriod {
  const from = `${month}-01`;
  return { from, to: lastDayOfMonth(from) };
}

/** `2026-Q3` → 1 July to 30 September 2026. */
export function quarterPeriod(quarter: string): DayPeriod {
  const [year, number] = quarter.toUpperCase().split('-Q').map(Number) as [number, number];
  const firstMonth = (number - 1) * 3 + 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: lastDayOfMonth(`${year}-${pad(firstMonth + 2)}-01`) };
}
