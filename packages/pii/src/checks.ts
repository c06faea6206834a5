/**
 * The 11-proef of a BSN: nine digits (an eight-digit number is read with a leading zero), weighted 9 down to 2 and
 * -1 for the last; the sum must be divisible by 11 and not 0.
 */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{8,9}$/.test(digits)) return false;
  const padded = digits.padStart(9, '0');
  let sum = -Number(padded[8]);
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(padded[i]);
  return sum !== 0 && sum % 11 === 0;
}

/** IBAN lengths of the SEPA countries, as country code and length pairs. */
const ibanLengths =
  'AD24AT20BE16BG22CH21CY28CZ24DE22DK18EE20ES24FI18FR27GB22GI23GR27HR21HU28IE22IS26IT27LI21LT20LU20LV21MC27MT31NL18NO15PL28PT25RO24SE24SI19SK24SM27VA22';

/** The length an IBAN of this country has, or 0 for a country outside SEPA. */
export function ibanLength(country: string): number {
  const at = ibanLengths.indexOf(country.toUpperCase());
  // Letters only ever sit next to each other inside one pair, so any hit is a whole country code.
  return at < 0 ? 0 : Number(ibanLengths.slice(at + 2, at + 4));
}

/** A compact IBAN (no spaces, any case) of a SEPA country, with its length and mod-97 check right. */
export function isValidIban(iban: string): boolean {
  const compact = iban.toUpperCase();
  if (!/^[A-Z]{2}\d\d[A-Z\d]+$/.test(compact) || compact.length !== ibanLength(compact.slice(0, 2))) return false;
  let rest = 0;
  for (const char of compact.slice(4) + compact.slice(0, 4)) {
    const value = parseInt(char, 36);
    rest = ((value < 10 ? rest * 10 : rest * 100) + value) % 97;
  }
  return rest === 1;
}
