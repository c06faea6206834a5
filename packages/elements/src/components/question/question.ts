import { TaskStatus } from '@lit/task';
import { type AnswerNode, PleinError } from '@plein/client';
import { limits } from '@plein/schema';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { AnswerFormController } from '../../controllers/answer-form-controller.ts';
import { ThreadController, type ThreadQuestion } from '../../controllers/thread-controller.ts';
import { PleinAnswerPostedEvent } from '../../events/answer-posted.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import { questionStyles } from './question.styles.ts';
import { common } from '../../localize/nl/common.ts';
import { question } from '../../localize/nl/question.ts';

/** The form's fields by the name the server uses for them in a UserError, in the order of the form. */
const fieldIds = new Map([
  ['body', 'answer-body'],
  ['displayName', 'answer-name'],
]);

/**
 * @summary One thread: the question, its answers (expert answers first and marked, the chosen best answer marked),
 * and a form to answer that never loses what was typed.
 *
 * @fires plein-answer-posted - An answer from this form was posted. `questionId` and `answerId` say which.
 *
 * @csspart question - The question: title, meta and text.
 * @csspart title - The question's title.
 * @csspart meta - The question's topic, author, time and status.
 * @csspart body - The question's text.
 * @csspart badge - The status, "Expert" and "best answer" marks.
 * @csspart answers - The answers with their heading and the "load more" button.
 * @csspart answers-heading - The heading that says how many answers there are.
 * @csspart answer - One answer.
 * @csspart expert-answer - One answer by a verified expert (it also has the `answer` part).
 * @csspart answer-author - Who wrote an answer: name, and for experts their role and independence.
 * @csspart answer-body - An answer's text.
 * @csspart more - The "load more answers" button.
 * @csspart form - The answer form.
 * @csspart error-summary - The list of problems above the form after a submit.
 * @csspart submit - The "post answer" button.
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of hints, meta and times.
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-surface-color - Background of alerts.
 * @cssproperty --plein-border-color - Borders of fields and between answers.
 * @cssproperty --plein-link-color - Colour of links in the error summary.
 * @cssproperty --plein-button-background-color - Background of buttons.
 * @cssproperty --plein-button-color - Text colour of buttons.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-error-color - Error messages and invalid fields.
 * @cssproperty --plein-success-color - The "resolved" and "best answer" marks and the posted message.
 * @cssproperty --plein-expert-color - The expert mark and the line beside an expert answer.
 * @cssproperty --plein-expert-surface-color - Background of an expert answer.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons, marks and answers.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 */
export class PleinQuestion extends PleinElement {
  static override styles = [...PleinElement.styles, questionStyles];

  static override strings = { ...common, ...question };

  /** The id of the question to show. */
  @property({ attribute: 'question-id', reflect: true }) questionId = '';

  /** The heading level of the question's title (2 to 6), to fit the host page's outline; the sections go one lower. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private readonly thread = new ThreadController(this, () => ({ client: this.client, questionId: this.questionId }));

  private readonly form = new AnswerFormController(this, this.localize, () => ({
    client: this.client,
    questionId: this.questionId,
  }));

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    if (!this.questionId) {
      return html`<div class="root"><p class="alert" role="alert">${this.t('question.noId')}</p></div>`;
    }
    const { status, question } = this.thread;
    if (status === TaskStatus.ERROR) return this.renderLoadError(this.thread.error);
    if (status !== TaskStatus.COMPLETE || !question) {
      return html`<div class="root"><p class="loading" aria-busy="true">${this.t('question.loading')}</p></div>`;
    }
    return html`
      <article class="root" aria-labelledby="title">
        ${this.renderQuestion(question)} ${this.renderAnswers()} ${this.renderForm()}
      </article>
    `;
  }

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  private get sectionLevel(): number {
    return Math.min(this.level + 1, 6);
  }

  private renderQuestion(question: ThreadQuestion) {
    return html`
      <header part="question" class="question">
        <div role="heading" aria-level=${this.level} id="title" part="title" class="title" tabindex="-1">
          ${question.title}
        </div>
        <p part="meta" class="meta">
          <span>${question.topic.name}</span>
          <span>${this.t('common.askedBy', question.author.displayName)}</span>
          ${this.renderTime(question.createdAt)}
          <span part="badge" class="badge status ${question.status === 'RESOLVED' ? 'resolved' : ''}"
            >${this.t(`common.status.${question.status}`)}</span
          >
        </p>
        <p part="body" class="text">${question.body}</p>
      </header>
    `;
  }

  private renderTime(iso: string) {
    return html`<time datetime=${iso} title=${this.localize.dateTime(iso)}>${this.localize.relativeTime(iso)}</time>`;
  }

  private renderAnswers() {
    const { answers, totalCount } = this.thread;
    return html`
      <section part="answers" class="answers" aria-labelledby="answers-heading">
        <div
          role="heading"
          aria-level=${this.sectionLevel}
          id="answers-heading"
          part="answers-heading"
          class="section-heading"
        >
          ${this.t('question.answersHeading', totalCount)}
        </div>
        ${
          answers.length === 0
            ? html`<p class="empty">${this.t('question.noAnswers')}</p>`
            : html`<ol class="answer-list">
                ${answers.map((answer) => this.renderAnswer(answer))}
              </ol>`
        }
        ${this.renderMore()}
      </section>
    `;
  }

  private renderAnswer(answer: AnswerNode) {
    const expert = answer.author.role === 'EXPERT' ? answer.author.expert : null;
    return html`
      <li
        part=${expert ? 'answer expert-answer' : 'answer'}
        class="answer ${expert ? 'expert' : ''} ${answer.isAccepted ? 'accepted' : ''}"
        data-answer-id=${answer.id}
        ?data-expert=${Boolean(expert)}
        ?data-accepted=${answer.isAccepted}
        tabindex="-1"
      >
        ${
          expert || answer.isAccepted
            ? html`<p class="badges">
                ${expert ? html`<span part="badge" class="badge expert">${this.t('common.expert')}</span>` : nothing}
                ${
                  answer.isAccepted
                    ? html`<span part="badge" class="badge accepted">${this.t('question.accepted')}</span>`
                    : nothing
                }
              </p>`
            : nothing
        }
        <p part="answer-author" class="author">
          <span class="name">${answer.author.displayName}</span>
          ${expert ? this.renderExpertLines(expert) : nothing}
        </p>
        <p part="answer-body" class="text">${answer.body}</p>
        <p class="meta">${this.renderTime(answer.createdAt)}</p>
      </li>
    `;
  }

  /** Role and independence in plain words: a citizen must see at once whether an expert works for UWV or the city. */
  private renderExpertLines(expert: NonNullable<AnswerNode['author']['expert']>) {
    const role = expert.independent ? [expert.title, expert.organisation].filter(Boolean).join(', ') : expert.title;
    const independence = expert.independent
      ? this.t('common.independent')
      : expert.organisation
        ? this.t('common.notIndependent', expert.organisation)
        : '';
    return html`
      ${role ? html`<span class="role">${role}</span>` : nothing}
      ${independence ? html`<span class="independence">${independence}</span>` : nothing}
    `;
  }

  /** The button stays in place after a failed page, so focus is not lost and the same button tries again. */
  private renderMore() {
    const failed = this.thread.moreFailed
      ? html`<div class="alert" role="alert">
          <p>${messageOf(this.thread.error, this.t('question.moreFailed'))}</p>
        </div>`
      : nothing;
    if (!this.thread.hasNextPage) return failed;
    const busy = this.thread.loadingMore;
    return html`
      ${failed}
      <button
        part="more"
        class="button secondary more"
        type="button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${this.onMore}
      >
        ${busy ? this.t('question.moreAnswersLoading') : this.t('question.moreAnswers')}
      </button>
    `;
  }

  private renderForm() {
    const { body, displayName, errors, sending, posted, failure } = this.form;
    // The error first: a screen reader reads it before the hint when the field gets focus.
    const describedBy = (error: string | undefined, ...ids: string[]) => [error, ...ids].filter(Boolean).join(' ');
    return html`
      <section class="answer-form" aria-labelledby="form-heading">
        <div role="heading" aria-level=${this.sectionLevel} id="form-heading" class="section-heading">
          ${this.t('question.form.heading')}
        </div>
        <form part="form" novalidate aria-labelledby="form-heading" @submit=${this.onSubmit}>
          ${this.renderErrorSummary()}
          <div class="field">
            <label for="answer-body">${this.t('question.form.body')}</label>
            <span id="answer-body-hint" class="hint">${this.t('question.form.bodyHint')}</span>
            ${errors.body ? html`<span id="answer-body-error" class="field-error">${errors.body}</span>` : nothing}
            <textarea
              id="answer-body"
              name="body"
              rows="6"
              required
              aria-invalid=${errors.body ? 'true' : 'false'}
              aria-describedby=${describedBy(errors.body && 'answer-body-error', 'answer-body-hint', 'answer-body-counter')}
              .value=${body}
              @input=${this.onBodyInput}
            ></textarea>
            ${renderCharacterCounter(this.localize, 'answer-body-counter', body.length, limits.answerBody)}
          </div>
          <div class="field">
            <label for="answer-name"
              >${this.t('question.form.displayName')} <span class="muted">${this.t('common.optional')}</span></label
            >
            <span id="answer-name-hint" class="hint">${this.t('question.form.displayNameHint')}</span>
            ${
              errors.displayName
                ? html`<span id="answer-name-error" class="field-error">${errors.displayName}</span>`
                : nothing
            }
            <input
              id="answer-name"
              name="displayName"
              type="text"
              autocomplete="nickname"
              aria-invalid=${errors.displayName ? 'true' : 'false'}
              aria-describedby=${describedBy(errors.displayName && 'answer-name-error', 'answer-name-hint')}
              .value=${displayName}
              @input=${this.onDisplayNameInput}
            />
          </div>
          ${
            failure
              ? html`<div class="alert" role="alert">
                  <p>${messageOf(failure, this.t('question.form.notPosted'))}</p>
                  <p>${this.t('question.form.kept')}</p>
                </div>`
              : nothing
          }
          <button part="submit" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? this.t('question.form.submitting') : this.t('question.form.submit')}
          </button>
          <p class="status" role="status">${posted ? this.t('question.form.posted') : ''}</p>
        </form>
      </section>
    `;
  }

  private renderErrorSummary() {
    const entries = Object.entries(this.form.errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
    if (entries.length === 0) return nothing;
    const fields = [...fieldIds.keys()];
    const order = (field: string) => (fields.includes(field) ? fields.indexOf(field) : fields.length);
    entries.sort(([a], [b]) => order(a) - order(b));
    return html`
      <div
        part="error-summary"
        class="alert error-summary"
        role="alert"
        tabindex="-1"
        aria-labelledby="error-summary-heading"
      >
        <p id="error-summary-heading" class="error-summary-heading">${this.t('question.form.errorSummary')}</p>
        <ul>
          ${entries.map(([field, message]) => {
            const id = fieldIds.get(field);
            return html`<li>
              ${id ? html`<a href="#${id}" @click=${(event: Event) => this.focusField(event, id)}>${message}</a>` : message}
            </li>`;
          })}
        </ul>
      </div>
    `;
  }

  private renderLoadError(error: unknown) {
    const notFound = error instanceof PleinError && error.kind === 'not-found';
    const retryable = !notFound && canRetry(error);
    return html`
      <div class="root">
        <div class="alert load-error" role="alert">
          <p>${notFound ? this.t('question.notFound') : messageOf(error, this.t('question.loadFailed'))}</p>
          ${
            retryable
              ? html`<button class="button secondary" type="button" @click=${this.onRetry}>
                  ${this.t('common.retry')}
                </button>`
              : nothing
          }
        </div>
      </div>
    `;
  }

  private onBodyInput(event: InputEvent): void {
    this.form.setBody((event.target as HTMLTextAreaElement).value);
  }

  private onDisplayNameInput(event: InputEvent): void {
    this.form.setDisplayName((event.target as HTMLInputElement).value);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const questionId = this.questionId;
    const result = await this.form.submit();
    await this.updateComplete;
    if (result.outcome === 'invalid') {
      this.renderRoot.querySelector<HTMLElement>('[part="error-summary"]')?.focus();
    } else if (result.outcome === 'posted') {
      this.thread.add(result.answer);
      const posted = new PleinAnswerPostedEvent(questionId, result.answer.id);
      this.dispatchEvent(posted);
    }
  }

  /** The summary's links go to the field inside this shadow root; the page's own URL and scroll stay as they are. */
  private focusField(event: Event, id: string): void {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  }

  private async onMore(): Promise<void> {
    if (this.thread.loadingMore) return;
    const added = await this.thread.loadMore();
    await this.updateComplete;
    const first = added[0];
    if (first) {
      this.renderRoot.querySelector<HTMLElement>(`[data-answer-id="${CSS.escape(first.id)}"]`)?.focus();
    } else if (!this.thread.hasNextPage && !this.thread.moreFailed) {
      // Nothing new and the button is gone: keep focus in the thread rather than on the page's body.
      this.renderRoot.querySelector<HTMLElement>('[part~="answer"]:last-of-type')?.focus();
    }
  }

  private async onRetry(): Promise<void> {
    await this.thread.retry();
    await this.updateComplete;
    // The retry button is gone either way: put focus on the loaded title, or on the next retry button.
    this.renderRoot.querySelector<HTMLElement>('[part="title"], .load-error button')?.focus();
  }
}
