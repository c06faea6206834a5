/**
 * Calendar days in Dutch time (Europe/Amsterdam, summer time included). Reports, visit counters and schedules count
 * in the days people in the Netherlands live in; the database keeps instants in UTC. Days are `YYYY-MM-DD` text.
 */

const TIME_ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function dutchFields(instant: Date): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const part of parts.formatToParts(instant)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  return fields;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The day in the Netherlands at this instant. */
export function dutchDay(instant: Date | string): string {
  const f = dutchFields(typeof instant === 'string' ? new Date(instant) : instant);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
}

/** Minutes the Netherlands is ahead of UTC at this instant: 60 in winter, 120 in summer. */
export function dutchOffsetMinutes(instant: Date): number {
  const f = dutchFields(instant);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant (ISO 8601) at which a Dutch wall-clock time happens. A time that does not exist (the hour skipped
 * in spring) moves forward an hour; a time that happens twice (autumn) is the first of the two.
 */
export function dutchTimeToInstant(day: string, hour = 0, minute = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  // Try the offsets around the wall time; the first one that maps back to the same wall time wins.
  for (const guess of [wall - 120 * 60_000, wall - 60 * 60_000]) {
    const offset = dutchOffsetMinutes(new Date(guess));
    const instant = wall - offset * 60_000;
    if (dutchOffsetMinutes(new Date(instant)) === offset) return new Date(instant).toISOString();
  }
  return new Date(wall - dutchOffsetMinutes(new Date(wall)) * 60_000 + 60 * 60_000).toISOString();
}

/** The UTC instant at which this Dutch day begins (00:00 in the Netherlands). */
export function startOfDutchDay(day: string): string {
  return dutchTimeToInstant(day, 0, 0);
}

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

/** Monday is 1, Sunday is 7 (ISO). */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** The ISO week of a day, for example `2026-W44`. */
export function isoWeekKey(day: string): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((daysInclusive(`${year}-01-01`, thursday) - 1) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The last day of the month of `day`. */
export function lastDayOfMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
