/**
 * Days and times an advisor types for their availability are Dutch time (Europe/Amsterdam, summer time included),
 * wherever the advisor's computer is: the appointments are in the Netherlands. The server gets exact instants.
 */
const zone = 'Europe/Amsterdam';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The calendar and clock in the Netherlands at `instant`, as numbers. */
function dutchWallClock(instant: number) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** Today in the Netherlands, YYYY-MM-DD: the earliest day an advisor can offer. */
export function dutchToday(now: Date = new Date()): string {
  const { year, month, day } = dutchWallClock(now.getTime());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a day that exists, written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const match = dayPattern.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for a clock time written HH:MM (24 hours), as `<input type="time">` gives it. */
export function isClockTime(text: string): boolean {
  return timePattern.test(text);
}

/**
 * The instant of a day and clock time in the Netherlands, as ISO 8601 in UTC: "2026-12-01" at "10:00" is
 * "2026-12-01T09:00:00.000Z" (winter time), "2027-06-01" at "10:00" is "2027-06-01T08:00:00.000Z" (summer time).
 * Undefined for a day or time that does not exist, such as 02:30 on the night the clocks go forward.
 */
export function dutchInstant(day: string, time: string): string | undefined {
  if (!isDay(day) || !isClockTime(time)) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, date, hour, minute);
  // The zone's offset at the time read as UTC is right except within hours of a clock change; a second look fixes it.
  let instant = asIfUtc;
  for (let look = 0; look < 2; look++) {
    const clock = dutchWallClock(instant);
    const offset = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute) - instant;
    instant = asIfUtc - offset;
  }
  const check = dutchWallClock(instant);
  const same =
    check.year === year &&
    check.month === month &&
    check.day === date &&
    check.hour === hour &&
    check.minute === minute;
  return same ? new Date(instant).toISOString() : undefined;
}
