import type { ask as source } from '../nl/ask.ts';
import type { TranslationOf } from '../translation-types.ts';
import { number, plural } from './format.ts';

export const ask: TranslationOf<typeof source> = {
  'ask.heading': 'اطرح سؤالك',
  'ask.intro': 'لا تحتاج إلى حساب. سؤالك علني، فلا تكتب بيانات شخصية.',
  'ask.topic': 'الموضوع',
  'ask.topicChoose': 'اختر موضوعًا',
  'ask.topicsFailed': 'لا يمكننا تحميل المواضيع الآن.',
  'ask.title': 'سؤالك في جملة واحدة',
  'ask.titleHint': 'مثلًا: هل يجوز لصاحب العمل أن يفصلني وأنا مريض؟',
  'ask.body': 'اشرح سؤالك',
  'ask.bodyHint': 'اذكر ما يحدث. لا تذكر أسماء أو رقم المواطن (BSN) أو العنوان أو رقم الهاتف.',
  'ask.displayName': 'الاسم أو اسم مستعار',
  'ask.displayNameHint': 'اتركه فارغًا لتبقى مجهول الاسم.',
  'ask.notifyEmail': 'أرسل لي بريدًا إلكترونيًا عندما تصل إجابة',
  'ask.notifyEmailHint':
    'اكتب إذن عنوان بريدك الإلكتروني. لا نعرض هذا العنوان أبدًا. نستخدمه فقط لنخبرك بوصول إجابة، ثم نحذفه.',
  'ask.submit': 'انشر السؤال',
  'ask.submitting': 'جارٍ إرسال السؤال…',
  'ask.errorSummary': 'هناك خطأ. يرجى التحقق من هذه الحقول:',
  'ask.required': 'يرجى ملء هذا الحقل.',
  'ask.topicRequired': 'يرجى اختيار موضوع.',
  'ask.tooShort': (min) => `اكتب ${number(min)} حرفًا على الأقل.`,
  'ask.tooLong': (max) => `لا تتجاوز ${number(max)} حرفًا.`,
  'ask.invalidEmail': 'عنوان البريد الإلكتروني هذا غير صحيح. مثلًا: name@example.com.',
  'ask.kept': 'احتفظنا بنصك. يمكنك المحاولة مرة أخرى بعد قليل.',
  'ask.notPosted': 'لم يُنشر سؤالك بعد. يرجى المحاولة مرة أخرى.',
  'ask.draftRestored': 'أعدنا نصك السابق.',
  'ask.draftDiscard': 'امسح هذا النص',
  'ask.similar.heading': 'ربما توجد إجابتك هنا بالفعل',
  'ask.similar.found': (count) =>
    plural(count, {
      one: () => 'يوجد سؤال واحد يشبه سؤالك.',
      two: () => 'يوجد سؤالان يشبهان سؤالك.',
      few: (n) => `توجد ${n} أسئلة تشبه سؤالك.`,
      many: (n) => `يوجد ${n} سؤالًا يشبه سؤالك.`,
      other: (n) => `يوجد ${n} سؤال يشبه سؤالك.`,
    }),
  'ask.similar.back': 'العودة إلى سؤالك',
  'ask.success.heading': 'سؤالك منشور الآن',
  'ask.success.text': 'يمكن للسكان الآخرين والخبراء الرد الآن. عد لاحقًا لقراءة الإجابات.',
  'ask.success.heldHeading': 'وصلنا سؤالك',
  'ask.success.heldText':
    'ينظر مشرف في سؤالك أولًا. بعد ذلك يمكن للجميع قراءته. حتى ذلك الحين تراه أنت فقط، على هذا الجهاز.',
  'ask.success.editNote': `يمكنك تعديل سؤالك على هذا الجهاز خلال ${number(15)} دقيقة أخرى. ستجده أيضًا تحت ‘أسئلتي’.`,
  'ask.success.emailNote':
    'أرسلنا إليك بريدًا إلكترونيًا. اضغط على الرابط في هذا البريد للتأكيد. بعد ذلك ستصلك رسالة عندما تصل إجابة.',
  'ask.success.view': 'اعرض سؤالك',
  'ask.success.another': 'اطرح سؤالًا آخر',
};
