import { FRAME_HEIGHT_MESSAGE, FRAME_HEIGHT_REQUEST } from './frame-messages.ts';

/**
 * The host page's loader for Plein iframes (`/embed/frame.js`, no dependencies). It gives every
 * `<iframe data-plein-frame src="https://COMMUNITY-HOST/embed/frame?…">` the height of its content, from the
 * `plein:frame-height` messages the frame page sends. Without it the iframe keeps its own `height` attribute and
 * scrolls (docs/embedding.md).
 *
 * A message counts only when it comes from the contentWindow of such an iframe and from the origin of that iframe's
 * `src`: another frame on the page, or a Plein frame that navigated elsewhere, cannot resize anything.
 */
const loaded = Symbol.for('plein.frame-loader');
const registry = window as unknown as Record<symbol, boolean | undefined>;

/** Far above any real page; keeps a broken or hostile frame from making the host page endless. */
const MAX_HEIGHT = 100_000;

function pleinFrames(): HTMLIFrameElement[] {
  return Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe[data-plein-frame]'));
}

function originOf(frame: HTMLIFrameElement): string | undefined {
  try {
    const origin = new URL(frame.src, document.baseURI).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

function onMessage(event: MessageEvent): void {
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (typeof data !== 'object' || data === null || data.type !== FRAME_HEIGHT_MESSAGE) return;
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return;
  const frame = pleinFrames().find((candidate) => candidate.contentWindow === event.source);
  if (!frame || originOf(frame) !== event.origin) return;
  // The height is the frame's viewport; a host reset to border-box would take the border off it and cause scrolling.
  frame.style.boxSizing = 'content-box';
  frame.style.height = `${Math.min(Math.ceil(height), MAX_HEIGHT)}px`;
}

/** Frames that reported before this script ran report again. */
function askForHeights(): void {
  for (const frame of pleinFrames()) {
    const origin = originOf(frame);
    if (origin) frame.contentWindow?.postMessage({ type: FRAME_HEIGHT_REQUEST }, origin);
  }
}

// Two copies of the loader on one page would only do the same work twice.
if (!registry[loaded]) {
  registry[loaded] = true;
  window.addEventListener('message', onMessage);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', askForHeights, { once: true });
  else askForHeights();
}
