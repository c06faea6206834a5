import { Task, TaskStatus } from '@lit/task';
import type { PleinClient } from '@plein/client';
import { limits } from '@plein/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import {
  type AskedQuestion,
  type AskField,
  AskController,
  askFields,
  type TextField,
  textFields,
} from '../../controllers/ask-controller.ts';
import { InPlaceThreadController } from '../../controllers/in-place-thread-controller.ts';
import { SimilarQuestionsController } from '../../controllers/similar-questions-controller.ts';
import { PleinQuestionAskedEvent } from '../../events/question-asked.ts';
import { renderHoneypot } from '../../form/anti-spam.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import {
  personalDataDescribedBy,
  personalDataStyles,
  renderPersonalDataPanel,
} from '../../form/personal-data-panel.ts';
import { askStyles } from './ask.styles.ts';
import { common } from '../../localize/nl/common.ts';
import { antiSpam } from '../../localize/nl/anti-spam.ts';
import { ask } from '../../localize/nl/ask.ts';
import { personalData } from '../../localize/nl/personal-data.ts';

const labelKeys = {
  topic: 'ask.topic',
  title: 'ask.title',
  body: 'ask.body',
  displayName: 'ask.displayName',
  notifyEmail: 'ask.notifyEmail',
} as const satisfies Record<AskField, string>;

/**
 * @summary The ask form: a citizen asks a question without an account. While they type it points out personal data
 * (with "Verwijder dit voor mij") and similar questions. What they type is kept, also after a closed tab or a failed
 * post, and a retry never makes a duplicate.
 *
 * @fires plein-question-asked - The question is posted. Carries its id, title and owner token (keep it secret).
 * @fires plein-question-open - The citizen chose "Bekijk uw vraag" or a similar question. Cancelable: call
 * `preventDefault()` to route yourself; otherwise `question-href` is followed, or the thread opens in place.
 *
 * @csspart heading - The form's heading ("Stel uw vraag").
 * @csspart intro - The short text about asking anonymously.
 * @csspart draft-note - The note that earlier text was put back.
 * @csspart discard - The "Wis deze tekst" button on that note.
 * @csspart summary - The error summary above the form, with a link to each field to fix.
 * @csspart form - The form.
 * @csspart topic - The topic select.
 * @csspart title - The question's title field.
 * @csspart body - The question's text area.
 * @csspart display-name - The optional name or pseudonym field.
 * @csspart notify-email - The optional e-mail field for a message when an answer arrives.
 * @csspart hint - The help text under a label.
 * @csspart field-error - The message under a field that needs fixing.
 * @csspart personal-data - Under the title, the text and the name: what the personal-data check found.
 * @csspart personal-data-warning - Its box "Let op: dit lijkt persoonlijke informatie", with the list and why.
 * @csspart personal-data-list - The list of what was found.
 * @csspart personal-data-item - One thing found: its kind, the text, and a button.
 * @csspart personal-data-remove - A "Verwijder dit voor mij" button.
 * @csspart personal-data-remove-all - The "Verwijder alles" button.
 * @csspart health-note - The note that medical details are not needed.
 * @csspart similar - The similar questions, under the heading "Misschien staat uw antwoord er al bij".
 * @csspart similar-list - Their list.
 * @csspart similar-item - One similar question: its link, status and answer count.
 * @csspart similar-link - A similar question's title link.
 * @csspart badge - A similar question's status ("Open", "Beantwoord", "Opgelost").
 * @csspart back - "Terug naar uw vraag" above a similar question opened in place.
 * @csspart similar-question - A similar question's thread, when it opens in place.
 * @csspart failure - The message when sending failed, with "Opnieuw proberen".
 * @csspart retry - The "Opnieuw proberen" button.
 * @csspart submit - The submit button.
 * @csspart success - The view after posting.
 * @csspart success-heading - Its heading ("Uw vraag staat online", or "Uw vraag is ontvangen" when a moderator
 *   looks at it first).
 * @csspart view - The "Bekijk uw vraag" link or button.
 * @csspart another - The "Nog een vraag stellen" button.
 * @csspart question - The posted question's thread, when it opens in place.
 * @csspart counter - The character counter under a field.
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
 * @cssproperty --plein-warning-color - The line beside the personal-data warning and the health note.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-focus-inverse-color - The ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-line-height - Line height.
 * @cssproperty --plein-expert-color - Colour of the expert badge.
 */
export class PleinAsk extends PleinElement {
  static override styles = [...PleinElement.styles, personalDataStyles, askStyles];

  static override strings = { ...common, ...ask, ...personalData, ...antiSpam };

  /** The topic (its slug) chosen at first, for example on a page about WW. The citizen can change it. */
  @property({ reflect: true }) topic = '';

  /**
   * A link pattern for a question's page, such as `/vraag/{id}`: for "Bekijk uw vraag" after posting and for the
   * similar questions. Without it a question opens in place.
   */
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

  private readonly similar = new SimilarQuestionsController(this, () => ({
    // Nothing to look up once the question is posted.
    client: this.ask.asked ? undefined : this.client,
    text: `${this.ask.fields.title} ${this.ask.fields.body}`,
  }));

  /**
   * A similar question the citizen opened in place; the form and its text wait behind "Terug naar uw vraag". Its
   * links and `plein-question-open` serve "Bekijk uw vraag" too. A real link (with `question-href`) leaves the page,
   * or opens a new tab: the draft is in localStorage, so the text is there on the way back.
   */
  private readonly similarThread = new InPlaceThreadController(this, () => this.questionHref);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('topic') && this.hasUpdated) this.ask.preselectTopic(changed.get('topic'), this.topic);
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    if (this.ask.asked) return this.renderSuccess(this.ask.asked);
    if (this.similarThread.openId) {
      return this.similarThread.render({
        back: this.t('ask.similar.back'),
        headingLevel: this.level,
        threadPart: 'similar-question',
      });
    }
    const sending = this.ask.sending;
    return html`
      <section class="root" aria-labelledby="heading">
        <div id="heading" part="heading" class="heading" role="heading" aria-level=${this.level} tabindex="-1">
          ${this.t('ask.heading')}
        </div>
        ${this.renderSummary()}
        <p part="intro" class="intro">${this.t('ask.intro')}</p>
        ${this.ask.restored ? this.renderDraftNote() : nothing}
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
          ${this.renderSimilar()}
          ${this.renderText('displayName', { hint: this.t('ask.displayNameHint'), optional: true })}
          ${this.renderText('notifyEmail', {
            hint: this.t('ask.notifyEmailHint'),
            optional: true,
            type: 'email',
            autocomplete: 'email',
          })}
          ${renderHoneypot(this.localize, 'website', this.ask.antiSpam)} ${this.renderFailure()}
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

  private get sectionLevel(): number {
    return Math.min(this.level + 1, 6);
  }

  /**
   * The restored text may not be this citizen's (a shared computer): one button clears it. Not a live region: a
   * status that appears with the page is not read anyway, and the text is in the fields.
   */
  private renderDraftNote() {
    return html`<div part="draft-note" class="note draft-note">
      <p>${this.t('ask.draftRestored')}</p>
      <button part="discard" class="link-button" type="button" @click=${this.onDiscard}>
        ${this.t('ask.draftDiscard')}
      </button>
    </div>`;
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
        <div id="summary-heading" class="summary-heading" role="heading" aria-level=${this.sectionLevel}>
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
    const guarded = (textFields as readonly string[]).includes(field);
    const check = guarded ? this.ask.personalData.checkFor(field as TextField) : undefined;
    const describedBy = [
      error ? `${field}-error` : '',
      `${field}-hint`,
      options.counter ? `${field}-counter` : '',
      ...(check ? personalDataDescribedBy(field, check) : []),
    ]
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
        ${
          check
            ? renderPersonalDataPanel({
                localize: this.localize,
                fieldId: field,
                check,
                context: 'question',
                level: this.sectionLevel,
                remove: (finding) => this.ask.removePersonalData(field as TextField, finding),
                updateComplete: () => this.updateComplete,
              })
            : nothing
        }
      </div>
    `;
  }

  /**
   * Questions like this one, while the citizen types. Announced politely by count only; the list itself is read when
   * the citizen gets to it. Never an error: without the list the form works just the same.
   */
  private renderSimilar() {
    const questions = this.similar.questions;
    return html`
      <p id="similar-status" class="visually-hidden" aria-live="polite">
        ${questions.length > 0 ? this.t('ask.similar.found', questions.length) : ''}
      </p>
      ${
        questions.length > 0
          ? html`<section part="similar" class="similar" aria-labelledby="similar-heading">
              <div id="similar-heading" class="similar-heading" role="heading" aria-level=${this.sectionLevel}>
                ${this.t('ask.similar.heading')}
              </div>
              <ul part="similar-list" class="similar-list">
                ${questions.map(
                  (question) =>
                    html`<li part="similar-item" class="similar-item">
                      <a
                        part="similar-link"
                        href=${this.similarThread.hrefFor(question.id)}
                        data-question-id=${question.id}
                        @click=${(event: MouseEvent) => this.similarThread.onOpen(event, question)}
                        >${question.title}</a
                      >
                      <span class="similar-meta">
                        <span part="badge" class="badge ${question.status === 'RESOLVED' ? 'resolved' : ''}"
                          >${this.t(`common.status.${question.status}`)}</span
                        >
                        <span>${this.t('common.answers', question.answerCount)}</span>
                      </span>
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
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
          ${asked.held ? this.t('ask.success.heldHeading') : this.t('ask.success.heading')}
        </div>
        <p>${asked.held ? this.t('ask.success.heldText') : this.t('ask.success.text')}</p>
        ${asked.ownerToken ? html`<p>${this.t('ask.success.editNote')}</p>` : nothing}
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
      ? html`<a part="view" class="button" href=${this.similarThread.hrefFor(asked.id)} @click=${onClick}
          >${this.t('ask.success.view')}</a
        >`
      : html`<button part="view" class="button" type="button" @click=${onClick}>${this.t('ask.success.view')}</button>`;
  }

  private onDiscard = async () => {
    this.ask.discardDraft();
    this.similar.clear();
    await this.updateComplete;
    this.focusById('heading');
  };

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
    // In place here means below the success message, not instead of it as for a similar question.
    if (this.similarThread.routeOpen(event, asked)) void this.openInPlace(asked.id);
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
    this.similar.clear();
    await this.updateComplete;
    this.focusById('heading');
  };
}
