import type { topics as source } from '../nl/topics.ts';
import type { TranslationOf } from '../translation-types.ts';
import { plural } from './format.ts';

export const topics: TranslationOf<typeof source> = {
  'topics.heading': 'ما هو وضعك؟',
  'topics.intro': 'اختر ما يناسبك أكثر. سترى بعدها الأسئلة والإجابات حول هذا الموضوع.',
  'topics.loading': 'جارٍ تحميل الأوضاع…',
  'topics.empty': 'لا توجد أوضاع بعد. اطّلع على كل الأسئلة أو اطرح سؤالًا بنفسك.',
  'topics.failed': 'لا يمكننا تحميل الأوضاع الآن.',
  'topics.count': (count) =>
    plural(count, {
      zero: () => 'لا توجد أسئلة',
      one: () => 'سؤال واحد',
      two: () => 'سؤالان',
      few: (n) => `${n} أسئلة`,
      many: (n) => `${n} سؤالًا`,
      other: (n) => `${n} سؤال`,
    }),
  'topics.topic': (name) => `الموضوع: ${name}`,
  'topics.showing': (name) => `تعرض الآن الأسئلة حول: ${name}.`,
  'topics.showingAll': 'تعرض الآن كل الأسئلة.',
};
