import { Task, TaskStatus } from '@lit/task';
import type { ContactInfo, PleinClient } from '@plein/client';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { type BookingField, BookingController } from '../../controllers/booking-controller.ts';
import {
  type ContactChannel,
  channelParameter,
  contactChannels,
  ContactHandOffController,
  type ContactPageRequest,
  topicParameter,
} from '../../controllers/contact-hand-off.ts';
import { type PrivateQuestionField, PrivateQuestionController } from '../../controllers/private-question-controller.ts';
import { PrivateThreadController } from '../../controllers/private-thread-controller.ts';
import { personalDataStyles } from '../../form/personal-data-panel.ts';
import { antiSpam } from '../../localize/nl/anti-spam.ts';
import { common } from '../../localize/nl/common.ts';
import { contact } from '../../localize/nl/contact.ts';
import { personalData } from '../../localize/nl/personal-data.ts';
import { choiceStyles } from '../../styles/choice.styles.ts';
import { errorSummaryStyles } from '../../styles/error-summary.styles.ts';
import { renderAdviceLine } from './advice-line.ts';
import { renderBooking } from './booking-form.ts';
import { contactStyles } from './contact.styles.ts';
import { renderPrivateQuestion } from './private-question-form.ts';
import { renderPrivateThread } from './private-thread.ts';

/** The channels a compact element opens in place. */
type FormChannel = 'private-question' | 'appointment';

/** Where focus goes once there is something to focus: a channel's heading, the private thread, or the top. */
type FocusTarget = ContactChannel | 'thread' | 'top';

const headingIds: Record<FocusTarget, string> = {
  phone: 'phone-heading',
  'private-question': 'private-question-heading',
  appointment: 'appointment-heading',
  thread: 'private-thread-heading',
  top: 'heading',
};

/**
 * @summary Personal advice next to the forum, in the same place on every page (WCAG 3.2.6 Consistent Help): the advice
 * line with its number as a `tel:` link and whether it is open now (in Dutch time), a private question by e-mail that is
 * never public, and an appointment with an advisor at one of the next free times for a topic.
 *
 * The full element shows the three channels the community offers, each under its own heading, with the week's opening
 * hours and closed days. The compact one (`variant="compact"`, for a sidebar) shows the number and whether the line is
 * open, and "Stel uw vraag privé" and "Maak een afspraak": buttons that open the form in place, or, with `href`, links
 * to the page with the full element (`href#plein-contact=appointment&plein-topic=ww`), which opens that channel.
 *
 * The link in a private question's e-mail (`#plein-prive=<id>.<secret>` on the page's address) shows the question and
 * the advisors' answers above the channels. The fragment is removed from the address at once; the secret goes into no
 * attribute, storage, log or other request.
 *
 * Listens on the document for `plein-contact-request` (the hand-off buttons "Maak een afspraak" and "Stel uw vraag
 * privé" under an expert answer in `<plein-question>`; `requestContact()` sends one): one `<plein-contact>` takes it,
 * the first visible full one, else the first; it chooses the topic and the channel, scrolls to it and moves focus to the
 * channel's heading. A host page that routes itself cancels the event before it reaches the document.
 *
 * @csspart heading - The heading "Persoonlijk advies".
 * @csspart intro - The short text under it (full element).
 * @csspart channel - Each channel's section; also `phone`, `private-question` and `appointment`.
 * @csspart phone - The advice line's section.
 * @csspart private-question - The private question's section.
 * @csspart appointment - The appointment's section.
 * @csspart channel-heading - A channel's heading.
 * @csspart channel-intro - What a channel offers, in plain words.
 * @csspart description - The community's own description of a channel.
 * @csspart phone-number - The number, a `tel:` link.
 * @csspart status - Whether the line is open now; also `status-open` or `status-closed`.
 * @csspart status-mark - The mark beside it: filled when open, hollow when closed.
 * @csspart opening-hours - The table of opening hours per weekday.
 * @csspart closed-days - The list of days the line is closed ("Gesloten op 26 december (Tweede Kerstdag)").
 * @csspart compact-actions - In the compact element: the two buttons or links.
 * @csspart compact-toggle - A button that opens a form in place (compact element without `href`).
 * @csspart compact-link - A link to the full contact page (compact element with `href`).
 * @csspart form - Each form; also `private-question-form` or `booking-form`.
 * @csspart error-summary - The list of problems above a form, each linked to its field.
 * @csspart topic - A topic select.
 * @csspart body - The private question's text.
 * @csspart email - An e-mail address field.
 * @csspart name - The name or pseudonym for an appointment.
 * @csspart note - The optional note for an appointment.
 * @csspart hint - The help text under a label.
 * @csspart field-error - The message at a field that needs fixing.
 * @csspart counter - A character counter.
 * @csspart personal-data - Under the private question: what looks like personal data (a warning only).
 * @csspart personal-data-warning - Its box, with the list.
 * @csspart personal-data-list - The list of what was found.
 * @csspart personal-data-item - One thing found.
 * @csspart private-note - "U heeft gekozen voor een privé vraag. Alleen adviseurs lezen dit."
 * @csspart draft-note - The note that earlier text was put back.
 * @csspart discard - Its "Wis deze tekst" button.
 * @csspart sent - The live region that says "Kijk in uw e-mail" after sending.
 * @csspart slot-group - The fieldset with the free times.
 * @csspart slots - The free times.
 * @csspart slot - One free time: a radio button and its words.
 * @csspart slots-note - Why there are no times to choose (no topic yet, loading, none free).
 * @csspart slots-failure - The message when the free times could not be loaded.
 * @csspart slots-status - The live region that says the list was updated.
 * @csspart booked - The confirmation after booking.
 * @csspart booked-heading - Its heading "Uw afspraak is gemaakt".
 * @csspart booked-time - The appointment's day, time, kind and advisor.
 * @csspart failure - The message when sending failed, with "Opnieuw proberen".
 * @csspart retry - The "Opnieuw proberen" button.
 * @csspart submit - A form's submit button.
 * @csspart thread - The private thread from the e-mail's link.
 * @csspart thread-heading - Its heading "Uw privé vraag".
 * @csspart thread-meta - The topic and when the question was asked.
 * @csspart thread-question - The question.
 * @csspart thread-answers - The advisors' answers.
 * @csspart thread-answer - One answer.
 * @csspart thread-advisor - Its advisor's name, title and organisation.
 * @csspart thread-answer-body - Its text.
 * @csspart thread-waiting - "Er is nog geen antwoord."
 * @csspart thread-delete-after - When the thread is deleted.
 * @csspart thread-invalid - The message for a link that does not work.
 * @csspart thread-failure - The message when the thread could not be loaded.
 * @csspart new-question - "Stel een nieuwe vraag" after a link that does not work.
 * @csspart none - The line shown when the community offers no way to get in touch.
 * @csspart status-open - Also on `status` while the advice line is open.
 * @csspart status-closed - Also on `status` while the advice line is closed.
 * @csspart private-question-form - Also on the private e-mail question's form.
 * @csspart booking-form - Also on the appointment form.
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of hints and counters.
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-surface-color - Background of notes, messages and the compact element.
 * @cssproperty --plein-border-color - Borders of fields and tables.
 * @cssproperty --plein-border-radius - Rounding of fields and buttons.
 * @cssproperty --plein-button-background-color - Background of the main buttons; border of the others.
 * @cssproperty --plein-button-color - Text on the main buttons.
 * @cssproperty --plein-link-color - Colour of links, the phone number too.
 * @cssproperty --plein-error-color - Colour of errors and of fields that need fixing.
 * @cssproperty --plein-success-color - The "open" mark and the confirmations.
 * @cssproperty --plein-warning-color - The line beside the personal-data warning.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-focus-inverse-color - The ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-line-height - Line height.
 * @cssproperty --plein-expert-color - Colour of the expert badge.
 */
export class PleinContact extends PleinElement {
  static override styles = [
    ...PleinElement.styles,
    personalDataStyles,
    errorSummaryStyles,
    choiceStyles,
    contactStyles,
  ];

  static override strings = { ...common, ...contact, ...personalData, ...antiSpam };

  /** The topic (its slug) chosen at first in both forms, for example on a page about WW. The citizen can change it. */
  @property({ reflect: true }) topic = '';

  /**
   * `phone`, `private-question` or `appointment`. At first: the compact element opens that form in place. Set later
   * (a host's own button): the element scrolls to that channel and moves focus to its heading.
   */
  @property() channel?: ContactChannel;

  /** `compact` for a sidebar: the number, open or closed, and two ways to a form. Otherwise the full element. */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';

  /** The compact element's link to the page with the full element; without it, its forms open in place. */
  @property() href?: string;

  /** The heading level of the element's heading (2 to 6); the channels' headings are one level lower. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The form the compact element shows in place. */
  @state() private expanded?: FormChannel;

  private pendingFocus?: FocusTarget;

  private readonly channels = new Task(this, {
    args: () => [this.client] as [PleinClient | undefined],
    task: ([client], { signal }) => (client ? client.contact(null, { signal }) : Promise.resolve(undefined)),
  });

  private readonly privateQuestion = new PrivateQuestionController(
    this,
    () => ({ client: this.client, topic: this.topic, topics: this.topicSlugs }),
    this.t,
  );

  private readonly booking = new BookingController(
    this,
    () => ({ client: this.client, topic: this.topic, topics: this.topicSlugs }),
    this.t,
  );

  private readonly privateThread = new PrivateThreadController(this, () => this.client);

  constructor() {
    super();
    new ContactHandOffController(this);
  }

  /**
   * A request from the page: a channel (from `plein-contact-request`, the address or the `channel` attribute), or the
   * private thread of the e-mail's link. Called by the page's contact hand-off, for the one element that takes it.
   */
  acceptRequest(request: ContactPageRequest): void {
    if (request.kind === 'private-thread') {
      this.privateThread.open(request.link);
      this.pendingFocus = 'thread';
      this.requestUpdate();
      return;
    }
    const { channel, topic } = request;
    if (topic && channel === 'private-question') this.privateQuestion.chooseTopic(topic);
    if (topic && channel === 'appointment') this.booking.chooseTopic(topic);
    if (channel !== 'phone') this.expanded = channel;
    this.pendingFocus = channel;
    this.requestUpdate();
  }

  private get topicSlugs(): readonly string[] | undefined {
    return this.channels.value?.topics.map((topic) => topic.slug);
  }

  private get compact(): boolean {
    return this.variant === 'compact';
  }

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  private get sectionLevel(): number {
    return Math.min(this.level + 1, 6);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('topic') && this.hasUpdated) {
      this.privateQuestion.preselectTopic(changed.get('topic'), this.topic);
      this.booking.preselectTopic(changed.get('topic'), this.topic);
    }
    if (changed.has('channel') && this.channel && contactChannels.includes(this.channel)) {
      // At first only the compact element opens the form; a later change is the host's answer to a click.
      if (this.hasUpdated) this.acceptRequest({ kind: 'channel', channel: this.channel });
      else if (this.channel !== 'phone') this.expanded = this.channel;
    }
  }

  protected override updated(): void {
    if (!this.pendingFocus) return;
    const target = this.pendingFocus;
    const loaded = this.channels.status === TaskStatus.COMPLETE || this.channels.status === TaskStatus.ERROR;
    if (target !== 'thread' && !loaded) return;
    this.pendingFocus = undefined;
    const heading =
      this.renderRoot.querySelector<HTMLElement>(`#${headingIds[target]}`) ??
      this.renderRoot.querySelector<HTMLElement>('#heading');
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    return html`
      <section class="root ${this.compact ? 'compact' : 'full'}" aria-labelledby="heading">
        <div id="heading" part="heading" class="heading" role="heading" aria-level=${this.level} tabindex="-1">
          ${this.t('contact.heading')}
        </div>
        ${this.compact ? nothing : html`<p part="intro" class="intro">${this.t('contact.intro')}</p>`}
        ${
          this.privateThread.opened
            ? renderPrivateThread({
                localize: this.localize,
                thread: this.privateThread,
                level: this.sectionLevel,
                onNewQuestion: this.channels.value?.contact.emailService ? this.onNewQuestion : undefined,
              })
            : nothing
        }
        ${this.renderChannels()}
      </section>
    `;
  }

  private renderChannels() {
    switch (this.channels.status) {
      case TaskStatus.ERROR:
        return this.renderFailure();
      case TaskStatus.COMPLETE:
        return this.channels.value ? this.renderOffered(this.channels.value) : nothing;
      default:
        return html`<p class="hint" aria-busy="true">${this.t('contact.loading')}</p>`;
    }
  }

  private renderFailure() {
    const error = this.channels.error;
    return html`
      <div part="failure" class="alert" role="alert">
        <p>${this.t('contact.failed')} ${messageOf(error, '')}</p>
        ${
          canRetry(error)
            ? html`<button part="retry" class="button secondary" type="button" @click=${() => this.channels.run()}>
                ${this.t('common.retry')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private renderOffered(info: ContactInfo) {
    const { adviceLine, emailService, appointments } = info.contact;
    if (!adviceLine && !emailService && !appointments) return html`<p part="none">${this.t('contact.none')}</p>`;
    const phone = adviceLine
      ? renderAdviceLine({ localize: this.localize, line: adviceLine, level: this.sectionLevel, compact: this.compact })
      : nothing;
    if (this.compact) {
      return html`${phone} ${this.renderCompactActions(info)}
      ${this.expanded === 'private-question' ? this.renderPrivateQuestion(info) : nothing}
      ${this.expanded === 'appointment' ? this.renderBooking(info) : nothing}`;
    }
    return html`${phone} ${this.renderPrivateQuestion(info)} ${this.renderBooking(info)}`;
  }

  /** Two ways to a form: in place (buttons that open it), or to the page with the full element (links). */
  private renderCompactActions(info: ContactInfo) {
    const offered: { channel: FormChannel; label: string }[] = [];
    if (info.contact.emailService) {
      offered.push({ channel: 'private-question', label: this.t('contact.compact.privateQuestion') });
    }
    if (info.contact.appointments)
      offered.push({ channel: 'appointment', label: this.t('contact.compact.appointment') });
    if (offered.length === 0) return nothing;
    return html`<div part="compact-actions" class="compact-actions">
      ${offered.map(({ channel, label }) =>
        this.href
          ? html`<a part="compact-link" class="button secondary" href=${this.linkTo(channel)}>${label}</a>`
          : html`<button
              part="compact-toggle"
              class="button secondary"
              type="button"
              aria-expanded=${this.expanded === channel ? 'true' : 'false'}
              aria-controls=${channel}
              @click=${() => this.onToggle(channel)}
            >
              ${label}
            </button>`,
      )}
    </div>`;
  }

  /** The full contact page, opened at a channel (and the topic chosen here, if any). */
  private linkTo(channel: FormChannel): string {
    const url = new URL(this.href!, location.href);
    const topic = channel === 'appointment' ? this.booking.fields.topic : this.privateQuestion.fields.topic;
    url.hash = `${channelParameter}=${channel}${topic ? `&${topicParameter}=${encodeURIComponent(topic)}` : ''}`;
    return url.href;
  }

  private renderPrivateQuestion(info: ContactInfo) {
    const service = info.contact.emailService;
    if (!service) return nothing;
    return renderPrivateQuestion({
      localize: this.localize,
      form: this.privateQuestion,
      service,
      topics: info.topics,
      level: this.sectionLevel,
      onInput: this.onPrivateInput,
      onSubmit: this.onPrivateSubmit,
      onRetry: this.onPrivateRetry,
      onDiscard: this.onPrivateDiscard,
    });
  }

  private renderBooking(info: ContactInfo) {
    const service = info.contact.appointments;
    if (!service) return nothing;
    return renderBooking({
      localize: this.localize,
      form: this.booking,
      service,
      topics: info.topics,
      level: this.sectionLevel,
      onInput: this.onBookingInput,
      onSubmit: this.onBookingSubmit,
      onRetry: this.onBookingRetry,
    });
  }

  private focusById(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private onToggle(channel: FormChannel): void {
    this.expanded = this.expanded === channel ? undefined : channel;
  }

  private onNewQuestion = () => {
    this.acceptRequest({ kind: 'channel', channel: 'private-question' });
  };

  private onPrivateInput = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    this.privateQuestion.update(control.name as PrivateQuestionField, control.value);
  };

  private onPrivateSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void this.sendPrivateQuestion();
  };

  private onPrivateRetry = () => {
    // The retry button goes away while sending; the submit button then says what is happening.
    this.focusById('pq-submit');
    void this.sendPrivateQuestion();
  };

  private onPrivateDiscard = async () => {
    this.privateQuestion.discardDraft();
    await this.updateComplete;
    this.focusById('pq-body');
  };

  private async sendPrivateQuestion(): Promise<void> {
    const outcome = await this.privateQuestion.submit();
    if (outcome === 'invalid' || outcome === 'rejected') {
      await this.updateComplete;
      this.focusById('private-question-summary');
    }
  }

  private onBookingInput = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    this.booking.update(control.name as BookingField, control.value);
  };

  private onBookingSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void this.sendBooking();
  };

  private onBookingRetry = () => {
    this.focusById('booking-submit');
    void this.sendBooking();
  };

  private async sendBooking(): Promise<void> {
    const outcome = await this.booking.submit();
    await this.updateComplete;
    if (outcome === 'invalid' || outcome === 'rejected' || outcome === 'taken') this.focusById('booking-summary');
    else if (outcome === 'booked') this.focusById('booking-confirmation');
  }
}
