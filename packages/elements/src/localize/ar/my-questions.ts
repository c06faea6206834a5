import type { myQuestions as source } from '../nl/my-questions.ts';
import type { TranslationOf } from '../translation-types.ts';

export const myQuestions: TranslationOf<typeof source> = {
  'myQuestions.heading': 'أسئلتي',
  'myQuestions.intro': 'هذه هي الأسئلة التي طرحتها على هذا الجهاز. لن تراها هنا على جهاز آخر.',
  'myQuestions.loading': 'جارٍ تحميل أسئلتك…',
  'myQuestions.empty': 'لم تطرح أي سؤال على هذا الجهاز بعد.',
  'myQuestions.failed': 'تعذّر تحميل أسئلتك. يرجى المحاولة مرة أخرى.',
  'myQuestions.held': 'بانتظار المراجعة',
  'myQuestions.heldNote': 'ينظر مشرف في سؤالك أولًا. بعد ذلك يمكن للجميع رؤيته.',
  'myQuestions.back': 'العودة إلى أسئلتي',
  'myQuestions.hidden': 'أخفاه مشرف',
  'myQuestions.hiddenNote': 'لا يستطيع الآخرون رؤية هذا السؤال الآن. أخفاه مشرف، أو ما زال ينظر فيه.',
  'myQuestions.rejected': 'رفضه مشرف',
  'myQuestions.rejectedWithReason': (reason: string) => `رفضه مشرف: ${reason}`,
  'myQuestions.rejectedNote': 'لن يُنشر هذا السؤال. يمكنك طرح سؤال جديد.',
  'myQuestions.reason': (reason: string) => `السبب: ${reason}`,
};
