import type { Locale } from '../i18n/locale.ts';
import type { RequestOrigin } from '../services/community-service.ts';
import type { Services } from '../services/services.ts';
import type { Viewer } from '../services/viewer.ts';

/** What every resolver receives besides its arguments. */
export interface PleinContext {
  services: Services;
  locale: Locale;
  request: RequestOrigin;
  /** Read from the bearer token; null for anonymous callers. */
  viewer: Viewer | null;
  /**
   * The browser's random key from the `Plein-Device` header (services/device-keys.ts); null without a valid one.
   * Services store only a keyed hash of it, and it is never logged.
   */
  deviceKey: string | null;
}

declare module 'mercurius' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface MercuriusContext extends PleinContext {}
}
