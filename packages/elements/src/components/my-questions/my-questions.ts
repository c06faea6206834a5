import { TaskStatus } from '@lit/task';
import type { MyQuestion } from '@plein/client';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { InPlaceThreadController, threadExportparts } from '../../controllers/in-place-thread-controller.ts';
import { MyQuestionsController } from '../../controllers/my-questions-controller.ts';
import { common } from '../../localize/nl/common.ts';
import { myQuestions } from '../../localize/nl/my-questions.ts';
import { questionListStyles } from '../../styles/question-list.styles.ts';
import { myQuestionsStyles } from './my-questions.styles.ts';

/**
 * @summary "Mijn vragen": the questions asked on this device, with their status; a question that waits for a
 * moderator says "Wacht op controle", one a moderator hid or rejected says so, with the moderator's reason. Nothing identifies the citizen: the device keeps the owner tokens it got when
 * posting, and only those are sent. Opening a question shows its thread in place, or follows `question-href`.
 *
 * @fires plein-question-open - A question is opened. Cancelable: call `preventDefault()` to route yourself.
 *
 * @csspart heading - The heading "Mijn vragen".
 * @csspart intro - The line that says these are the questions of this device.
 * @csspart list - The list of questions.
 * @csspart item - One question.
 * @csspart title - A question's title link.
 * @csspart meta - A question's topic, time and answer count.
 * @csspart badge - The status, "Wacht op controle", "Verborgen door een moderator" or "Afgewezen door een moderator".
 * @csspart held-note - Why a held question is not visible to others yet.
 * @csspart moderation-note - Why a hidden or rejected question is not visible to others, with the moderator's reason.
 * @csspart empty - The text shown when this device asked nothing yet.
 * @csspart back - The "back to my questions" button above an opened thread.
 * @csspart question-title - The title of an opened thread (exported from `<plein-question>`).
 * @csspart answer - An answer in an opened thread (exported from `<plein-question>`).
 * @csspart expert-answer - Also on an expert's answer in an opened thread.
 * @csspart answer-body - An answer's text in an opened thread.
 * @csspart form - The answer form of an opened thread.
 * @csspart submit - The answer form's submit button in an opened thread.
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of the intro and meta.
 * @cssproperty --plein-link-color - Colour of question titles.
 * @cssproperty --plein-border-color - Lines between questions.
 * @cssproperty --plein-success-color - The "resolved" mark.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-surface-color - Background of notes and messages.
 * @cssproperty --plein-button-background-color - Background of the main buttons; text and border of the others.
 * @cssproperty --plein-button-color - Text on the main buttons.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-error-color - Colour of errors and of fields that need fixing.
 * @cssproperty --plein-expert-color - Colour of the expert badge.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons and badges.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinMyQuestions extends PleinElement {
  static override styles = [...PleinElement.styles, questionListStyles, myQuestionsStyles];

  static override strings = { ...common, ...myQuestions };

  /** A link pattern for a question page, such as `/vraag/{id}`. Without it the thread opens in place. */
  @property({ attribute: 'question-href' }) questionHref?: string;

  /** The heading level of "Mijn vragen" (2 to 6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private readonly list = new MyQuestionsController(this, () => this.client);

  private readonly thread = new InPlaceThreadController(this, () => this.questionHref);

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    if (this.thread.openId) {
      return this.thread.render({
        back: this.t('myQuestions.back'),
        headingLevel: this.level,
        exportparts: threadExportparts,
      });
    }
    return html`
      <section class="root" aria-labelledby="heading">
        <div role="heading" aria-level=${this.level} id="heading" part="heading" class="heading" tabindex="-1">
          ${this.t('myQuestions.heading')}
        </div>
        <p part="intro" class="muted">${this.t('myQuestions.intro')}</p>
        ${this.renderBody()}
      </section>
    `;
  }

  private renderBody() {
    const { status, items } = this.list;
    if (status === TaskStatus.ERROR) return this.renderError(this.list.error);
    if (status !== TaskStatus.COMPLETE) {
      return html`<p class="loading" aria-busy="true">${this.t('myQuestions.loading')}</p>`;
    }
    if (items.length === 0) return html`<p part="empty" class="empty">${this.t('myQuestions.empty')}</p>`;
    return html`<ol part="list" class="list">
      ${items.map((question) => this.renderItem(question))}
    </ol>`;
  }

  private renderItem(question: MyQuestion) {
    const held = question.publication === 'HELD';
    const moderated = question.publication === 'HIDDEN' || question.publication === 'REJECTED';
    const noteId = held ? `held-${question.id}` : moderated ? `moderation-${question.id}` : undefined;
    return html`
      <li
        part="item"
        class="item ${held ? 'held' : ''} ${moderated ? 'moderated' : ''}"
        ?data-held=${held}
        data-publication=${question.publication}
      >
        <a
          part="title"
          class="title"
          href=${this.thread.hrefFor(question.id)}
          data-question-id=${question.id}
          aria-describedby=${noteId ?? nothing}
          @click=${(event: MouseEvent) => this.thread.onOpen(event, question)}
          >${question.title}</a
        >
        <p part="meta" class="meta">
          <span>${question.topic.name}</span>
          <time datetime=${question.createdAt} title=${this.localize.dateTime(question.createdAt)}
            >${this.localize.relativeTime(question.createdAt)}</time
          >
          <span>${this.t('common.answers', question.answerCount)}</span>
        </p>
        <p class="badges">${this.renderBadge(question)}</p>
        ${held ? html`<p part="held-note" id="held-${question.id}" class="held-note">${this.t('myQuestions.heldNote')}</p>` : nothing}
        ${moderated ? this.renderModerationNote(question) : nothing}
      </li>
    `;
  }

  private renderBadge(question: MyQuestion) {
    switch (question.publication) {
      case 'HELD':
        return html`<span part="badge" class="badge held">${this.t('myQuestions.held')}</span>`;
      case 'HIDDEN':
        return html`<span part="badge" class="badge moderated">${this.t('myQuestions.hidden')}</span>`;
      case 'REJECTED':
        return html`<span part="badge" class="badge moderated">${this.t('myQuestions.rejected')}</span>`;
      default:
        return html`<span part="badge" class="badge ${question.status === 'RESOLVED' ? 'resolved' : ''}"
          >${this.t(`common.status.${question.status}`)}</span
        >`;
    }
  }

  /** What a moderator decided, in the words only the asker gets (the server sends the reason with the owner token). */
  private renderModerationNote(question: MyQuestion) {
    const reason = question.moderationReason?.trim();
    const rejected = question.publication === 'REJECTED';
    return html`<div part="moderation-note" id="moderation-${question.id}" class="moderation-note">
      ${
        rejected
          ? html`<p>${reason ? this.t('myQuestions.rejectedWithReason', reason) : this.t('myQuestions.rejected')}</p>
              <p>${this.t('myQuestions.rejectedNote')}</p>`
          : html`${reason ? html`<p>${this.t('myQuestions.reason', reason)}</p>` : nothing}
              <p>${this.t('myQuestions.hiddenNote')}</p>`
      }
    </div>`;
  }

  private renderError(error: unknown) {
    return html`
      <div class="alert" role="alert">
        <p>${messageOf(error, this.t('myQuestions.failed'))}</p>
        ${
          canRetry(error)
            ? html`<button class="button secondary" type="button" @click=${() => this.list.retry()}>
                ${this.t('common.retry')}
              </button>`
            : nothing
        }
      </div>
    `;
  }
}
