import type { TranslationOf } from '../translation-types.ts';
import type { expert as dutch, expertCard as dutchCard } from '../nl/expert.ts';
import { number, plural } from './format.ts';

export const expertCard: TranslationOf<typeof dutchCard> = {
  'expert.independence.INDEPENDENT': 'مستقل: لا يعمل لدى UWV ولا لدى البلدية',
  'expert.independence.MUNICIPALITY': 'يعمل لدى البلدية',
  'expert.independence.UWV': 'يعمل لدى UWV',
  'expert.independence.OTHER': (note: string) => (note ? `يعمل لدى ${note}` : 'يعمل لدى جهة أخرى'),
  'expert.verified': 'خبير موثَّق',
  'expert.verifiedUntil': (date: string) => `تم التحقق حتى ${date}`,
  'expert.answerCount': (count: number) =>
    plural(count, {
      zero: () => 'لم يقدّم إجابات بعد',
      one: () => 'قدّم إجابة واحدة',
      two: () => 'قدّم إجابتين',
      few: (n) => `قدّم ${n} إجابات`,
      other: (n) => `قدّم ${n} إجابة`,
    }),
  'expert.responseTime.hour': 'يجيب عادةً خلال ساعة',
  'expert.responseTime.hours': (hours: number) => `يجيب عادةً خلال ${number(hours)} ساعات`,
  'expert.responseTime.days': (days: number) =>
    plural(days, {
      one: () => 'يجيب عادةً خلال يوم واحد',
      two: () => 'يجيب عادةً خلال يومين',
      few: (n) => `يجيب عادةً خلال ${n} أيام`,
      many: (n) => `يجيب عادةً خلال ${n} يومًا`,
      other: (n) => `يجيب عادةً خلال ${n} يوم`,
    }),
  'expert.responseTime.weeks': (weeks: number) =>
    plural(weeks, {
      one: () => 'يجيب عادةً خلال أسبوع واحد',
      two: () => 'يجيب عادةً خلال أسبوعين',
      few: (n) => `يجيب عادةً خلال ${n} أسابيع`,
      many: (n) => `يجيب عادةً خلال ${n} أسبوعًا`,
      other: (n) => `يجيب عادةً خلال ${n} أسبوع`,
    }),
  'expert.topics': 'المواضيع',
  'expert.profileOf': (name: string) => `الملف الشخصي لـ${name}`,
};

export const expert: TranslationOf<typeof dutch> = {
  'expert.loading': 'جارٍ تحميل الملف الشخصي…',
  'expert.noId': 'لا يعرف هذا المكوّن أي خبير يعرض. اضبط السمة expert-id.',
  'expert.notFound': 'لا نجد هذا الخبير. ربما حُذف الملف الشخصي.',
  'expert.loadFailed': 'تعذّر تحميل الملف الشخصي. يرجى المحاولة مرة أخرى.',
  'expert.bio': 'نبذة عني',
  'expert.edit': 'عدّل الملف الشخصي',
  'expert.edit.heading': 'عدّل ملفك الشخصي',
  'expert.edit.intro': 'يغيّر المسؤول جهتك ومواضيعك وكونك مستقلًا أم لا.',
  'expert.edit.displayName': 'اسمك',
  'expert.edit.displayNameHint': 'يرى الجميع هذا الاسم مع إجاباتك.',
  'expert.edit.title': 'مسمّاك الوظيفي',
  'expert.edit.titleHint': 'مثلًا: مستشار عمل أو مدير حالات.',
  'expert.edit.bio': 'نبذة عنك',
  'expert.edit.bioHint': 'قل في بضع جمل من أنت وكيف تساعد الناس.',
  'expert.edit.photoUrl': 'عنوان صورتك',
  'expert.edit.photoUrlHint': 'عنوان ويب يبدأ بـ https://. بدون صورة نعرض الأحرف الأولى من اسمك.',
  'expert.edit.photoAlt': 'وصف صورتك',
  'expert.edit.photoAltHint': 'للأشخاص الذين لا يستطيعون رؤية الصورة. مثلًا: صورة Geert Heikens بقميص أزرق.',
  'expert.edit.photoAltRequiredNote': '(مطلوب مع الصورة)',
  'expert.edit.save': 'احفظ الملف الشخصي',
  'expert.edit.saving': 'جارٍ الحفظ…',
  'expert.edit.cancel': 'إلغاء',
  'expert.edit.saved': 'تم تحديث ملفك الشخصي.',
  'expert.edit.failed': 'لم يُحفظ ملفك الشخصي. يرجى المحاولة مرة أخرى.',
  'expert.edit.kept': 'احتفظنا بنصك. يمكنك المحاولة مرة أخرى بعد قليل.',
  'expert.edit.errorSummary': 'يرجى التحقق من ملفك الشخصي:',
  'expert.edit.displayNameRequired': 'اكتب اسمك.',
  'expert.edit.tooLong': (max: number) => `لا تتجاوز ${number(max)} حرفًا.`,
  'expert.edit.photoUrlInvalid': 'هذا العنوان غير صحيح. يجب أن يبدأ بـ https://.',
  'expert.edit.photoAltRequired': 'صف صورتك. هذا مطلوب عندما تعرض صورة.',
};
