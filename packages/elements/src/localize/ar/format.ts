/**
 * Numbers and plurals for the Arabic strings, through Intl so that digits and plural forms follow the language
 * (Arabic has six plural categories: zero, one, two, few, many, other).
 */
const numberFormat = new Intl.NumberFormat('ar');
const pluralRules = new Intl.PluralRules('ar');

/** A count as Intl writes it for Arabic (the digits are whatever CLDR gives `ar`; Chromium now gives 0-9). */
export const number = (value: number): string => numberFormat.format(value);

/** Picks the form for `count`; `other` is the fallback for a category the caller leaves out. */
export function plural(
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, (n: string) => string>> & { other: (n: string) => string },
): string {
  const form = forms[pluralRules.select(count)] ?? forms.other;
  return form(number(count));
}
