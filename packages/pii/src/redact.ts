import { findPersonalData, type PersonalDataFinding, type PersonalDataKind, type PersonalDataOptions } from './find.ts';

/** What stands in the text where personal data was (Dutch, as the text a citizen reads). */
export const placeholders: Record<PersonalDataKind, string> = {
  bsn: '[BSN verwijderd]',
  iban: '[IBAN verwijderd]',
  phone: '[telefoonnummer verwijderd]',
  email: '[e-mailadres verwijderd]',
  postcode: '[postcode verwijderd]',
  'date-of-birth': '[geboortedatum verwijderd]',
  'street-address': '[adres verwijderd]',
  name: '[naam verwijderd]',
};

export interface RedactOptions extends PersonalDataOptions {
  /** Replace only findings of at least this confidence. Default `'low'`: everything found is replaced. */
  minConfidence?: 'high' | 'low';
}

/**
 * Replaces personal data with a Dutch placeholder such as '[BSN verwijderd]'.
 *
 * `findings` lists every finding, with offsets in the ORIGINAL text, including those left in place because their
 * confidence is below `minConfidence`. A finding was replaced when `minConfidence` is `'low'` or its own confidence is
 * `'high'`; filter on `confidence` to tell them apart (for example, to ask the writer about the low ones).
 */
export function redactPersonalData(
  text: string,
  options: RedactOptions = {},
): { text: string; findings: PersonalDataFinding[] } {
  const findings = findPersonalData(text, options);
  let redacted = '';
  let from = 0;
  for (const finding of findings) {
    if (options.minConfidence === 'high' && finding.confidence === 'low') continue;
    redacted += text.slice(from, finding.start) + placeholders[finding.kind];
    from = finding.end;
  }
  return { text: redacted + text.slice(from), findings };
}
