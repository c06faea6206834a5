import type { report as source } from '../nl/report.ts';
import type { TranslationOf } from '../translation-types.ts';
import { number, plural } from './format.ts';

const unitName = { DAY: 'يوم', WEEK: 'أسبوع', MONTH: 'شهر' } as const;
const unitNames = { DAY: 'الأيام', WEEK: 'الأسابيع', MONTH: 'الأشهر' } as const;
const times = (count: number) =>
  plural(count, {
    zero: () => 'ولا مرة',
    one: () => 'مرة واحدة',
    two: () => 'مرتين',
    few: (n) => `${n} مرات`,
    other: (n) => `${n} مرة`,
  });
const every = (frequency: 'WEEKLY' | 'MONTHLY') =>
  frequency === 'WEEKLY' ? 'كل يوم اثنين' : 'في اليوم الأول من كل شهر';

export const report: TranslationOf<typeof source> = {
  'report.heading': 'التقرير',
  'report.intro': `كم سؤالًا طرح السكان، وعن ماذا، وبأي سرعة حصلوا على إجابة؟ التقرير مجهول الهوية. الأعداد الأقل من ${number(5)} تظهر كـ«أقل من ${number(5)}»، حتى لا يمكن التعرف على أحد.`,
  'report.signInFirst': 'يرى التقرير فقط الموظفون المسجّلو الدخول. يرجى تسجيل الدخول أولًا.',
  'report.noAccess': 'ليس لديك وصول إلى تقارير هذا المجتمع.',

  'report.period': 'الفترة',
  'report.mode.month': 'شهر',
  'report.mode.quarter': 'ربع سنة',
  'report.mode.custom': 'اختر الأيام',
  'report.month': 'الشهر',
  'report.quarter': 'ربع السنة',
  'report.quarterName': (quarter: number, year: number, firstMonth: string, lastMonth: string) =>
    `الربع ${number(quarter)} من ${new Intl.NumberFormat('ar', { useGrouping: false }).format(year)} (${firstMonth} إلى ${lastMonth})`,
  'report.custom.from': 'اليوم الأول',
  'report.custom.to': 'اليوم الأخير',
  'report.custom.hint': `${number(366)} يومًا على الأكثر. يُحسب اليومان كلاهما.`,
  'report.custom.submit': 'اعرض التقرير',
  'report.custom.fromRequired': 'اكتب اليوم الأول.',
  'report.custom.toRequired': 'اكتب اليوم الأخير.',
  'report.custom.toBeforeFrom': 'لا يمكن أن يكون اليوم الأخير قبل اليوم الأول.',
  'report.custom.tooLong': (days: number) => `اختر فترة لا تتجاوز ${number(days)} يومًا.`,
  'report.errorSummary': 'يرجى التحقق مما يلي:',
  'report.municipality': 'البلدية',
  'report.allMunicipalities': 'كل البلديات',

  'report.loading': 'جارٍ تحميل التقرير',
  'report.loaded': (period: string) => `تم تحميل التقرير عن ${period}`,
  'report.failed': 'تعذّر تحميل التقرير. يرجى المحاولة مرة أخرى.',
  'report.kept': 'اختيارك للفترة ما زال موجودًا.',
  'report.title': (period: string) => `تقرير عن ${period}`,
  'report.scope': (municipality: string, previous: string) => `${municipality}. مقارنةً بالفترة السابقة: ${previous}.`,
  'report.download.csv': 'نزّل CSV',
  'report.download.json': 'نزّل JSON',
  'report.download.hint': 'تنزّل بالضبط الأرقام المعروضة هنا.',
  'report.tableLabel': (title: string) => `${title}، بالأرقام`,
  'report.legend': 'مفتاح الرسم البياني',
  'report.empty.visits': 'لم تُحسب زيارات في هذه الفترة.',
  'report.empty.titles': `لا توجد أسئلة أمثلة. لا نعرضها لموضوع فيه أقل من ${number(5)} أسئلة.`,
  'report.empty.rows': 'لا توجد أرقام لهذه الفترة.',
  'report.titlesIntro': `عناوين أسئلة من هذه الفترة. نعرض فقط عناوين بلا بيانات شخصية، وفقط للمواضيع التي فيها ${number(5)} أسئلة أو أكثر.`,

  'report.compare.more': (difference: number) => `أكثر من الفترة السابقة بـ${number(difference)}`,
  'report.compare.fewer': (difference: number) => `أقل من الفترة السابقة بـ${number(difference)}`,
  'report.compare.same': 'مثل الفترة السابقة',
  'report.compare.previousSuppressed': `كان في الفترة السابقة أقل من ${number(5)}`,
  'report.summary.topics': (topic: string, count: string, comparison: string) =>
    `أكثر الأسئلة كانت عن ${topic}: ${count}، ${comparison}.`,
  'report.summary.topicsTie': (topics: string, count: string) => `أكثر الأسئلة كانت عن ${topics}: ${count} لكل منها.`,
  'report.summary.topicsNone': `كان في كل موضوع أقل من ${number(5)} أسئلة.`,
  'report.summary.municipalities': (municipality: string, count: string, comparison: string) =>
    `أكثر الأسئلة جاءت من ${municipality}: ${count}، ${comparison}.`,
  'report.summary.municipalitiesTie': (municipalities: string, count: string) =>
    `أكثر الأسئلة جاءت من ${municipalities}: ${count} لكل منها.`,
  'report.summary.municipalitiesNone': `كان في كل بلدية أقل من ${number(5)} أسئلة.`,
  'report.summary.noMunicipality': 'صفحات بلا بلدية',
  'report.summary.visits': (page: string, count: string, comparison: string) =>
    `أكثر الزيارات كانت إلى ${page}: ${count}، ${comparison}.`,
  'report.summary.visitsTie': (pages: string, count: string) => `أكثر الزيارات كانت إلى ${pages}: ${count} لكل منها.`,
  'report.summary.visitsNone': `كان لكل صفحة أقل من ${number(5)} زيارات.`,
  'report.summary.overTime': (unit: 'DAY' | 'WEEK' | 'MONTH', when: string, count: string) =>
    `أكثر ${unitName[unit]} ازدحامًا كان ${when}، بعدد ${count} من الأسئلة.`,
  'report.summary.overTimeTie': (unit: 'DAY' | 'WEEK' | 'MONTH', when: string, count: string) =>
    `أكثر ${unitNames[unit]} ازدحامًا كانت ${when}، بعدد ${count} من الأسئلة لكل منها.`,
  'report.summary.overTimeNone': (unit: 'DAY' | 'WEEK' | 'MONTH') =>
    `كان في كل ${unitName[unit]} أقل من ${number(5)} أسئلة.`,
  'report.chart.current': (period: string) => `هذه الفترة (${period})`,
  'report.chart.previous': (period: string) => `الفترة السابقة (${period})`,
  'report.chart.gaps': (current: number, previous: number) =>
    `حيث كان هناك أقل من ${number(5)} أسئلة، لا توجد نقطة وفي الخط فجوة. يحدث ذلك ${times(current)} في هذه الفترة و${times(previous)} في الفترة السابقة.`,

  'report.schedule.heading': 'التقرير بالبريد الإلكتروني',
  'report.schedule.loading': 'جارٍ التحميل…',
  'report.schedule.failed': 'تعذّر تحميل من يتلقى التقرير بالبريد الإلكتروني. يرجى المحاولة مرة أخرى.',
  'report.schedule.off': 'لا يُرسل أي تقرير بالبريد الإلكتروني.',
  'report.schedule.to': (frequency: 'WEEKLY' | 'MONTHLY', names: string) =>
    `${every(frequency)} يُرسل التقرير إلى: ${names}.`,
  'report.schedule.toNobody': (frequency: 'WEEKLY' | 'MONTHLY') =>
    `${every(frequency)} يُرسل تقرير، لكن لم يُختر أحد لتلقيه بعد.`,
  'report.schedule.next': (date: string) => `يُرسل التقرير التالي في ${date}.`,
  'report.schedule.intro': 'اختر كم مرة يُرسل التقرير بالبريد الإلكتروني، وإلى من. يحتوي على التقرير كجدول وكملف CSV.',
  'report.schedule.frequency': 'كم مرة؟',
  'report.schedule.frequency.off': 'متوقف',
  'report.schedule.frequency.off.hint': 'لا يُرسل أي تقرير بالبريد الإلكتروني.',
  'report.schedule.frequency.WEEKLY': 'كل أسبوع',
  'report.schedule.frequency.WEEKLY.hint': 'يوم الاثنين، عن الأسبوع السابق.',
  'report.schedule.frequency.MONTHLY': 'كل شهر',
  'report.schedule.frequency.MONTHLY.hint': 'في اليوم الأول من الشهر، عن الشهر السابق.',
  'report.schedule.recipients': 'من يتلقى التقرير؟',
  'report.schedule.recipients.hint': 'يمكن أن يتلقاه فقط موظفو هذا المجتمع ومسؤولوه.',
  'report.schedule.noCandidates': 'لا يوجد بعد موظفون يمكنهم تلقي التقرير.',
  'report.schedule.recipientsRequired': 'اختر شخصًا واحدًا على الأقل ليتلقى التقرير.',
  'report.schedule.submit': 'احفظ',
  'report.schedule.saving': 'جارٍ الحفظ…',
  'report.schedule.saved': 'تم الحفظ.',
  'report.schedule.notSaved': 'لم ينجح الحفظ. يرجى المحاولة مرة أخرى.',
  'report.schedule.kept': 'اختياراتك ما زالت موجودة.',
  'report.schedule.errorSummary': 'يرجى التحقق مما يلي:',
};
