import { styleMap } from 'lit/directives/style-map.js';

/** The `--plein-*` design tokens, which the Controls panel lists from each element's `@cssproperty` tags. */
export type Tokens = { [token: `--${string}`]: string | undefined };

/** The tokens set in the Controls panel, as the element's inline style, so trying a colour or font is live. */
export function tokenStyles(args: object) {
  const set = Object.entries(args).filter(
    ([name, value]) => name.startsWith('--') && typeof value === 'string' && value,
  );
  return styleMap(Object.fromEntries(set));
}
