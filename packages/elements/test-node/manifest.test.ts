import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  analyzeElements,
  elementFacts,
  elementsOf,
  elementsSource,
  elementText,
  eventNames,
  type ManifestElement as Element,
  type ManifestItem as Described,
  readTokens,
} from '../../../scripts/elements-manifest.js';

/**
 * The custom elements manifest is the public API's documentation: Storybook's docs and controls, docs/theming.md and
 * editors read it. For every element it must list what the source shows the element has, each with a description.
 */

let elements: Element[] = [];
const events = eventNames();

before(async () => {
  elements = elementsOf(await analyzeElements());
});

const described = (item: Described | undefined) => Boolean(item && (item.description || item.summary || '').trim());

function factsOf(element: Element) {
  const others = new Set(elements.filter((other) => other !== element).map((other) => other.name));
  return elementFacts(elementText(element.modulePath, element.name, others));
}

/** What `actual` misses of `expected`, or has without a description. */
function gaps(expected: Iterable<string>, actual: Described[] | undefined) {
  return [...expected].filter((name) => !described(actual?.find((item) => item.name === name))).sort();
}

test('the manifest has every element that has a define module, each with a summary', () => {
  const defined = readdirSync(join(elementsSource, 'define'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  assert.ok(defined.length >= 13, `only ${defined.length} define modules found`);
  assert.deepEqual(elements.map((element) => element.tagName).sort(), defined);
  for (const element of elements) assert.ok(described(element), `${element.tagName} has no @summary`);
});

describe('every element documents', () => {
  test('each public property and attribute', () => {
    const missing: string[] = [];
    for (const element of elements) {
      for (const property of factsOf(element).properties) {
        const field = element.members?.find((member) => member.kind === 'field' && member.name === property.name);
        if (!described(field)) missing.push(`${element.tagName}: property ${property.name}`);
        if (!property.attribute) continue;
        const attribute = element.attributes?.find((item) => item.name === property.attribute);
        // Lit's analyzer gives an attribute its field's description; either one will do.
        if (!attribute || !(described(attribute) || described(field))) {
          missing.push(`${element.tagName}: attribute ${property.attribute}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  test('each part in its templates (and each part it exports from an element inside it)', () => {
    const missing: string[] = [];
    for (const element of elements) {
      const facts = factsOf(element);
      for (const part of gaps(facts.parts, element.cssParts)) missing.push(`${element.tagName}: ::part(${part})`);
      for (const prefix of facts.partPrefixes) {
        if (!element.cssParts?.some((part) => part.name.startsWith(prefix) && described(part))) {
          missing.push(`${element.tagName}: ::part(${prefix}…)`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  test('no part that its templates do not have', () => {
    const extra: string[] = [];
    for (const element of elements) {
      const facts = factsOf(element);
      for (const part of element.cssParts ?? []) {
        const known =
          facts.parts.has(part.name) ||
          facts.dynamicPartCandidates.has(part.name) ||
          [...facts.partPrefixes].some((prefix) => part.name.startsWith(prefix));
        if (!known) extra.push(`${element.tagName}: ::part(${part.name})`);
      }
    }
    assert.deepEqual(extra, []);
  });

  test('each event it dispatches', () => {
    const missing: string[] = [];
    for (const element of elements) {
      for (const eventClass of factsOf(element).eventClasses) {
        const name = events.get(eventClass);
        if (!name) missing.push(`${element.tagName}: ${eventClass} has no plein-* name in src/events`);
        else if (gaps([name], element.events).length > 0) missing.push(`${element.tagName}: @fires ${name}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('each slot', () => {
    const missing: string[] = [];
    for (const element of elements) {
      for (const slot of gaps(factsOf(element).slots, element.slots)) {
        missing.push(`${element.tagName}: @slot ${slot || '(default)'}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('each --plein-* token its styles read, and no other', () => {
    const missing: string[] = [];
    for (const element of elements) {
      const tokens = factsOf(element).tokens;
      for (const token of gaps(tokens, element.cssProperties)) missing.push(`${element.tagName}: ${token}`);
      for (const property of element.cssProperties ?? []) {
        if (!tokens.has(property.name)) missing.push(`${element.tagName}: ${property.name} is not read`);
      }
    }
    assert.deepEqual(missing, []);
  });
});

test('a token falls back to the same NL Design System tokens and default wherever it is read', () => {
  const { tokens, conflicts } = readTokens();
  assert.deepEqual(conflicts, []);
  assert.ok(tokens.size >= 20, `only ${tokens.size} tokens found: is the parser still finding them?`);
});
