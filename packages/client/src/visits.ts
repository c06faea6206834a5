import { elementTags } from '@plein/schema';

export interface VisitCounterOptions {
  /** The GraphQL endpoint; the beacon goes to `visits` beside it (https://x/graphql → https://x/visits). */
  endpoint: string;
  community: string;
  /** The municipality the page serves (`<plein-community municipality>`), a slug of the community. */
  municipality?: string;
  /** How long the tags of one moment are gathered into one beacon. Default 500 ms. */
  windowMs?: number;
}

const knownTags: ReadonlySet<string> = new Set(elementTags);

/** A browser page that can send a beacon: sendBeacon exists, and the page itself is http(s) (not a file or a frame). */
function canSend(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.sendBeacon === 'function' &&
    typeof location !== 'undefined' &&
    (location.protocol === 'http:' || location.protocol === 'https:')
  );
}

/**
 * Anonymous visit counts (issue 7; docs/privacy.md): each kind of element on the page is counted once per page load
 * and client. The tags of one moment go in one `navigator.sendBeacon` with a `text/plain` body, which a browser sends
 * across sites without a CORS preflight, and which survives the page being closed. It carries the community, the
 * municipality, the page's origin and path (never its query or fragment) and the tags: no device key, no session, no
 * storage. Sending is best effort; nothing here can break the page.
 */
export class VisitCounter {
  private readonly counted = new Set<string>();
  private pending: string[] = [];
  /** The page the pending tags were counted on: a single-page app may move on before they are sent. */
  private pendingPage = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly flushNow = () => this.flush();

  constructor(private readonly options: VisitCounterOptions) {}

  count(element: string): void {
    if (this.counted.has(element) || !knownTags.has(element) || !canSend()) return;
    this.counted.add(element);
    const page = location.origin + location.pathname;
    if (this.pending.length > 0 && page !== this.pendingPage) this.flush();
    this.pendingPage = page;
    this.pending.push(element);
    if (this.timer === undefined) {
      this.timer = setTimeout(this.flushNow, this.options.windowMs ?? 500);
      // A page closed within the window still counts.
      addEventListener('pagehide', this.flushNow);
    }
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    removeEventListener('pagehide', this.flushNow);
    const elements = this.pending;
    this.pending = [];
    if (elements.length === 0 || !canSend()) return;
    const { endpoint, community, municipality } = this.options;
    const body = JSON.stringify({
      community,
      ...(municipality && { municipality }),
      page: this.pendingPage,
      elements,
    });
    try {
      const url = new URL('visits', new URL(endpoint, location.href));
      navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
    } catch {
      // An endpoint that is no address, or a browser that refuses: the visit is simply not counted.
    }
  }
}
