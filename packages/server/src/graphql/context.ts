import type { Locale } from '../i18n/locale.ts';
import type { RequestOrigin } from '../services/community-service.ts';
import type { Services } from '../services/services.ts';

/** What every resolver receives besides its arguments. */
export interface PleinContext {
  services: Services;
  locale: Locale;
  request: RequestOrigin;
}

declare module 'mercurius' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface MercuriusContext extends PleinContext {}
}
