import type { antiSpam as source } from '../nl/anti-spam.ts';
import type { TranslationOf } from '../translation-types.ts';

export const antiSpam: TranslationOf<typeof source> = {
  'antiSpam.honeypot': 'Leave this field empty',
};
