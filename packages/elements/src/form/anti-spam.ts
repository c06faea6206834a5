import type { AntiSpamInput } from '@plein/schema';
import { html } from 'lit';
import type { LocalizeController } from '../localize/localize-controller.ts';

/**
 * What a form sends against bots (`antiSpam` on the ask and answer mutations): the value of a field people never see
 * (the honeypot), and how long the form was on screen before it was sent. The server quietly refuses a filled
 * honeypot, and a form sent faster than a person can write (it says SUBMITTED_TOO_FAST; the form shows that like any
 * other error and keeps the text). Nothing here identifies anyone; nothing is stored.
 */
export class AntiSpamSignals {
  honeypot = '';
  private shownAt: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The form is on screen: the fill time counts from the first time this is called, until `reset`. */
  shown(): void {
    this.shownAt ??= this.now();
  }

  /** The signals for a submit now. */
  signals(): AntiSpamInput {
    const fillMs = this.shownAt === undefined ? 0 : Math.max(0, Math.round(this.now() - this.shownAt));
    return { honeypot: this.honeypot, fillMs };
  }

  /** After a post: the next text is a new form, with its own fill time. */
  reset(): void {
    this.honeypot = '';
    this.shownAt = undefined;
  }
}

/**
 * The honeypot: a text field named "website" that people never meet. It is visually hidden, hidden from screen
 * readers (`aria-hidden` on its container), out of the tab order and without autofill, so only a bot that fills every
 * field fills it. Rendering it marks the form as shown, which starts its fill time.
 */
export function renderHoneypot(localize: LocalizeController, id: string, signals: AntiSpamSignals) {
  signals.shown();
  return html`<div class="visually-hidden honeypot" aria-hidden="true">
    <label for=${id}>${localize.t('antiSpam.honeypot')}</label>
    <input
      id=${id}
      name="website"
      type="text"
      tabindex="-1"
      autocomplete="off"
      .value=${signals.honeypot}
      @input=${(event: Event) => {
        signals.honeypot = (event.target as HTMLInputElement).value;
      }}
    />
  </div>`;
}
