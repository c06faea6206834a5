import { cases } from '../packages/pii/test/cases.ts';
import { formatScore, score } from '../packages/pii/test/score.ts';

/** Prints how well @plein/pii finds personal data in the labelled cases, and every mistake it makes. */
const result = score(cases);
console.log(`${cases.length} labelled cases\n`);
console.log(formatScore(result));
if (result.mistakes.length > 0) console.log(`\n${result.mistakes.join('\n')}`);
