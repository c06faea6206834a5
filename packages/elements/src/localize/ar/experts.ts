import type { experts as source } from '../nl/experts.ts';
import type { TranslationOf } from '../translation-types.ts';
import { number, plural } from './format.ts';

const expertCount = (count: number) =>
  plural(count, {
    zero: () => 'لا يوجد خبراء',
    one: () => 'خبير واحد',
    two: () => 'خبيران',
    few: (n) => `${n} خبراء`,
    many: (n) => `${n} خبيرًا`,
    other: (n) => `${n} خبير`,
  });

export const experts: TranslationOf<typeof source> = {
  'experts.heading': 'الخبراء',
  'experts.intro': 'يجيب هؤلاء المختصون عن الأسئلة في المجتمع. يذكر كل ملف شخصي هل يعمل صاحبه لدى UWV أو البلدية.',
  'experts.topic.label': 'الموضوع',
  'experts.topic.all': 'كل المواضيع',
  'experts.count': (count: number) => expertCount(count),
  'experts.countTopic': (count: number, topic: string) => `${expertCount(count)} في ${topic}`,
  'experts.shown': (shown: number, total: number) => `معروض ${number(shown)} من ${number(total)} خبير`,
  'experts.more': 'حمّل مزيدًا من الخبراء',
  'experts.moreLoading': 'جارٍ تحميل مزيد من الخبراء…',
  'experts.loading': 'جارٍ تحميل الخبراء…',
  'experts.empty': 'لا يوجد خبراء في هذا المجتمع بعد.',
  'experts.emptyTopic': 'لا يوجد خبراء لهذا الموضوع بعد. اختر موضوعًا آخر.',
  'experts.failed': 'تعذّر تحميل الخبراء. يرجى المحاولة مرة أخرى.',
  'experts.back': 'العودة إلى كل الخبراء',
};
