import type { handOff as source } from '../nl/hand-off.ts';
import type { TranslationOf } from '../translation-types.ts';

export const handOff: TranslationOf<typeof source> = {
  'handOff.legend': 'Next step for the resident',
  'handOff.hint':
    'Does the situation need personal advice? Choose what the resident can do. A button then shows under your answer.',
  'handOff.APPOINTMENT': 'Make an appointment',
  'handOff.PRIVATE_QUESTION': 'Ask your question privately',
  'handOff.lead': 'Your situation needs personal advice.',
};
