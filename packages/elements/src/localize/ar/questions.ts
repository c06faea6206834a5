import type { questions as source } from '../nl/questions.ts';
import type { TranslationOf } from '../translation-types.ts';
import { number, plural } from './format.ts';

const questionCount = (count: number) =>
  plural(count, {
    zero: () => 'لا توجد أسئلة',
    one: () => 'سؤال واحد',
    two: () => 'سؤالان',
    few: (n) => `${n} أسئلة`,
    many: (n) => `${n} سؤالًا`,
    other: (n) => `${n} سؤال`,
  });

export const questions: TranslationOf<typeof source> = {
  'questions.heading': 'أسئلة من المجتمع',
  'questions.search.label': 'ابحث في الأسئلة',
  'questions.search.hint': 'مثلًا: فصل من العمل، WW أو مرض',
  'questions.topic.label': 'الموضوع',
  'questions.topic.all': 'كل المواضيع',
  'questions.status.label': 'اعرض',
  'questions.status.all': 'كل الأسئلة',
  'questions.status.OPEN': 'لم يُجب عنها خبير بعد',
  'questions.status.ANSWERED': 'أجاب عنها خبير',
  'questions.status.RESOLVED': 'تم حلّها',
  'questions.order.label': 'رتّب حسب',
  'questions.order.NEWEST': 'الأحدث أولًا',
  'questions.order.OLDEST': 'الأقدم أولًا',
  'questions.order.ACTIVE': 'آخر رد',
  'questions.count': (count) => questionCount(count),
  'questions.countSearch': (count, search) => `نتائج البحث عن “${search}”: ${questionCount(count)}`,
  'questions.loading': 'جارٍ تحميل الأسئلة…',
  'questions.empty': 'لا توجد أسئلة حول هذا الموضوع بعد. يمكنك طرح السؤال الأول.',
  'questions.emptySearch': (search) => `لم نجد أسئلة عن “${search}”. جرّب كلمة أخرى، أو اطرح السؤال بنفسك.`,
  'questions.more': 'حمّل مزيدًا من الأسئلة',
  'questions.moreLoading': 'جارٍ تحميل مزيد من الأسئلة…',
  'questions.shown': (shown, total) => `معروض ${number(shown)} من ${number(total)} سؤال`,
  'questions.expertAnswered': 'أجاب عنه خبير',
  'questions.resolved': 'تم الحل',
  'questions.back': 'العودة إلى كل الأسئلة',
};
