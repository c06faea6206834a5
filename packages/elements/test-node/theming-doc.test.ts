import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeElements, readTokens } from '../../../scripts/elements-manifest.js';
import { themingDoc, themingDocPath } from '../../../scripts/theming-doc.js';

test('docs/theming.md is what `npm run docs:theming` makes from the current elements', async () => {
  const expected = await themingDoc(await analyzeElements());
  const actual = readFileSync(themingDocPath, 'utf8');
  assert.ok(actual === expected, 'docs/theming.md is out of date: run `npm run docs:theming` and commit the result');
});

test('docs/theming.md lists every token the elements read', () => {
  const doc = readFileSync(themingDocPath, 'utf8');
  const missing = [...readTokens().tokens.keys()].filter((token) => !doc.includes(`| \`${token}\``));
  assert.deepEqual(missing, []);
});
