import { FRAME_HEIGHT_MESSAGE, FRAME_HEIGHT_REQUEST, type FrameHeightMessage } from './frame-messages.ts';

/**
 * Runs inside the iframe page `/embed/frame` (built to `/embed/frame-page.js`; the page has no inline script). It tells
 * the host page how tall the content is whenever that changes, so the host's loader can size the iframe to fit and the
 * citizen never scrolls inside a frame.
 *
 * The message goes to any parent origin ('*'): it holds only a height and the host's own name for the frame, and the
 * page cannot know reliably which registered site framed it. The loader checks the sender on its side.
 */
const frameId = document.body.dataset.pleinFrameId ?? null;
let reportedHeight = -1;

function reportHeight(always: boolean): void {
  if (window.parent === window) return;
  // The root element's box follows the content, unlike scrollHeight, which never drops below the iframe's own height.
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!always && height === reportedHeight) return;
  reportedHeight = height;
  const message: FrameHeightMessage = { type: FRAME_HEIGHT_MESSAGE, height, id: frameId };
  window.parent.postMessage(message, '*');
}

new ResizeObserver(() => reportHeight(false)).observe(document.documentElement);

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  if ((event.data as { type?: unknown } | null)?.type === FRAME_HEIGHT_REQUEST) reportHeight(true);
});

// Links to other sites (an expert's source, wetten.overheid.nl) open in a new tab: most sites refuse to be shown in a
// frame, and the citizen should not lose the thread. Links within this server keep working inside the frame.
document.addEventListener(
  'click',
  (event) => {
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    const url = anchor?.href ? new URL(anchor.href) : undefined;
    if (!anchor || !url || !/^https?:$/.test(url.protocol) || url.origin === location.origin) return;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
  },
  { capture: true },
);
