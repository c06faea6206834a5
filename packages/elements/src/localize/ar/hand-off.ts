import type { handOff as source } from '../nl/hand-off.ts';
import type { TranslationOf } from '../translation-types.ts';

export const handOff: TranslationOf<typeof source> = {
  'handOff.legend': 'الخطوة التالية للساكن',
  'handOff.hint': 'هل يحتاج الوضع إلى نصيحة شخصية؟ اختر ما يمكن للساكن فعله. يظهر عندها زر تحت إجابتك.',
  'handOff.APPOINTMENT': 'احجز موعدًا',
  'handOff.PRIVATE_QUESTION': 'اطرح سؤالك بشكل خاص',
  'handOff.lead': 'وضعك يحتاج إلى نصيحة شخصية.',
};
