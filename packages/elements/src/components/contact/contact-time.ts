import { intlLocales } from '../../localize/localize-controller.ts';
import type { Locale } from '../../localize/translations.ts';

/**
 * Dates and times in `<plein-contact>`, always in Dutch time (Europe/Amsterdam, summer time included), wherever the
 * reader's computer is: the advice line, the advisors and the appointments are in the Netherlands. English uses the
 * British forms (24-hour clock, "Tuesday 1 December").
 */
const zone = 'Europe/Amsterdam';

const intlLocale = (locale: Locale) => intlLocales[locale];

function yearIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(date);
}

/** "dinsdag 1 december"; with the year when it is not this year's: "dinsdag 1 juni 2027". */
export function slotDay(iso: string, locale: Locale, now: Date = new Date()): string {
  const date = new Date(iso);
  const otherYear = yearIn(date, zone) !== yearIn(now, zone);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(otherYear ? { year: 'numeric' } : {}),
  }).format(date);
}

/** "10:00" (24-hour clock). */
export function clockTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** "1 maart 2027". */
export function longDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** A calendar day (`YYYY-MM-DD`, no time): "26 december"; with the year when it is not this year's. */
export function calendarDay(day: string, locale: Locale, now: Date = new Date()): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, date, 12));
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    ...(String(year) !== yearIn(now, zone) ? { year: 'numeric' } : {}),
  }).format(utc);
}

/** The weekday's name, 1 is Monday and 7 Sunday (ISO): "maandag". */
export function weekdayName(weekday: number, locale: Locale): string {
  // 1 January 2024 was a Monday.
  const day = new Date(Date.UTC(2024, 0, weekday, 12));
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC', weekday: 'long' }).format(day);
}

/** Opening hours as the server stores them ("09:00") the way people write them: "9:00". */
export function openingTime(time: string): string {
  return time.replace(/^0(\d)/, '$1');
}
