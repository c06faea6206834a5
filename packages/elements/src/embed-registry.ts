/** Put in by the embed build (rollup.config.js) from packages/elements/package.json; absent when run from source. */
declare const __PLEIN_VERSION__: string | undefined;

/** The release of this copy of the embed script. */
export const bundleVersion: string = typeof __PLEIN_VERSION__ === 'string' ? __PLEIN_VERSION__ : 'dev';

export interface EmbedBundle {
  version: string;
  /** The address the copy was loaded from (`…/embed/plein.js`). */
  url: string;
}

/**
 * What every copy of the embed script on one page shares, so that two copies (a CMS plugin and a theme, say, of
 * different releases) do not both download and register the same element, and attach one context root between them.
 * Copies of other releases read it too: fields may be added, never renamed or changed, and the `@1` in the key goes
 * up if that ever has to happen.
 */
export interface EmbedRegistry {
  /** The copies on the page, in the order they started. */
  bundles: EmbedBundle[];
  /** Per tag, the address of the copy that loads or loaded its code; the other copies leave that tag alone. */
  claims: Record<string, string>;
  /** Whether a copy attached the @lit/context root to the document already. */
  contextRoot: boolean;
}

const registryKey = Symbol.for('plein/embed@1');

export function embedRegistry(): EmbedRegistry {
  const holder = globalThis as unknown as Record<symbol, EmbedRegistry | undefined>;
  holder[registryKey] ??= { bundles: [], claims: {}, contextRoot: false };
  return holder[registryKey];
}
