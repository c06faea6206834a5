import type { ReactiveController } from 'lit';
import type { ContactRequestChannel, ContactRequestDetail } from '../events/contact-request.ts';
import { parsePrivateThreadLink, type PrivateThreadLink } from './private-thread-controller.ts';

/** The channels of `<plein-contact>` that a request can open. */
export type ContactChannel = 'phone' | ContactRequestChannel;

export const contactChannels: readonly ContactChannel[] = ['phone', 'private-question', 'appointment'];

/** What the page asks of one `<plein-contact>`: a channel (perhaps with a topic), or a private thread to show. */
export type ContactPageRequest =
  | { kind: 'channel'; channel: ContactChannel; topic?: string }
  | { kind: 'private-thread'; link: PrivateThreadLink | undefined };

/** One `<plein-contact>` as the page sees it. */
export interface ContactTarget extends HTMLElement {
  /** `compact` for a sidebar; anything else is the full element. */
  readonly variant: string;
  acceptRequest(request: ContactPageRequest): void;
}

/** The fragment of a private thread's link in the e-mails, and of the compact variant's links to the contact page. */
export const privateThreadParameter = 'plein-prive';
export const channelParameter = 'plein-contact';
export const topicParameter = 'plein-topic';

/** Set on an event once a `<plein-contact>` took it, so a second copy of the bundle on the page leaves it alone. */
const handled = Symbol.for('plein/contact-request-handled');

const targets = new Set<ContactTarget>();

function isVisible(element: HTMLElement): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : element.getClientRects().length > 0;
}

function inPageOrder(elements: ContactTarget[]): ContactTarget[] {
  return elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/**
 * The one `<plein-contact>` that answers for the page: the first visible full one, else the first. A page may have a
 * compact one in its sidebar and a full one in its content; a request opens one, never both.
 */
export function chooseContactTarget(): ContactTarget | undefined {
  const connected = inPageOrder([...targets].filter((target) => target.isConnected));
  return connected.find((target) => target.variant !== 'compact' && isVisible(target)) ?? connected[0];
}

function onContactRequest(event: Event): void {
  const request = event as CustomEvent<Partial<ContactRequestDetail>> & { [handled]?: boolean };
  if (event.defaultPrevented || request[handled]) return;
  const { topic, channel } = request.detail ?? {};
  if (channel !== 'appointment' && channel !== 'private-question') return;
  const target = chooseContactTarget();
  if (!target) return;
  request[handled] = true;
  event.preventDefault();
  target.acceptRequest({ kind: 'channel', channel, topic: typeof topic === 'string' ? topic : undefined });
}

/**
 * Reads Plein's contact parameters from the page's fragment: a private thread's link (`#plein-prive=<id>.<secret>`),
 * removed from the address at once so the secret is not in a bookmark, a shared screenshot or the browser's history,
 * and a channel from the compact variant's links (`#plein-contact=appointment&plein-topic=ww`), which stays.
 */
function readAddress(): void {
  const target = chooseContactTarget();
  if (!target) return;
  const url = new URL(location.href);
  const parts = url.hash.replace(/^#/, '').split('&').filter(Boolean);
  const value = (name: string) => parts.find((part) => part.startsWith(`${name}=`))?.slice(name.length + 1);
  const thread = value(privateThreadParameter);
  if (thread !== undefined) {
    url.hash = parts.filter((part) => !part.startsWith(`${privateThreadParameter}=`)).join('&');
    history.replaceState(history.state, '', url.href);
    target.acceptRequest({ kind: 'private-thread', link: parsePrivateThreadLink(thread) });
  }
  const channel = value(channelParameter) as ContactChannel | undefined;
  if (channel && contactChannels.includes(channel)) {
    const topic = value(topicParameter);
    target.acceptRequest({ kind: 'channel', channel, topic: topic ? decodeURIComponent(topic) : undefined });
  }
}

let addressTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Makes a `<plein-contact>` one of the page's contact elements while it is connected. The first one on the page
 * starts listening for `plein-contact-request` on the document and for the address's fragment; the fragment is read
 * after the current task, when every `<plein-contact>` that upgrades together is connected and one can be chosen.
 */
export class ContactHandOffController implements ReactiveController {
  constructor(private readonly host: ContactTarget & { addController(controller: ReactiveController): void }) {
    host.addController(this);
  }

  hostConnected(): void {
    if (targets.size === 0) {
      document.addEventListener('plein-contact-request', onContactRequest);
      window.addEventListener('hashchange', readAddress);
      clearTimeout(addressTimer);
      addressTimer = setTimeout(readAddress);
    }
    targets.add(this.host);
  }

  hostDisconnected(): void {
    targets.delete(this.host);
    if (targets.size > 0) return;
    document.removeEventListener('plein-contact-request', onContactRequest);
    window.removeEventListener('hashchange', readAddress);
    clearTimeout(addressTimer);
  }
}
