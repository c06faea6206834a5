import type { Locale } from '../i18n/locale.ts';
import { addDays, dutchDay } from '@plein/schema';
import { dutchTimeToInstant, isoWeekday } from './dutch-time.ts';

/**
 * Whether an advice line is open, in Dutch time (Europe/Amsterdam, summer time included). Opening hours are wall-clock
 * times: 09:00 is 09:00 in the Netherlands before and after the change to or from summer time, so the instants differ
 * by an hour across it. Pure functions: the caller passes the instant, so tests fix it.
 */

/** One block of opening hours: weekday 1 (Monday) to 7 (Sunday), Dutch wall-clock times as HH:MM. */
export interface OpeningBlock {
  weekday: number;
  opens: string;
  closes: string;
}

export interface OpenStatus {
  open: boolean;
  /** When open: when it closes; when closed: when it opens again; null when nothing opens within the look-ahead. */
  changesAt: string | null;
  /** For example 'Nu open tot 17:00' or 'Nu gesloten, weer open op dinsdag om 9:00'. */
  label: Record<Locale, string>;
}

/** How many days after today the status looks for the next opening. */
export const LOOK_AHEAD_DAYS = 14;

const weekdays: Record<Locale, readonly string[]> = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const months: Record<Locale, readonly string[]> = {
  nl: [
    ...['januari', 'februari', 'maart', 'april', 'mei', 'juni'],
    ...['juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  ],
  en: [
    ...['January', 'February', 'March', 'April', 'May', 'June'],
    ...['July', 'August', 'September', 'October', 'November', 'December'],
  ],
};

/** Minutes after midnight of an HH:MM time. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** The time as people read it: the hour without a leading zero (9:00, 13:30). */
export function readableTime(time: string): string {
  const [hours, minutes] = time.split(':') as [string, string];
  return `${Number(hours)}:${minutes}`;
}

/** The Dutch or English name of a weekday, 1 (Monday) to 7 (Sunday): lower case in Dutch, as in a sentence. */
export function weekdayName(weekday: number, locale: Locale): string {
  return weekdays[locale][weekday - 1] ?? '';
}

/**
 * The blocks of one weekday, earliest first. Blocks that touch (09:00–12:00 and 12:00–17:00) are one: the line does
 * not close in between, so "open until 12:00" would be wrong.
 */
function blocksOn(hours: readonly OpeningBlock[], weekday: number): { opens: string; closes: string }[] {
  const sorted = hours
    .filter((block) => block.weekday === weekday)
    .sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
  const merged: { opens: string; closes: string }[] = [];
  for (const block of sorted) {
    const last = merged.at(-1);
    if (last && minutesOf(block.opens) <= minutesOf(last.closes)) {
      if (minutesOf(block.closes) > minutesOf(last.closes)) last.closes = block.closes;
    } else {
      merged.push({ opens: block.opens, closes: block.closes });
    }
  }
  return merged;
}

const instantOf = (day: string, time: string) => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return dutchTimeToInstant(day, hours, minutes);
};

/** "vandaag", "morgen", "op dinsdag", or with the date when it is a week or more away ("op maandag 4 januari"). */
function whenLabel(day: string, daysAhead: number, locale: Locale): string {
  if (daysAhead === 0) return locale === 'nl' ? 'vandaag' : 'today';
  if (daysAhead === 1) return locale === 'nl' ? 'morgen' : 'tomorrow';
  const name = weekdayName(isoWeekday(day), locale);
  // From a week on, a weekday alone could mean this week's; the date says which one.
  if (daysAhead < 7) return locale === 'nl' ? `op ${name}` : `on ${name}`;
  const [, month, date] = day.split('-').map(Number) as [number, number, number];
  const monthName = months[locale][month - 1];
  return locale === 'nl' ? `op ${name} ${date} ${monthName}` : `on ${name} ${date} ${monthName}`;
}

/**
 * Open or closed at `now`, and until when. A closed day (a public holiday) closes every block of that day. Looks at
 * today and the next LOOK_AHEAD_DAYS days; without an opening in them the line is "Nu gesloten" without a time.
 */
export function openStatus(hours: readonly OpeningBlock[], closedDays: Iterable<string>, now: Date): OpenStatus {
  const closed = new Set(closedDays);
  const today = dutchDay(now);
  const at = now.toISOString();
  for (let daysAhead = 0; daysAhead <= LOOK_AHEAD_DAYS; daysAhead++) {
    const day = addDays(today, daysAhead);
    if (closed.has(day)) continue;
    for (const block of blocksOn(hours, isoWeekday(day))) {
      const opensAt = instantOf(day, block.opens);
      if (at < opensAt) {
        const time = readableTime(block.opens);
        return {
          open: false,
          changesAt: opensAt,
          label: {
            nl: `Nu gesloten, weer open ${whenLabel(day, daysAhead, 'nl')} om ${time}`,
            en: `Closed now, open again ${whenLabel(day, daysAhead, 'en')} at ${time}`,
          },
        };
      }
      const closesAt = instantOf(day, block.closes);
      if (at < closesAt) {
        const time = readableTime(block.closes);
        return { open: true, changesAt: closesAt, label: { nl: `Nu open tot ${time}`, en: `Open now until ${time}` } };
      }
    }
  }
  return { open: false, changesAt: null, label: { nl: 'Nu gesloten', en: 'Closed now' } };
}
