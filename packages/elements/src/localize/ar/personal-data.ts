import type { personalData as source } from '../nl/personal-data.ts';
import type { TranslationOf } from '../translation-types.ts';
import { plural } from './format.ts';

export const personalData: TranslationOf<typeof source> = {
  'personalData.heading': 'انتبه: يبدو أن هذه بيانات شخصية',
  'personalData.why.question': 'يمكن للجميع قراءة سؤالك. لا تضف تفاصيل قد تجعل أحدًا يتعرّف عليك.',
  'personalData.why.answer': 'يمكن للجميع قراءة إجابتك. لا تضف تفاصيل قد تجعل أحدًا يتعرّف عليك أو على غيرك.',
  'personalData.kind.bsn': 'رقم المواطن (BSN)',
  'personalData.kind.iban': 'رقم حساب مصرفي (IBAN)',
  'personalData.kind.phone': 'رقم هاتف',
  'personalData.kind.email': 'عنوان بريد إلكتروني',
  'personalData.kind.postcode': 'رمز بريدي',
  'personalData.kind.date-of-birth': 'تاريخ ميلاد',
  'personalData.kind.street-address': 'عنوان',
  'personalData.kind.name': 'اسم',
  'personalData.kind.other': 'بيانات شخصية',
  'personalData.maybe': (kind) => `ربما ${kind}`,
  'personalData.remove': 'احذف هذا عني',
  'personalData.removeAll': 'احذف الكل',
  'personalData.removed': 'تم الحذف',
  'personalData.found': (count) =>
    plural(count, {
      one: () => 'انتبه: قد يحتوي نصك على بيانات شخصية.',
      two: () => 'انتبه: قد يحتوي نصك على معلومتين شخصيتين.',
      few: (n) => `انتبه: قد يحتوي نصك على ${n} معلومات شخصية.`,
      other: (n) => `انتبه: قد يحتوي نصك على ${n} معلومة شخصية.`,
    }),
  'personalData.health.question': 'لا تحتاج إلى مشاركة تفاصيل طبية. اذكر فقط ما يحتاجه سؤالك.',
  'personalData.health.answer': 'لا تحتاج إلى مشاركة تفاصيل طبية. اذكر فقط ما تحتاجه إجابتك.',
};
