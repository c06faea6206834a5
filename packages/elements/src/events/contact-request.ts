/** The channels another element can ask `<plein-contact>` to open: the hand-off buttons under an expert answer. */
export type ContactRequestChannel = 'appointment' | 'private-question';

export interface ContactRequestDetail {
  /** The topic's slug, for example `ziek-in-dienst`: chosen in the channel's form. */
  topic: string;
  channel: ContactRequestChannel;
}

/**
 * Someone asked for personal advice, for example with "Maak een afspraak" or "Stel uw vraag privé" under an expert
 * answer in `<plein-question>`. A `<plein-contact>` on the page (the first visible full one, else the first) chooses
 * the topic and the channel, scrolls to it and moves focus to the channel's heading, and cancels the event to say so.
 * A host page that routes itself (to its own contact page) cancels it first.
 *
 * A `CustomEvent` with `detail`, so a plain `new CustomEvent('plein-contact-request', { detail })` from any script is
 * understood the same way; `topic` and `channel` read the detail.
 */
export class PleinContactRequestEvent extends CustomEvent<ContactRequestDetail> {
  constructor(topic: string, channel: ContactRequestChannel) {
    super('plein-contact-request', { bubbles: true, composed: true, cancelable: true, detail: { topic, channel } });
  }

  get topic(): string {
    return this.detail.topic;
  }

  get channel(): ContactRequestChannel {
    return this.detail.channel;
  }
}

/**
 * Asks for `<plein-contact>` with this topic and channel, from `target` (the element the citizen used). Returns true
 * when a `<plein-contact>` or the host page took it; false when nothing on the page did, so the caller can do
 * something else (such as follow a link to the host's contact page).
 */
export function requestContact(target: EventTarget, topic: string, channel: ContactRequestChannel): boolean {
  // Built first, then dispatched: the manifest analyzer reads an inline `new …Event()` as a nameless event.
  const event = new PleinContactRequestEvent(topic, channel);
  return !target.dispatchEvent(event);
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-contact-request': PleinContactRequestEvent;
  }
}
