/**
 * Test numbers computed here, never copied from a person: BSNs that pass the 11-proef and IBANs with correct check
 * digits at made-up banks ("PLEI", "TEST"). The checks are written differently from src/checks.ts (BigInt, a loop
 * over check digits) so a shared mistake is unlikely.
 */

const bsnSum = (eight: string) => [...eight].reduce((sum, digit, i) => sum + (9 - i) * Number(digit), 0);

/** The first valid BSN at or after this eight-digit start (a start below 10,000,000 gives an eight-digit BSN). */
export function bsn(start: number): string {
  for (let n = start; ; n++) {
    const eight = String(n).padStart(8, '0');
    const check = bsnSum(eight) % 11;
    // The weighted sum minus the check digit must be a multiple of 11 other than 0.
    if (check < 10 && bsnSum(eight) !== check)
      return String(Number(eight + check)).padStart(n < 10_000_000 ? 8 : 9, '0');
  }
}

/** A nine-digit number that fails the 11-proef: a valid BSN with its last digit changed. */
export function brokenBsn(start: number): string {
  const valid = bsn(start);
  return valid.slice(0, -1) + ((Number(valid.at(-1)) + 1) % 10);
}

/** Splits digits in groups, e.g. grouped('123456782', [3, 3, 3], ' ') is '123 456 782'. */
export function grouped(digits: string, sizes: number[], separator: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(digits.slice(at, (at += size)));
  return parts.join(separator);
}

const numeric = (text: string) => [...text].map((char) => parseInt(char, 36)).join('');

/** An IBAN with correct check digits, compact, or in groups of four when `spaced`. */
export function iban(country: string, bban: string, spaced = false): string {
  const check = 98n - (BigInt(numeric(bban + country + '00')) % 97n);
  const compact = country + String(check).padStart(2, '0') + bban;
  return spaced ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact;
}

/** The same IBAN with wrong check digits. */
export function brokenIban(country: string, bban: string): string {
  const valid = iban(country, bban);
  return valid.slice(0, 2) + String((Number(valid.slice(2, 4)) + 1) % 100).padStart(2, '0') + valid.slice(4);
}
