import { TaskStatus } from '@lit/task';
import type { PrivateQuestion } from '@plein/client';
import { limits } from '@plein/schema';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { renderUserText } from '../../base/user-text.ts';
import type { PrivateInboxController } from '../../controllers/private-inbox-controller.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import { orderedErrors, renderErrorSummary } from '../../form/error-summary.ts';
import type { LocalizeController } from '../../localize/localize-controller.ts';

/** The ids of one private question's parts: `<plein-expert-inbox>` moves focus to them. */
export const privateIds = {
  heading: 'private-heading',
  toggle: (id: string) => `private-title-${id}`,
  details: (id: string) => `private-details-${id}`,
  answer: (id: string) => `private-answer-${id}`,
} as const;

/** How long the button that opens a private question may be: it has no title, so it shows the start of the text. */
const excerptLength = 90;

/** The start of a private question, on one line, cut at a word: the button that opens it. */
export function excerpt(body: string, length = excerptLength): string {
  const line = body.replace(/\s+/g, ' ').trim();
  if (line.length <= length) return line;
  const cut = line.slice(0, length);
  return `${cut.slice(0, cut.lastIndexOf(' ') > length / 2 ? cut.lastIndexOf(' ') : length)}…`;
}

export interface PrivateQuestionsView {
  localize: LocalizeController;
  inbox: PrivateInboxController;
  /** The section heading's level; a question's button one lower. */
  level: number;
  expanded: ReadonlySet<string>;
  onToggle: (questionId: string) => void;
  onInput: (questionId: string, body: string) => void;
  onSubmit: (event: SubmitEvent, questionId: string) => void;
}

/**
 * "Privé vragen": the private e-mail questions of the expert's topics, unanswered first, each marked "Privé" in words
 * (not by colour alone), with who may see it. Opening one shows the text, the answers so far, and, while it waits, an
 * inline answer form.
 */
export function renderPrivateQuestions(view: PrivateQuestionsView) {
  const { localize, level } = view;
  return html`
    <section part="private" class="root section" aria-labelledby=${privateIds.heading}>
      <div
        role="heading"
        aria-level=${level}
        id=${privateIds.heading}
        part="private-heading"
        class="heading"
        tabindex="-1"
      >
        ${localize.t('expertInbox.private.heading')}
      </div>
      <p part="private-intro" class="muted">${localize.t('expertInbox.private.intro')}</p>
      ${renderContent(view)}
    </section>
  `;
}

function renderContent(view: PrivateQuestionsView) {
  const { localize, inbox } = view;
  if (inbox.status === TaskStatus.ERROR) {
    return html`<div class="alert" role="alert">
      <p>${messageOf(inbox.error, localize.t('expertInbox.private.failed'))}</p>
      ${
        canRetry(inbox.error)
          ? html`<button class="button secondary" type="button" @click=${() => inbox.reload()}>
              ${localize.t('common.retry')}
            </button>`
          : nothing
      }
    </div>`;
  }
  if (inbox.status !== TaskStatus.COMPLETE) {
    return html`<p class="loading" aria-busy="true">${localize.t('expertInbox.private.loading')}</p>`;
  }
  if (inbox.questions.length === 0) {
    return html`<p part="private-empty" class="empty">${localize.t('expertInbox.private.empty')}</p>`;
  }
  return html`
    <p part="private-count">${localize.t('expertInbox.private.count', inbox.unansweredCount)}</p>
    <ol part="private-list" class="list">
      ${repeat(
        inbox.questions,
        (question) => question.id,
        (question) => renderItem(view, question),
      )}
    </ol>
  `;
}

function renderItem(view: PrivateQuestionsView, question: PrivateQuestion) {
  const { localize, level, expanded, onToggle } = view;
  const { id } = question;
  const open = expanded.has(id);
  return html`
    <li part="private-item" class="item" data-private-id=${id} ?data-answered=${question.answered}>
      <div role="heading" aria-level=${Math.min(level + 1, 6)} class="item-title">
        <button
          part="private-toggle"
          class="toggle"
          type="button"
          id=${privateIds.toggle(id)}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${privateIds.details(id)}
          @click=${() => onToggle(id)}
        >
          ${excerpt(question.body)}
        </button>
      </div>
      <p part="private-meta" class="meta">
        <span part="private-mark" class="badge private">${localize.t('expertInbox.private.mark')}</span>
        <span>${question.topic.name}</span>
        <time datetime=${question.createdAt} title=${localize.dateTime(question.createdAt)}
          >${localize.t('expertInbox.askedAgo', localize.relativeTime(question.createdAt))}</time
        >
        <span part="private-status" class="private-status ${question.answered ? 'answered' : 'waiting'}"
          >${localize.t(question.answered ? 'expertInbox.private.answered' : 'expertInbox.private.unanswered')}</span
        >
      </p>
      <div part="private-details" class="details" id=${privateIds.details(id)} ?hidden=${!open}>
        ${open ? renderDetails(view, question) : nothing}
      </div>
    </li>
  `;
}

function renderDetails(view: PrivateQuestionsView, question: PrivateQuestion) {
  const { localize } = view;
  return html`
    <p part="private-body" class="question-body">${renderUserText(question.body)}</p>
    ${
      question.messages.length > 0
        ? html`<ol class="private-answers">
            ${question.messages.map(
              (message) =>
                html`<li part="private-answer" class="private-answer" tabindex="-1">
                  <p class="muted">
                    ${localize.t(
                      'expertInbox.private.answerBy',
                      message.advisor.displayName,
                      localize.dateTime(message.createdAt),
                    )}
                  </p>
                  <p class="question-body">${renderUserText(message.body)}</p>
                </li>`,
            )}
          </ol>`
        : nothing
    }
    ${question.answered ? nothing : renderAnswerForm(view, question.id)}
  `;
}

function renderAnswerForm(view: PrivateQuestionsView, questionId: string) {
  const { localize, inbox, onInput, onSubmit } = view;
  const form = inbox.form(questionId);
  const fieldId = privateIds.answer(questionId);
  const errorId = `${fieldId}-error`;
  const describedBy = [form.errors.body && errorId, `${fieldId}-hint`, `${fieldId}-counter`].filter(Boolean).join(' ');
  return html`
    <form
      part="private-form"
      novalidate
      aria-label=${localize.t('expertInbox.private.form.heading')}
      @submit=${(event: SubmitEvent) => onSubmit(event, questionId)}
    >
      ${renderErrorSummary({
        entries: orderedErrors(form.errors, ['body']),
        heading: localize.t('expertInbox.form.errorSummary'),
        headingId: `${fieldId}-summary`,
        targetOf: (field) => (field === 'body' ? fieldId : undefined),
      })}
      <div class="field">
        <label for=${fieldId}>${localize.t('expertInbox.form.body')}</label>
        <span id="${fieldId}-hint" class="hint">${localize.t('expertInbox.private.form.hint')}</span>
        ${form.errors.body ? html`<span id=${errorId} class="field-error">${form.errors.body}</span>` : nothing}
        <textarea
          id=${fieldId}
          name="body"
          rows="8"
          required
          aria-invalid=${form.errors.body ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${form.body}
          @input=${(event: InputEvent) => onInput(questionId, (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${renderCharacterCounter(localize, `${fieldId}-counter`, form.body.length, limits.answerBody)}
      </div>
      ${
        form.failure
          ? html`<div class="alert" role="alert">
              <p>${messageOf(form.failure, localize.t('expertInbox.private.notSent'))}</p>
              <p>${localize.t('expertInbox.form.kept')}</p>
            </div>`
          : nothing
      }
      <button part="private-submit" class="button" type="submit" aria-disabled=${form.sending ? 'true' : 'false'}>
        ${localize.t(form.sending ? 'expertInbox.private.submitting' : 'expertInbox.private.submit')}
      </button>
    </form>
  `;
}
