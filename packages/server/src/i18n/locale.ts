export type Locale = 'nl' | 'en';

/** Dutch unless the caller prefers English first (Accept-Language). */
export function localeFromHeader(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}
