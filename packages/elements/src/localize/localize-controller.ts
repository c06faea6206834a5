import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale, Translation, TranslationKey } from './translations.ts';

type Values<Key extends TranslationKey> = Translation[Key] extends (...values: infer V) => string ? V : [];

/** The languages that are written right to left. */
const rightToLeft: ReadonlySet<Locale> = new Set(['ar']);

/** `closest` that also climbs out of shadow roots, so an element inside another element sees the page's `lang`. */
function closestAcrossShadows(element: Element, selector: string): Element | null {
  for (let node: Element | null = element; node;) {
    const found = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * The nearest `lang` decides: on the element itself (a per-element override), else an ancestor, else <html>.
 * Dutch unless that language is English or Arabic.
 */
export function localeOf(element: Element): Locale {
  const lang = (
    closestAcrossShadows(element, '[lang]')?.getAttribute('lang') ??
    document.documentElement.lang ??
    ''
  ).toLowerCase();
  if (lang.startsWith('en')) return 'en';
  if (lang.startsWith('ar')) return 'ar';
  return 'nl';
}

/** The locale to give `Intl` for dates in the contact and report widgets: "1 okt. 2026", "1 Oct 2026", "1 أكتوبر 2026". */
export const intlLocales: Readonly<Record<Locale, string>> = { nl: 'nl-NL', en: 'en-GB', ar: 'ar' };

type OtherLocale = Exclude<Locale, 'nl'>;

/** Each non-Dutch language is one chunk of its own, loaded the first time an element on the page needs it. */
const loaders: Record<OtherLocale, () => Promise<Translation>> = {
  en: () => import('./en/all.ts').then((module) => module.en),
  ar: () => import('./ar/all.ts').then((module) => module.ar),
};
const loaded: Partial<Record<OtherLocale, Translation>> = {};
const loading: Partial<Record<OtherLocale, Promise<Translation>>> = {};

function load(locale: OtherLocale): Promise<Translation> {
  loading[locale] ??= loaders[locale]().then(
    (table) => (loaded[locale] = table),
    (error: unknown) => {
      loading[locale] = undefined;
      throw error;
    },
  );
  return loading[locale];
}

/**
 * Gives an element its words, dates and numbers in its language. Not @lit/localize: that is configured once per page,
 * and a host page may already use it (docs/decisions/0006-own-localize.md). English and Arabic strings arrive in
 * their own chunk; `PleinElement` waits for them before it renders, so an English page never flashes Dutch.
 *
 * Direction: CSS `direction` inherits into shadow roots, so an element follows the nearest `dir` around it, and all
 * element styles use logical properties. Only when nothing around the element sets `dir` and its language is written
 * right to left (`<plein-questions lang="ar">` on a Dutch page) does the element set `dir="rtl"` on itself; it removes
 * that again when the language changes, and never overrides a `dir` that the page set.
 */
export class LocalizeController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly dutch: () => Partial<Translation>,
  ) {
    host.addController(this);
  }

  /** The `dir` value this controller put on its host, if any. */
  private ownDirection?: 'rtl';

  hostConnected(): void {
    this.pending()?.then(
      () => this.host.requestUpdate(),
      () => undefined,
    );
  }

  hostUpdate(): void {
    const host = this.host;
    // Someone else changed or removed the dir we set: from now on it is theirs.
    if (this.ownDirection && host.getAttribute('dir') !== this.ownDirection) this.ownDirection = undefined;
    const parent = host.parentElement ?? (host.getRootNode() as Partial<ShadowRoot>).host;
    const pageDirection = this.ownDirection
      ? parent && closestAcrossShadows(parent, '[dir]')
      : closestAcrossShadows(host, '[dir]');
    const wanted = !pageDirection && rightToLeft.has(this.locale) ? 'rtl' : undefined;
    if (wanted && !this.ownDirection) {
      host.setAttribute('dir', wanted);
      this.ownDirection = wanted;
    } else if (!wanted && this.ownDirection) {
      host.removeAttribute('dir');
      this.ownDirection = undefined;
    }
  }

  /** The writing direction the element shows in: from the nearest `dir`, else from its language. */
  get direction(): 'ltr' | 'rtl' {
    const dir = closestAcrossShadows(this.host, '[dir]')?.getAttribute('dir')?.toLowerCase();
    if (dir === 'rtl' || dir === 'ltr') return dir;
    return rightToLeft.has(this.locale) ? 'rtl' : 'ltr';
  }

  get locale(): Locale {
    return localeOf(this.host);
  }

  /** A promise while this element's strings (English, Arabic) are still on their way; undefined when ready. */
  pending(): Promise<unknown> | undefined {
    const locale = this.locale;
    return locale !== 'nl' && !loaded[locale] ? load(locale) : undefined;
  }

  t<Key extends TranslationKey>(key: Key, ...values: Values<Key>): string {
    const locale = this.locale;
    if (locale !== 'nl' && !loaded[locale]) {
      load(locale).then(
        () => this.host.requestUpdate(),
        () => undefined,
      );
    }
    const table = (locale !== 'nl' && loaded[locale]) || this.dutch();
    const phrase = (table[key] ?? this.dutch()[key] ?? key) as string | ((...v: Values<Key>) => string);
    return typeof phrase === 'function' ? phrase(...values) : phrase;
  }

  /** "3 dagen geleden", "gisteren": a relative time in the element's language. */
  relativeTime(iso: string, now: number = Date.now()): string {
    const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
    const format = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 31_536_000],
      ['month', 2_592_000],
      ['week', 604_800],
      ['day', 86_400],
      ['hour', 3_600],
      ['minute', 60],
    ];
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return format.format(0, 'minute');
  }

  /** A full date for a `title` or a screen reader: "12 oktober 2026 om 14:05". */
  dateTime(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  }
}
