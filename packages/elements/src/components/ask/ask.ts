import { Task, TaskStatus } from '@lit/task';
import type { PleinClient } from '@plein/client';
import { limits } from '@plein/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { type AskedQuestion, type AskField, AskController, askFields } from '../../controllers/ask-controller.ts';
import { PleinQuestionAskedEvent } from '../../events/question-asked.ts';
import { PleinQuestionOpenEvent } from '../../events/question-open.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import { askStyles } from './ask.styles.ts';
import { common } from '../../localize/nl/common.ts';
import { ask } from '../../localize/nl/ask.ts';

const labelKeys = {
  topic: 'ask.topic',
  title: 'ask.title',
  body: 'ask.body',
  displayName: 'ask.displayName',
  notifyEmail: 'ask.notifyEmail',
} as const satisfies Record<AskField, string>;

/**
 * @summary The ask form: a citizen asks a question without an account. What they type is kept while they type and
 * after a failed post, and a retry never makes a duplicate.
 *
 * @fires plein-question-asked - The question is posted. Carries its id, title and owner token (keep it secret).
 * @fires plein-question-open - The citizen chose "Bekijk uw vraag". Cancelable: call `preventDefault()` to route
 * yourself; otherwise `question-href` is followed, or the thread opens in place.
 *
 * @csspart heading - The form's heading ("Stel uw vraag").
 * @csspart intro - The short text about asking anonymously.
 * @csspart draft-note - The note that earlier text was put back.
 * @csspart summary - The error summary above the form, with a link to each field to fix.
 * @csspart form - The form.
 * @csspart topic - The topic select.
 * @csspart title - The question's title field.
 * @csspart body - The question's text area.
 * @csspart display-name - The optional name or pseudonym field.
 * @csspart notify-email - The optional e-mail field for a message when an answer arrives.
 * @csspart hint - The help text under a label.
 * @csspart field-error - The message under a field that needs fixing.
 * @csspart failure - The message when sending failed, with "Opnieuw proberen".
 * @csspart retry - The "Opnieuw proberen" button.
 * @csspart submit - The submit button.
 * @csspart success - The view after posting.
 * @csspart success-heading - Its heading ("Uw vraag staat online").
 * @csspart view - The "Bekijk uw vraag" link or button.
 * @csspart another - The "Nog een vraag stellen" button.
 * @csspart question - The posted question's thread, when it opens in place.
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of hints and counters.
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-surface-color - Background of notes and messages.
 * @cssproperty --plein-border-color - Borders of fields.
 * @cssproperty --plein-border-radius - Rounding of fields and buttons.
 * @cssproperty --plein-button-background-color - Background of the submit button; border of the others.
 * @cssproperty --plein-button-color - Text on the submit button.
 * @cssproperty --plein-link-color - Colour of links.
 * @cssproperty --plein-error-color - Colour of errors and of fields that need fixing.
 * @cssproperty --plein-success-color - Colour of the "posted" mark.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-focus-inverse-color - The ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinAsk extends PleinElement {
  static override styles = [...PleinElement.styles, askStyles];

  static override strings = { ...common, ...ask };

  /** The topic (its slug) chosen at first, for example on a page about WW. The citizen can change it. */
  @property({ reflect: true }) topic = '';

  /** A link pattern for the question's page, such as `/vraag/{id}`. Without it the question opens in place. */
  @property({ attribute: 'question-href' }) questionHref?: string;

  /** The heading level of the form's heading (2 to 6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private openQuestionId?: string;

  private readonly overview = new Task(this, {
    args: () => [this.client] as [PleinClient | undefined],
    task: ([client], { signal }) => (client ? client.communityOverview({ signal }) : Promise.resolve(undefined)),
  });

  private readonly ask = new AskController(
    this,
    () => ({ client: this.client, topic: this.topic, topics: this.overview.value?.topics.map((topic) => topic.slug) }),
    this.t,
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('topic') && this.hasUpdated) this.ask.preselectTopic(changed.get('topic'), this.topic);
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    if (this.ask.asked) return this.renderSuccess(this.ask.asked);
    const sending = this.ask.sending;
    return html`
      <section class="root" aria-labelledby="heading">
        <div id="heading" part="heading" class="heading" role="heading" aria-level=${this.level} tabindex="-1">
          ${this.t('ask.heading')}
        </div>
        ${this.renderSummary()}
        <p part="intro" class="intro">${this.t('ask.intro')}</p>
        ${
          this.ask.restored
            ? html`<p part="draft-note" class="note" role="status">${this.t('ask.draftRestored')}</p>`
            : nothing
        }
        <form part="form" novalidate @submit=${this.onSubmit}>
          ${this.renderTopic()}
          ${this.renderText('title', {
            hint: this.t('ask.titleHint'),
            counter: limits.questionTitle,
          })}
          ${this.renderText('body', {
            hint: this.t('ask.bodyHint'),
            counter: limits.questionBody,
            multiline: true,
          })}
          ${this.renderText('displayName', { hint: this.t('ask.displayNameHint'), optional: true })}
          ${this.renderText('notifyEmail', {
            hint: this.t('ask.notifyEmailHint'),
            optional: true,
            type: 'email',
            autocomplete: 'email',
          })}
          ${this.renderFailure()}
          <div class="actions">
            <button id="submit" part="submit" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
              ${sending ? this.t('ask.submitting') : this.t('ask.submit')}
            </button>
          </div>
          <p class="visually-hidden" role="status">${sending ? this.t('ask.submitting') : ''}</p>
        </form>
      </section>
    `;
  }

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  /** Every problem in one list at the top, each a link that puts the cursor in the field to fix (GOV.UK pattern). */
  private renderSummary() {
    const { errors } = this.ask;
    const fields = askFields.filter((field) => errors[field]);
    if (fields.length === 0 && !errors.form) return nothing;
    return html`
      <div
        id="summary"
        part="summary"
        class="alert summary"
        role="alert"
        tabindex="-1"
        aria-labelledby="summary-heading"
      >
        <div id="summary-heading" class="summary-heading" role="heading" aria-level=${Math.min(this.level + 1, 6)}>
          ${this.t('ask.errorSummary')}
        </div>
        <ul>
          ${errors.form ? html`<li>${errors.form}</li>` : nothing}
          ${fields.map(
            (field) =>
              html`<li>
                <a href="#${field}" @click=${(event: Event) => this.focusField(event, field)}
                  >${this.t(labelKeys[field])}: ${errors[field]}</a
                >
              </li>`,
          )}
        </ul>
      </div>
    `;
  }

  private renderTopic() {
    const topics = this.overview.value?.topics ?? [];
    const selected = this.ask.fields.topic;
    const known = topics.some((topic) => topic.slug === selected);
    return html`
      <div class="field">
        <label for="topic">${this.t('ask.topic')}</label>
        ${this.renderFieldError('topic')}
        <select
          id="topic"
          part="topic"
          name="topic"
          aria-describedby=${this.ask.errors.topic ? 'topic-error' : nothing}
          aria-invalid=${this.ask.errors.topic ? 'true' : nothing}
          @change=${this.onInput}
        >
          <option value="" .selected=${!known}>${this.t('ask.topicChoose')}</option>
          ${topics.map(
            (topic) => html`<option value=${topic.slug} .selected=${topic.slug === selected}>${topic.name}</option>`,
          )}
        </select>
        ${this.overview.status === TaskStatus.ERROR ? this.renderTopicsFailure() : nothing}
      </div>
    `;
  }

  private renderTopicsFailure() {
    const error = this.overview.error;
    const retryable = canRetry(error);
    return html`
      <div class="alert" role="alert">
        <p>${this.t('ask.topicsFailed')} ${messageOf(error, '')}</p>
        ${
          retryable
            ? html`<button class="button secondary" type="button" @click=${() => this.overview.run()}>
                ${this.t('common.retry')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private renderText(
    field: Exclude<AskField, 'topic'>,
    options: {
      hint: string;
      counter?: { min?: number; max: number };
      multiline?: boolean;
      optional?: boolean;
      type?: 'text' | 'email';
      autocomplete?: string;
    },
  ) {
    const value = this.ask.fields[field];
    const error = this.ask.errors[field];
    const part = field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    const describedBy = [error ? `${field}-error` : '', `${field}-hint`, options.counter ? `${field}-counter` : '']
      .filter(Boolean)
      .join(' ');
    // No maxlength: it silently cuts off pasted text. The counter and the check before sending say what is too long.
    const control = options.multiline
      ? html`<textarea
          id=${field}
          part=${part}
          name=${field}
          rows="8"
          aria-describedby=${describedBy}
          aria-invalid=${error ? 'true' : nothing}
          ?readonly=${this.ask.sending}
          .value=${value}
          @input=${this.onInput}
        ></textarea>`
      : html`<input
          id=${field}
          part=${part}
          name=${field}
          type=${options.type ?? 'text'}
          autocomplete=${options.autocomplete ?? 'off'}
          spellcheck=${options.type === 'email' ? 'false' : 'true'}
          aria-describedby=${describedBy}
          aria-invalid=${error ? 'true' : nothing}
          ?readonly=${this.ask.sending}
          .value=${value}
          @input=${this.onInput}
        />`;
    return html`
      <div class="field">
        <label for=${field}>
          ${this.t(labelKeys[field])}
          ${options.optional ? html`<span class="optional">${this.t('common.optional')}</span>` : nothing}
        </label>
        <span id="${field}-hint" part="hint" class="hint">${options.hint}</span>
        ${this.renderFieldError(field)} ${control}
        ${
          options.counter
            ? renderCharacterCounter(this.localize, `${field}-counter`, value.trim().length, options.counter)
            : nothing
        }
      </div>
    `;
  }

  private renderFieldError(field: AskField) {
    const error = this.ask.errors[field];
    return error ? html`<p id="${field}-error" part="field-error" class="field-error">${error}</p>` : nothing;
  }

  /** Sending failed: every character is still in the form, and a retry sends the same question again. */
  private renderFailure() {
    const failure = this.ask.failure;
    if (!failure) return nothing;
    const retryable = canRetry(failure);
    return html`
      <div part="failure" class="alert" role="alert">
        <p>${messageOf(failure, this.t('ask.notPosted'))}</p>
        <p>${this.t('ask.kept')}</p>
        ${
          retryable
            ? html`<button part="retry" class="button secondary" type="button" @click=${this.onRetry}>
                ${this.t('common.retry')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private renderSuccess(asked: AskedQuestion) {
    return html`
      <section part="success" class="root success" aria-labelledby="success-heading">
        <div
          id="success-heading"
          part="success-heading"
          class="heading"
          role="heading"
          aria-level=${this.level}
          tabindex="-1"
        >
          ${this.t('ask.success.heading')}
        </div>
        <p>${this.t('ask.success.text')}</p>
        ${asked.notifies ? html`<p>${this.t('ask.success.emailNote')}</p>` : nothing}
        <div class="actions">
          ${this.openQuestionId ? nothing : this.renderView(asked)}
          <button part="another" class="button secondary" type="button" @click=${this.onAnother}>
            ${this.t('ask.success.another')}
          </button>
        </div>
        ${
          this.openQuestionId
            ? html`<div id="question" part="question" class="question" tabindex="-1">
                <plein-question
                  question-id=${this.openQuestionId}
                  .endpoint=${this.endpoint}
                  .community=${this.community}
                  heading-level=${Math.min(this.level + 1, 6)}
                ></plein-question>
              </div>`
            : nothing
        }
      </section>
    `;
  }

  private renderView(asked: AskedQuestion) {
    const onClick = (event: MouseEvent) => this.onView(event, asked);
    return this.questionHref
      ? html`<a part="view" class="button" href=${this.hrefFor(asked.id)} @click=${onClick}
          >${this.t('ask.success.view')}</a
        >`
      : html`<button part="view" class="button" type="button" @click=${onClick}>${this.t('ask.success.view')}</button>`;
  }

  private hrefFor(id: string): string {
    return this.questionHref!.replaceAll('{id}', encodeURIComponent(id));
  }

  private focusById(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private focusField(event: Event, field: AskField): void {
    event.preventDefault();
    this.focusById(field);
  }

  private onInput(event: Event): void {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    this.ask.update(control.name as AskField, control.value);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.send();
  }

  private onRetry = () => {
    // The retry button goes away while sending; the submit button then says what is happening.
    this.focusById('submit');
    void this.send();
  };

  private async send(): Promise<void> {
    const outcome = await this.ask.submit();
    if (outcome === 'invalid' || outcome === 'rejected') {
      await this.updateComplete;
      this.focusById('summary');
    } else if (outcome === 'posted') {
      const asked = this.ask.asked!;
      await this.updateComplete;
      this.focusById('success-heading');
      // Built first, then dispatched: the manifest analyzer reads an inline `new …Event()` as a nameless event.
      const event = new PleinQuestionAskedEvent(asked.id, asked.title, asked.ownerToken);
      this.dispatchEvent(event);
    }
  }

  private onView(event: MouseEvent, asked: AskedQuestion): void {
    // Ctrl- or middle-click on a real link opens a new tab, as on any website.
    const newTab = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey;
    if (newTab && this.questionHref) return;
    const open = new PleinQuestionOpenEvent(asked.id, asked.title);
    this.dispatchEvent(open);
    if (open.defaultPrevented) {
      event.preventDefault();
      return;
    }
    if (this.questionHref) return;
    void this.openInPlace(asked.id);
  }

  private async openInPlace(questionId: string): Promise<void> {
    await import('../../define/plein-question.ts');
    this.openQuestionId = questionId;
    await this.updateComplete;
    this.focusById('question');
  }

  private onAnother = async () => {
    this.openQuestionId = undefined;
    this.ask.reset();
    await this.updateComplete;
    this.focusById('heading');
  };
}
