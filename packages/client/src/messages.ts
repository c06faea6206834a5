import type { PleinErrorKind } from './errors.ts';

export type ClientLocale = 'nl' | 'en' | 'ar';

/** What went wrong, in words a citizen understands (B1), per kind of failure. */
export const errorMessages: Record<ClientLocale, Record<PleinErrorKind, string>> = {
  nl: {
    network: 'Er is geen verbinding met de community. Controleer uw internet en probeer het opnieuw.',
    timeout: 'Het duurt te lang voordat de community antwoordt. Probeer het zo opnieuw.',
    server: 'Er ging iets mis bij de community. Probeer het later opnieuw.',
    'bad-input': 'De gegevens kloppen niet. Laad de pagina opnieuw.',
    forbidden: 'Deze website mag de community niet gebruiken.',
    unauthenticated: 'U bent niet (meer) ingelogd. Log opnieuw in.',
    'rate-limited': 'U heeft veel berichten kort na elkaar gestuurd. Wacht even en probeer het dan opnieuw.',
    'not-found': 'Dit is niet (meer) te vinden.',
    aborted: 'Het verzoek is gestopt.',
  },
  en: {
    network: 'There is no connection with the community. Check your internet and try again.',
    timeout: 'The community takes too long to answer. Please try again in a moment.',
    server: 'Something went wrong at the community. Please try again later.',
    'bad-input': 'The data is not right. Please reload the page.',
    forbidden: 'This website may not use the community.',
    unauthenticated: 'You are not signed in (any more). Please sign in again.',
    'rate-limited': 'You sent many messages in a short time. Wait a moment and try again.',
    'not-found': 'This cannot be found (any more).',
    aborted: 'The request was stopped.',
  },
  ar: {
    network: 'لا يوجد اتصال بالمجتمع. تحقق من الإنترنت لديك وحاول مرة أخرى.',
    timeout: 'يستغرق المجتمع وقتًا طويلًا للرد. حاول مرة أخرى بعد قليل.',
    server: 'حدث خطأ ما لدى المجتمع. حاول مرة أخرى لاحقًا.',
    'bad-input': 'البيانات غير صحيحة. أعد تحميل الصفحة.',
    forbidden: 'لا يجوز لهذا الموقع استخدام المجتمع.',
    unauthenticated: 'لم تعد مسجّل الدخول. سجّل الدخول مرة أخرى.',
    'rate-limited': 'أرسلت رسائل كثيرة في وقت قصير. انتظر قليلًا ثم حاول مرة أخرى.',
    'not-found': 'لا يمكن العثور على هذا (بعد الآن).',
    aborted: 'توقف الطلب.',
  },
};

/** For the asker's actions on a device that does not keep the question's owner token. */
export const notOwnerMessages: Record<ClientLocale, string> = {
  nl: 'Dit kan alleen op het apparaat waarmee de vraag is gesteld.',
  en: 'This only works on the device the question was asked from.',
  ar: 'هذا ممكن فقط على الجهاز الذي طُرح منه السؤال.',
};
