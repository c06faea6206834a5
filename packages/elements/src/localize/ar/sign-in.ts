import type { portalSignIn as portalSource, signIn as source } from '../nl/sign-in.ts';
import type { TranslationOf } from '../translation-types.ts';
import { number } from './format.ts';

export const signIn: TranslationOf<typeof source> = {
  'signIn.heading': 'تسجيل الدخول للمختصين',
  'signIn.intro': 'للخبراء والمشرفين وموظفي البلدية. هل تريد فقط طرح سؤال؟ عندها لا تحتاج إلى تسجيل الدخول.',
  'signIn.email': 'عنوان البريد الإلكتروني',
  'signIn.password': 'كلمة المرور',
  'signIn.showPassword': 'أظهر كلمة المرور',
  'signIn.submit': 'سجّل الدخول',
  'signIn.submitting': 'جارٍ تسجيل الدخول…',
  'signIn.errorSummary': 'يرجى التحقق مما يلي:',
  'signIn.emailRequired': 'اكتب عنوان بريدك الإلكتروني.',
  'signIn.emailInvalid': 'اكتب عنوان بريد إلكتروني صحيحًا، مثل name@example.com.',
  'signIn.passwordRequired': 'اكتب كلمة المرور.',
  'signIn.failed': 'لم ينجح تسجيل الدخول. يرجى المحاولة مرة أخرى.',
  'signIn.kept': 'بياناتك ما زالت موجودة. يمكنك المحاولة مرة أخرى بعد قليل.',
  'signIn.linkHint': 'ليست كلمة المرور في متناولك؟ اكتب عنوان بريدك الإلكتروني. سيصلك رابط لتسجيل الدخول.',
  'signIn.requestLink': 'أرسل لي رابط تسجيل الدخول',
  'signIn.requestingLink': 'جارٍ طلب رابط تسجيل الدخول…',
  'signIn.linkSent': `إن كنا نعرف هذا العنوان، فسيصلك بريد إلكتروني فيه رابط. يعمل الرابط لمدة ${number(15)} دقيقة.`,
  'signIn.linkFailed': 'لم ينجح طلب رابط تسجيل الدخول. يرجى المحاولة مرة أخرى.',
  'signIn.finishingSignIn': 'جارٍ تسجيل دخولك…',
  'signIn.linkHeading': 'سجّل الدخول بالرابط الذي في بريدك الإلكتروني',
  'signIn.linkIntro':
    'اضغط على الزر لتسجيل الدخول. يعمل الرابط مرة واحدة فقط. لذلك لا نسجّل دخولك إلا عندما تضغط على الزر بنفسك.',
  'signIn.linkSubmit': 'سجّل الدخول الآن',
  'signIn.linkOtherWay': 'سجّل الدخول بطريقة أخرى',
  'signIn.organisation': (organisation: string) => `سجّل الدخول بحسابك في ${organisation}`,
  'signIn.organisationHint': 'تنتقل إلى صفحة تسجيل الدخول في جهتك. بعد ذلك تعود إلى هنا.',
  'signIn.organisationCancelled': 'أوقفت تسجيل الدخول لدى جهتك. أنت غير مسجّل الدخول.',
  'signIn.organisationUnknownAccount':
    'جهتك تعرفك، لكن لا يوجد هنا حساب بعنوان بريدك الإلكتروني. اطلب حسابًا من مسؤول المجتمع.',
  'signIn.organisationFailed':
    'لم ينجح تسجيل الدخول عبر جهتك. يرجى المحاولة مرة أخرى، أو سجّل الدخول بعنوان بريدك الإلكتروني.',
  'signIn.signedInAs': (name: string) => `مسجّل الدخول باسم ${name}`,
  'signIn.roles': (roles: string, count: number) => (count === 1 ? `الدور: ${roles}` : `الأدوار: ${roles}`),
  'signIn.role.EXPERT': 'خبير',
  'signIn.role.MODERATOR': 'مشرف',
  'signIn.role.STAFF': 'موظف في البلدية',
  'signIn.role.ADMIN': 'مسؤول',
  'signIn.portalCitizen': 'سجّلت الدخول عبر موقع بلديتك.',
  'signIn.until': (time: string) => `تبقى مسجّل الدخول حتى ${time}.`,
  'signIn.signOut': 'سجّل الخروج',
  'signIn.signingOut': 'جارٍ تسجيل الخروج…',
  'signIn.signedOut': 'سجّلت الخروج.',
};

export const portalSignIn: TranslationOf<typeof portalSource> = {
  'portalSignIn.failed': 'لم ينجح تسجيل الدخول عبر موقع بلديتك. يمكنك ببساطة المتابعة دون ذكر اسمك.',
  'portalSignIn.dismiss': 'إغلاق',
};
