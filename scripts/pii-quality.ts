import { cases } from '../packages/pii/test/cases.ts';
import { heldOutCases } from '../packages/pii/test/held-out-cases.ts';
import { formatScore, score } from '../packages/pii/test/score.ts';

/** Prints how well @plein/pii finds personal data in the labelled cases, and every mistake it makes. */
const result = score(cases);
console.log(`${cases.length} labelled cases\n`);
console.log(formatScore(result));
if (result.mistakes.length > 0) console.log(`\n${result.mistakes.join('\n')}`);

// The held-out set was written blind and is never tuned against, so its figures are the ones to quote.
const heldOut = score(heldOutCases);
console.log(`\n${heldOutCases.length} held-out cases (written blind)\n`);
console.log(formatScore(heldOut));
if (heldOut.mistakes.length > 0) console.log(`\n${heldOut.mistakes.join('\n')}`);
