import { ibanLength, isValidBsn, isValidIban } from './checks.ts';

export type PersonalDataKind =
  'bsn' | 'iban' | 'phone' | 'email' | 'postcode' | 'date-of-birth' | 'street-address' | 'name';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** Offset of the first character in the text that was searched. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  text: string;
  /**
   * `high`: the text is personal data in nearly every case (a checked BSN after "BSN", an IBAN, a mobile number).
   * `low`: it probably is, but the pattern also fits other things (a BSN without a cue, a single first name in a
   * sign-off, a postcode without a place, a service number of an organisation).
   */
  confidence: 'high' | 'low';
}

export interface PersonalDataOptions {
  /**
   * Texts that are never reported: a community's own official phone numbers and addresses. Compared after
   * normalising spaces, hyphens, dots, parentheses and case (so '0800-1234' allows '0800 1234').
   */
  allow?: readonly string[];
  /** Only these kinds (default: all). Other kinds are still looked for, so a phone number is never read as a BSN. */
  kinds?: readonly PersonalDataKind[];
}

type Add = (kind: PersonalDataKind, start: number, text: string, high: boolean) => void;

/** Runs a global regular expression over the text; `found` returns where to go on, or nothing to retry one further. */
function scan(text: string, pattern: RegExp, found: (match: RegExpExecArray) => number | void): void {
  pattern.lastIndex = 0;
  for (let match; (match = pattern.exec(text));) pattern.lastIndex = found(match) || match.index + 1;
}

/** Within ~30 characters before a number: the words that say it is a BSN. */
const bsnCue = /(?:bsn|burgerservice|sofi)[^\d\n]{0,20}$/i;
/** The words that say a number is something else: an order, case or customer number. */
const otherNumberCue =
  /(?:(?:zaak|order|dossier|klant|factuur|relatie|polis|aanvraag|personeels|ticket|lid)-?(?:nummer|nr)|kenmerk|referentie)[^\d\n]{0,20}$/i;

/**
 * Eight or nine digits, together or in the usual groups (123 456 782, 1234.56.782), never a piece of a longer run of
 * digits or of an amount.
 */
const bsnPattern = /(?<!\d[ .,-]?)(?:\d{8,9}|\d{3}([ .-])\d{3}\1\d{3}|\d{4}([ .-])\d\d\2\d{3})(?![ .,-]?\d)/g;

function findBsns(text: string, add: Add): void {
  scan(text, bsnPattern, (match) => {
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    const cued = bsnCue.test(before);
    if (isValidBsn(match[0].replace(/\D/g, '')) && (cued || !otherNumberCue.test(before))) {
      add('bsn', match.index, match[0], cued);
    }
  });
}

/** Two letters, two check digits, then letters and digits, in groups of four or not; trimmed to the country's length. */
const ibanPattern = /\b[a-z]{2}\d\d(?: ?[a-z\d]){11,30}/gi;

function findIbans(text: string, add: Add): void {
  scan(text, ibanPattern, (match) => {
    const wanted = ibanLength(match[0].slice(0, 2));
    let end = 0;
    for (let count = 0; count < wanted && end < match[0].length; end++) if (match[0][end] !== ' ') count++;
    const candidate = match[0].slice(0, end);
    if (!/[a-z\d]/i.test(text[match.index + end] ?? '') && isValidIban(candidate.replace(/ /g, ''))) {
      add('iban', match.index, candidate, true);
      return match.index + end;
    }
  });
}

/**
 * Dutch numbers: 0 or +31 / 0031 (with an optional "(0)"), then nine digits with spaces, dots, hyphens or a closing
 * bracket between them; 0800 and 090x numbers with four or seven digits; the municipal 14 0xx numbers.
 */
const phonePattern =
  /(?<![\w+.,/-])(?:(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|\(0(?=\d\d\d?\))|0)[1-9](?:[ .)-]{0,3}\d){8}|0(?:800|90[069])(?:[ .-]{0,3}\d){4}(?:(?:[ .-]?\d){3})?|14[ -]?0\d{2,3})(?![\d-]|[.,]\d)/g;

function findPhones(text: string, add: Add): void {
  scan(text, phonePattern, (match) => {
    const number = match[0];
    const digits = number.replace(/\D/g, '');
    const areaCode = /^\(?0(\d+)/.exec(number)?.[1] ?? '';
    const service = /^(?:14|0[89]0)/.test(digits);
    // "01-01-2024 12" has nine digits after a 0 too; a real number's first group is 6 (mobile) or an area code.
    if (areaCode.length === 1 && areaCode !== '6') return;
    // 0800 and 090x take four or seven more digits; "0900 12345" only fits the nine-digit pattern by accident.
    if (/^0[89]0/.test(digits) && digits.length !== 8 && digits.length !== 11) return;
    if (otherNumberCue.test(text.slice(Math.max(0, match.index - 30), match.index))) return;
    // 0800, 090x and 14 0xx numbers belong to organisations, never to a private person: reported, but low.
    add('phone', match.index, number, !service);
  });
}

const emailPattern = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi;

function findEmails(text: string, add: Add): void {
  scan(text, emailPattern, (match) => add('email', match.index, match[0], true));
}

/** 1234 AB, 1234AB or 1234ab (lower case only without a space: "1234 en" is far more often not a postcode). */
const postcodePattern = /(?<![\w€.,-]|€ )[1-9]\d{3}( ?)([a-z]{2})(?!\w)/gi;

function findPostcodes(text: string, add: Add): void {
  scan(text, postcodePattern, (match) => {
    const letters = match[2]!;
    const upper = letters.toUpperCase();
    if ((letters !== upper && (match[1] || letters !== letters.toLowerCase())) || /S[ADS]/.test(upper)) return;
    const end = match.index + match[0].length;
    // A place name after it, or "postcode" or a house number before it, makes it an address.
    const placed =
      /^,? (?:\p{Lu}|'s)/u.test(text.slice(end, end + 4)) ||
      /(?:postcode|\d[a-z]?,?)\s*$/i.test(text.slice(Math.max(0, match.index - 12), match.index));
    // Without such context a year in front of "WW" ("in 2024 WW aangevraagd") is no postcode.
    if (placed || !/^(?:19|20)/.test(match[0])) add('postcode', match.index, match[0], placed);
  });
}

/** A date, only when "geboren", "geb." or "geboortedatum" stands before it. Other dates are not about a person. */
const birthDatePattern =
  /(?:geboren|geb\.|geboortedatum)[^\d\n]{0,25}?(\d\d?([-/.])\d\d?\2(?:19|20)?\d\d|\d\d? (?:jan|feb|maart|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.? (?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)(?!\d)/gi;

function findBirthDates(text: string, add: Add): void {
  scan(text, birthDatePattern, (match) => {
    const end = match.index + match[0].length;
    add('date-of-birth', end - match[1]!.length, match[1]!, true);
  });
}

/**
 * Up to four capitalised words (or particles: "Van der Helststraat") and a house number with an optional letter or
 * addition; optionally after "woon aan/op (de)" or "adres:".
 */
const streetPattern =
  /(?<![\p{L}'-])([Ww]oon\p{L}* (?:aan|op) (?:de |het )?|[Aa]dres(?: is)?:? )?((?:(?:\p{Lu}\p{L}{0,3}\.|\p{Lu}[\p{L}'-]*|van|de[nr]?|het|'t|te[rn]) ){0,3}\p{Lu}[\p{L}'-]*) [1-9]\d{0,3}(?:-\d{1,3}|[ -]?[a-zA-Z](?![\p{L}\d])| bis\b)?(?![.,]?\d)/gu;
const streetSuffix =
  /(?:straat|weg|laan|plein|singel|gracht|kade|dijk|pad|hof|dreef|steeg|markt|park|(?<![aeiou])ring|erf|plantsoen|wal|brink|haven)$/;
/** Words that start a sentence before a street name rather than belong to it. */
const notStreetWord = /^(?:\p{Ll}.*|In|Op|Aan|Bij|Naar|Ik|Mijn|Wij|Voor|Uit|Met|Tot|Sinds|Via|Vanaf|Langs|Adres|Het)$/u;

function findStreetAddresses(text: string, add: Add): void {
  scan(text, streetPattern, (match) => {
    const words = match[2]!.split(' ');
    let start = match.index + (match[1]?.length ?? 0);
    while (words.length > 1 && notStreetWord.test(words[0]!)) start += words.shift()!.length + 1;
    const street = words.at(-1)!.toLowerCase();
    // "het Werkplein" is the organisation this community is about, not a square.
    const known = streetSuffix.test(street) && street !== 'werkplein';
    if (!known && !match[1]) return;
    add('street-address', start, text.slice(start, match.index + match[0].length), known);
    return match.index + match[0].length;
  });
}

/** The cues before a name: introductions, sign-offs and forms of address. */
const nameCue =
  /\b(?:(mijn naam is|ik heet|naam:)|(ik ben)|(groet(?:en|jes)?|m\.?v\.?g\.?|gr\.?)|meneer|mevrouw|mevr\.|mw\.|dhr\.|de heer|mijn (?:man|vrouw|partner|zoon|dochter|buurman|buurvrouw|collega|ex))[,!:]?\s*/gi;
const particle = `(?:[vV]an|[dD]e[nr]?|[tT]e[rn]|['’]t|in ['’]t)[ \\t]+`;
const nameWord = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
/** Capitalised words with particles between them, on one line: "Petra van der Berg", "J. de Vries", "Anne-Marie". */
const namePattern = new RegExp(
  String.raw`(?:(?:\p{Lu}\.)+[ \t]*)?(?:${particle})*${nameWord}(?:[ \t]+(?:${particle})*${nameWord}){0,3}`,
  'uy',
);
/** Capitalised words after a cue that are not a name: "Groet, Anoniem", "Groetjes, Een bezorgde moeder". */
const notName = /^(?:Een|Het|Anoniem|Iedereen|Allemaal|Allen|Team|Wajonger|Ik)$/;

function findNames(text: string, add: Add): void {
  scan(text, nameCue, (cue) => {
    namePattern.lastIndex = cue.index + cue[0].length;
    const name = namePattern.exec(text)?.[0];
    if (!name) return;
    const words = name.split(/\s+/);
    // A lone "De" or "Van" is the start of a sentence ("Groet, De moeder"), not a surname.
    if (notName.test(words[0]!) || /^(?:De|Van)$/.test(name)) return;
    // "Mijn naam is" and "ik heet" introduce the writer; a sign-off or "ik ben" with one word may be a nickname or a
    // role ("ik ben Wajonger"); after "mevrouw" it is usually someone else (a third party), so low.
    const high = !!cue[1] || ((!!cue[2] || !!cue[3]) && words.length > 1);
    add('name', namePattern.lastIndex - name.length, name, high);
    return namePattern.lastIndex;
  });
}

/** In order of preference when two findings of the same confidence and length overlap. */
const finders = [
  findEmails,
  findIbans,
  findBsns,
  findPhones,
  findBirthDates,
  findStreetAddresses,
  findPostcodes,
  findNames,
];

const normalise = (text: string) => text.replace(/[\s().-]/g, '').toLowerCase();

/**
 * Finds Dutch personal data in free text. Findings are sorted by `start` and never overlap: where two patterns fit
 * the same characters, the high-confidence one wins, then the longer one, then the more specific kind (an IBAN's
 * digits are never also a BSN).
 */
export function findPersonalData(text: string, options: PersonalDataOptions = {}): PersonalDataFinding[] {
  const candidates: PersonalDataFinding[] = [];
  const add: Add = (kind, start, found, high) =>
    candidates.push({ kind, start, end: start + found.length, text: found, confidence: high ? 'high' : 'low' });
  for (const find of finders) find(text, add);

  candidates.sort(
    (a, b) => +(b.confidence === 'high') - +(a.confidence === 'high') || b.end - b.start - (a.end - a.start),
  );
  const kept: PersonalDataFinding[] = [];
  for (const candidate of candidates) {
    if (kept.every((other) => other.end <= candidate.start || candidate.end <= other.start)) kept.push(candidate);
  }

  const allowed = new Set((options.allow ?? []).map(normalise));
  return kept
    .filter((finding) => !allowed.has(normalise(finding.text)) && (options.kinds?.includes(finding.kind) ?? true))
    .sort((a, b) => a.start - b.start);
}
