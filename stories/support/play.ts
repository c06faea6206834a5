import { expect, waitFor } from 'storybook/test';

// A condition, not a delay: this only bounds how long a story waits before it fails. The client retries a failed call
// twice (about 1.5 s in all) before the element shows the error, longer than waitFor's default of 1 s.
const timeout = 10_000;

/** The shadow root of the first `tag` in the story, once the element has rendered into it. */
export async function shadowOf(canvasElement: HTMLElement, tag: string): Promise<ShadowRoot> {
  let root: ShadowRoot | null | undefined;
  await waitFor(
    () => {
      root = canvasElement.querySelector(tag)?.shadowRoot;
      expect(root?.childElementCount).toBeGreaterThan(0);
    },
    { timeout },
  );
  return root!;
}

/** Waits for `selector` inside a shadow root and returns the element. */
export async function findIn<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): Promise<T> {
  let found: T | null = null;
  await waitFor(
    () => {
      found = root.querySelector<T>(selector);
      expect(found, `${selector} appears`).not.toBeNull();
    },
    { timeout },
  );
  return found!;
}

/** Sets a field's value as a paste would, and lets the element know through the native `input` event. */
export function fill(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
