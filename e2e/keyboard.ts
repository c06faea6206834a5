import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/** What has focus, followed through every open shadow root down to the element itself. */
export interface Focused {
  /** `body` when focus is lost. */
  tag: string;
  id: string;
  part: string;
  role: string;
  type: string;
  /** What a person would hear as its name: aria-label, the label of a field, or its text. */
  name: string;
  /** The custom elements it sits in, outermost first, such as `plein-questions#list > plein-question`. */
  hosts: string[];
  dataset: Record<string, string>;
  value: string;
  checked: boolean;
  pressed: string;
  expanded: string;
  /** Its box on screen has a size: not hidden, not collapsed. */
  visible: boolean;
  /** The browser draws a focus indicator for it (`:focus-visible`). */
  focusVisible: boolean;
}

// A string, not a function: the test runner's compiler may wrap named functions with helpers the page lacks.
const readFocus = `(() => {
  let element = document.activeElement;
  const hosts = [];
  while (element && element.shadowRoot && element.shadowRoot.activeElement) {
    hosts.push(element.localName + (element.id ? '#' + element.id : ''));
    element = element.shadowRoot.activeElement;
  }
  if (!element) return null;
  const clean = (text) => (text || '').replace(/\\s+/g, ' ').trim();
  const labelled = element.getAttribute('aria-labelledby');
  const root = element.getRootNode();
  let name = clean(element.getAttribute('aria-label'));
  if (!name && labelled) {
    name = clean(labelled.split(' ').map((id) => root.getElementById ? root.getElementById(id)?.textContent : root.querySelector('#' + CSS.escape(id))?.textContent).join(' '));
  }
  if (!name && element.labels && element.labels.length > 0) name = clean(element.labels[0].textContent);
  if (!name) name = clean(element.textContent);
  const box = element.getBoundingClientRect();
  return {
    tag: element.localName,
    id: element.id || '',
    part: element.getAttribute('part') || '',
    role: element.getAttribute('role') || '',
    type: element.getAttribute('type') || '',
    name: name.slice(0, 200),
    hosts,
    dataset: { ...element.dataset },
    value: 'value' in element ? String(element.value) : '',
    checked: Boolean(element.checked),
    pressed: element.getAttribute('aria-pressed') || '',
    expanded: element.getAttribute('aria-expanded') || '',
    visible: box.width > 0 && box.height > 0,
    // The calendar button of a date field is a Tab stop of its own inside the browser's control: the field then no
    // longer matches :focus, and the browser draws its own ring around the button (checked on a screenshot).
    focusVisible:
      element.matches(':focus-visible') ||
      (/^(date|time|datetime-local|month|week)$/.test(element.type) && !element.matches(':focus')),
  };
})()`;

/** The element that has focus, through shadow roots (`document.activeElement` stops at the first host). */
export async function deepActiveElement(page: Page): Promise<Focused | null> {
  return (await page.evaluate(readFocus)) as Focused | null;
}

/** A short description for failure messages: `plein-questions > a[part=title] "Krijg ik WW…"`. */
export function describeFocus(focused: Focused | null): string {
  if (!focused) return 'nothing';
  const self = `${focused.tag}${focused.id ? `#${focused.id}` : ''}${focused.part ? `[part=${focused.part}]` : ''}`;
  return `${[...focused.hosts, self].join(' > ')} "${focused.name.slice(0, 60)}"`;
}

/** Focus is on a real, visible element with a visible focus indicator: never lost to the page's body. */
export function assertFocusVisible(focused: Focused | null, where: string): asserts focused is Focused {
  assert.ok(focused, `${where}: nothing has focus`);
  assert.notEqual(focused.tag, 'body', `${where}: focus was lost to the body`);
  assert.ok(focused.visible, `${where}: focus is on an invisible element, ${describeFocus(focused)}`);
  assert.ok(focused.focusVisible, `${where}: no focus indicator on ${describeFocus(focused)}`);
}

/**
 * Waits until focus is where `accept` wants it (focus moves after a request, so it may take a while under load), and
 * returns it; fails with where focus was instead.
 */
export async function focusLands(
  page: Page,
  accept: (focused: Focused) => boolean,
  where: string,
  timeoutMs = 20_000,
): Promise<Focused> {
  const end = Date.now() + timeoutMs;
  let last: Focused | null = null;
  while (Date.now() < end) {
    last = await deepActiveElement(page);
    if (last && accept(last)) {
      assertFocusVisible(last, where);
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${where}: focus is on ${describeFocus(last)}`);
}

/**
 * Presses Tab (or Shift+Tab) until focus reaches what `accept` wants, the way a keyboard user walks a page, and
 * checks at every stop that focus is visible. Fails after `max` presses with the stops it made.
 */
export async function tabTo(
  page: Page,
  accept: (focused: Focused) => boolean,
  where: string,
  { backwards = false, max = 80 }: { backwards?: boolean; max?: number } = {},
): Promise<Focused> {
  const stops: string[] = [];
  for (let press = 0; press < max; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await deepActiveElement(page);
    stops.push(describeFocus(focused));
    assertFocusVisible(focused, `Tab stop ${press + 1} on the way to ${where}`);
    if (accept(focused)) return focused;
  }
  assert.fail(`${where}: not reached in ${max} presses of Tab; stops:\n  ${stops.join('\n  ')}`);
}

/** Presses a key a number of times, as a person holding down the arrow would. */
export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let count = 0; count < times; count++) await page.keyboard.press(key);
}

/** Focus inside this custom element (anywhere in its shadow tree, however deep). */
export const inside =
  (host: string) =>
  (focused: Focused): boolean =>
    focused.hosts.some((name) => name === host || name.startsWith(`${host}#`));

/** The text of a live region, whitespace collapsed. */
export async function spoken(region: Locator): Promise<string> {
  return ((await region.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until a live region says `expected` (a regular expression or a part of its text). */
export async function announced(region: Locator, expected: RegExp | string, timeoutMs = 20_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    last = await spoken(region);
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the live region never said ${String(expected)}; it says "${last}"`);
}

/** A live region must be on the page before its words change, or a screen reader does not read them. */
export async function assertLiveRegion(region: Locator, what: string): Promise<void> {
  // The element may still be rendering its first frame; the region must be there before the action that changes it.
  await region.waitFor({ state: 'attached', timeout: 20_000 }).catch(() => undefined);
  assert.equal(await region.count(), 1, `${what}: the live region is not on the page before the change`);
  const role = await region.getAttribute('role');
  const live = await region.getAttribute('aria-live');
  assert.ok(
    role === 'status' || role === 'alert' || live === 'polite' || live === 'assertive',
    `${what}: role=${role} aria-live=${live} is not a live region`,
  );
}

/** Polls `read` until `accept` takes its value; fails with the last value seen. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  assert.fail(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
}
