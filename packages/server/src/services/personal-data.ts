import { findPersonalData, placeholders } from '@plein/pii';
import type { Publication } from '../store/database-schema.ts';
import { eemsdeltaAdviceLine } from '../seed/eemsdelta.ts';

/**
 * Texts that are never personal data for a community: its own official phone numbers and addresses. There is no
 * table for them yet, so they come from code (the seeded communities) and from PLEIN_PII_ALLOW (every community).
 * See docs/decisions/0010-personal-data-on-the-server.md.
 */
export interface PersonalDataAllowlist {
  /** Allowed in every community (PLEIN_PII_ALLOW, comma-separated). */
  everywhere: readonly string[];
  /** Per community slug. */
  byCommunity: Readonly<Record<string, readonly string[]>>;
}

/** The official contact details that the seeded communities print in their own texts. */
export const officialContacts: PersonalDataAllowlist['byCommunity'] = {
  eemsdelta: [eemsdeltaAdviceLine],
};

export interface ScreenedFields<Fields> {
  /** The fields as they may be stored: every finding that must go is replaced by its Dutch placeholder. */
  fields: Fields;
  /** HELD when a name was found with low confidence: a moderator looks before others see it. */
  publication: Publication;
}

/**
 * The server's personal-data step, run on every text a citizen posts before anything is stored (or logged).
 *
 * - BSN, IBAN, e-mail address, phone number, date of birth, postcode and street address are replaced by a
 *   placeholder whatever the confidence: a false find costs a citizen a few words, a missed one cannot be undone.
 * - A name found with high confidence ("mijn naam is Jan de Vries") is replaced too.
 * - A name found with low confidence ("mevrouw Jansen", a one-word sign-off) stays, and the post is held: it may be
 *   a third party, or no name at all, and a person can tell; a pattern cannot.
 */
export class PersonalDataGuard {
  constructor(private readonly allowlist: PersonalDataAllowlist = { everywhere: [], byCommunity: officialContacts }) {}

  screen<Fields extends Record<string, string | null>>(communitySlug: string, fields: Fields): ScreenedFields<Fields> {
    const allow = [...this.allowlist.everywhere, ...(this.allowlist.byCommunity[communitySlug] ?? [])];
    let held = false;
    const screened: Record<string, string | null> = {};
    for (const [name, text] of Object.entries(fields)) {
      if (text === null) {
        screened[name] = null;
        continue;
      }
      let result = '';
      let from = 0;
      for (const finding of findPersonalData(text, { allow })) {
        if (finding.kind === 'name' && finding.confidence === 'low') {
          held = true;
          continue;
        }
        result += text.slice(from, finding.start) + placeholders[finding.kind];
        from = finding.end;
      }
      screened[name] = result + text.slice(from);
    }
    return { fields: screened as Fields, publication: held ? 'HELD' : 'PUBLISHED' };
  }
}
