import { addDays, daysInclusive } from '@plein/schema';

/**
 * Instants and weeks in Dutch time (Europe/Amsterdam, summer time included). Reports, visit counters and schedules
 * count in the days people in the Netherlands live in; the database keeps instants in UTC. The day arithmetic itself
 * (`dutchDay`, `addDays`, `isDay`, months and quarters) is in `@plein/schema`, shared with `plein report` and
 * `<plein-report>`.
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
