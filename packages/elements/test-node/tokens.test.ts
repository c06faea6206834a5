import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { elementSourceFiles, root } from '../../../scripts/elements-manifest.js';

/**
 * A municipality themes Plein through `--plein-*` tokens (and the NL Design System tokens behind them): a colour written
 * straight into an element's CSS would stay the same whatever the theme says. Colours may only appear as the neutral
 * default at the end of a token's fallback chain.
 */

// System colours (forced-colors mode), `currentColor`, `transparent` and `inherit` follow the page; these do not.
const colourLiteral =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color-mix)\(|(?<![\w-])(?:white|black|red|green|blue|gray|grey|silver|navy|yellow|orange|purple|maroon|teal|olive|lime|aqua|fuchsia)(?![\w-])/gi;

/** The CSS in a file: the text of its css`…` templates, with every `var(--plein-…)` (and its defaults) taken out. */
function cssWithoutTokens(source: string) {
  let css = [...source.matchAll(/\bcss`([\s\S]*?)`/g)].map((match) => match[1]).join('\n');
  css = css.replace(/var\(\s*--plein-/g, 'var(--removed-');
  // Take out each `var(--removed, …)` with its balanced fallback.
  let start = css.indexOf('var(--removed');
  while (start >= 0) {
    let depth = 0;
    let end = start + 3;
    for (; end < css.length; end++) {
      if (css[end] === '(') depth++;
      else if (css[end] === ')' && --depth === 0) break;
    }
    css = css.slice(0, start) + 'TOKEN' + css.slice(end + 1);
    start = css.indexOf('var(--removed');
  }
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

test('no element CSS has a colour that does not go through a --plein-* token', () => {
  const found: string[] = [];
  for (const file of elementSourceFiles()) {
    const css = cssWithoutTokens(readFileSync(file, 'utf8'));
    for (const match of css.matchAll(colourLiteral)) found.push(`${relative(root, file)}: ${match[0]}`);
  }
  assert.deepEqual(found, []);
});

test('the check finds a colour written straight into CSS', () => {
  const css = cssWithoutTokens(
    'const a = css`.x { color: #ffffff; background: var(--plein-surface-color, var(--basis-x, #f4f6f8)); }`;',
  );
  assert.deepEqual(
    [...css.matchAll(colourLiteral)].map((match) => match[0]),
    ['#ffffff'],
  );
});
