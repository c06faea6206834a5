import { findPersonalData, type PersonalDataKind } from '../src/index.ts';
import { communityAllowList, type LabelledCase } from './cases.ts';

export const kinds: PersonalDataKind[] = [
  'bsn',
  'iban',
  'phone',
  'email',
  'postcode',
  'date-of-birth',
  'street-address',
  'name',
];

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Score {
  perKind: Record<PersonalDataKind, Tally>;
  overall: Tally;
  /** One line per wrong or missed finding, to read when a figure drops. */
  mistakes: string[];
}

const ratio = (hits: number, total: number) => (total === 0 ? 1 : hits / total);
export const precision = (t: Tally) => ratio(t.truePositives, t.truePositives + t.falsePositives);
export const recall = (t: Tally) => ratio(t.truePositives, t.truePositives + t.falseNegatives);

/**
 * Scores findPersonalData on labelled cases, with the community's allow-list as a deployment would pass it. A finding
 * is a true positive when a not yet matched expected finding of the same kind has exactly the same text.
 */
export function score(cases: readonly LabelledCase[]): Score {
  const empty = (): Tally => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });
  const perKind = Object.fromEntries(kinds.map((kind) => [kind, empty()])) as Record<PersonalDataKind, Tally>;
  const mistakes: string[] = [];
  for (const { text, expected } of cases) {
    const open = [...expected];
    for (const finding of findPersonalData(text, { allow: communityAllowList })) {
      const at = open.findIndex((e) => e.kind === finding.kind && e.text === finding.text);
      if (at >= 0) {
        open.splice(at, 1);
        perKind[finding.kind].truePositives++;
      } else {
        perKind[finding.kind].falsePositives++;
        mistakes.push(`false positive ${finding.kind} "${finding.text}" in: ${text.slice(0, 80)}`);
      }
    }
    for (const missed of open) {
      perKind[missed.kind].falseNegatives++;
      mistakes.push(`missed ${missed.kind} "${missed.text}" in: ${text.slice(0, 80)}`);
    }
  }
  const overall = empty();
  for (const tally of Object.values(perKind)) {
    overall.truePositives += tally.truePositives;
    overall.falsePositives += tally.falsePositives;
    overall.falseNegatives += tally.falseNegatives;
  }
  return { perKind, overall, mistakes };
}

/** A plain-text table: kind, counts, precision and recall. */
export function formatScore({ perKind, overall }: Score): string {
  const row = (name: string, t: Tally) =>
    [
      name.padEnd(15),
      String(t.truePositives).padStart(4),
      String(t.falsePositives).padStart(4),
      String(t.falseNegatives).padStart(4),
      precision(t).toFixed(3).padStart(9),
      recall(t).toFixed(3).padStart(7),
    ].join(' ');
  return [
    `${'kind'.padEnd(15)}   TP   FP   FN precision  recall`,
    ...kinds.map((kind) => row(kind, perKind[kind])),
    row('overall', overall),
  ].join('\n');
}
