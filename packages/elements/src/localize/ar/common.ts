import type { common as source } from '../nl/common.ts';
import type { TranslationOf } from '../translation-types.ts';
import { number, plural } from './format.ts';

export const common: TranslationOf<typeof source> = {
  'common.retry': 'حاول مرة أخرى',
  'common.failed': 'حدث خطأ ما. يرجى المحاولة مرة أخرى.',
  'common.loading': 'جارٍ التحميل…',
  'common.anonymous': 'مجهول الاسم',
  'common.notConfigured':
    'لا يعرف هذا المكوّن أي مجتمع يعمل معه. اضبط السمتين endpoint وcommunity، أو ضعه داخل <plein-community>.',
  'common.expert': 'خبير',
  'common.status.OPEN': 'مفتوح',
  'common.status.ANSWERED': 'تمت الإجابة',
  'common.status.RESOLVED': 'تم الحل',
  'common.answers': (count) =>
    plural(count, {
      zero: () => 'لا توجد إجابات',
      one: () => 'إجابة واحدة',
      two: () => 'إجابتان',
      few: (n) => `${n} إجابات`,
      other: (n) => `${n} إجابة`,
    }),
  'common.askedBy': (name) => `سأله ${name}`,
  'common.charactersLeft': (left) =>
    left >= 0 ? `الأحرف المتبقية: ${number(left)}` : `عدد الأحرف الزائدة: ${number(-left)}`,
  'common.charactersNeeded': (needed) => `مطلوب ${number(needed)} من الأحرف على الأقل بعد`,
  'common.optional': '(اختياري)',
};
