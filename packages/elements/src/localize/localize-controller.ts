import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale, Translation, TranslationKey } from './translations.ts';

type Values<Key extends TranslationKey> = Translation[Key] extends (...values: infer V) => string ? V : [];

/** Dutch unless the nearest `lang` (on the element or an ancestor, else the page) asks for English. */
export function localeOf(element: Element): Locale {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? '';
  return lang.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

let english: Translation | undefined;
let englishLoading: Promise<Translation> | undefined;

function loadEnglish(): Promise<Translation> {
  englishLoading ??= import('./en/all.ts').then(
    (module) => (english = module.en),
    (error: unknown) => {
      englishLoading = undefined;
      throw error;
    },
  );
  return englishLoading;
}

/**
 * Gives an element its words, dates and numbers in its language. Not @lit/localize: that is configured once per page,
 * and a host page may already use it (docs/decisions/0006-own-localize.md). English strings arrive in their own chunk;
 * `PleinElement` waits for them before it renders, so an English page never flashes Dutch.
 */
export class LocalizeController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly dutch: () => Partial<Translation>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.locale === 'en' && !english) void loadEnglish().then(() => this.host.requestUpdate());
  }

  get locale(): Locale {
    return localeOf(this.host);
  }

  /** A promise while this element's English strings are still on their way; undefined when they are ready. */
  pending(): Promise<unknown> | undefined {
    return this.locale === 'en' && !english ? loadEnglish() : undefined;
  }

  t<Key extends TranslationKey>(key: Key, ...values: Values<Key>): string {
    if (this.locale === 'en' && !english) void loadEnglish().then(() => this.host.requestUpdate());
    const table = this.locale === 'en' && english ? english : this.dutch();
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
