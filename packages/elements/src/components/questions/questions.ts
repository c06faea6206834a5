import { Task, TaskStatus } from '@lit/task';
import type { PleinClient, QuestionSummary } from '@plein/client';
import type { QuestionOrder, QuestionStatus } from '@plein/schema';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { InPlaceThreadController, threadExportparts } from '../../controllers/in-place-thread-controller.ts';
import { QuestionsController } from '../../controllers/questions-controller.ts';
import { questionListStyles } from '../../styles/question-list.styles.ts';
import { questionsStyles } from './questions.styles.ts';
import { common } from '../../localize/nl/common.ts';
import { questions } from '../../localize/nl/questions.ts';

const SEARCH_DELAY_MS = 300;
const statuses: QuestionStatus[] = ['OPEN', 'ANSWERED', 'RESOLVED'];
const orders: QuestionOrder[] = ['NEWEST', 'OLDEST', 'ACTIVE'];

/**
 * @summary The community's questions: search, filter by topic and status, sort, and load more. Opening a question
 * shows its thread in place, or follows `question-href`.
 *
 * @fires plein-question-open - A question is opened. Cancelable: call `preventDefault()` to route yourself.
 *
 * @csspart filters - The search and filter bar.
 * @csspart search - The search field.
 * @csspart count - The line that says how many questions match.
 * @csspart list - The list of questions.
 * @csspart item - One question in the list.
 * @csspart title - A question's title link.
 * @csspart meta - A question's topic, author, time and answer count.
 * @csspart badge - The "expert answer" and "resolved" marks.
 * @csspart more - The "load more" button.
 * @csspart back - The "back to all questions" button above an opened thread.
 * @csspart question-title - The title of an opened thread (exported from `<plein-question>`, as are `answer`,
 *   `expert-answer`, `answer-body`, `form` and `submit`).
 * @csspart answer - An answer in an opened thread (exported from `<plein-question>`).
 * @csspart expert-answer - Also on an expert's answer in an opened thread.
 * @csspart answer-body - An answer's text in an opened thread.
 * @csspart form - The answer form of an opened thread.
 * @csspart submit - The answer form's submit button in an opened thread.
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-link-color - Colour of question titles.
 * @cssproperty --plein-button-background-color - Background of buttons.
 * @cssproperty --plein-border-color - Borders of fields and between questions.
 * @cssproperty --plein-expert-color - Colour of the expert mark.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-muted-color - Colour of hints, dates and counters.
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-surface-color - Background of notes and messages.
 * @cssproperty --plein-button-color - Text on the main buttons.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-error-color - Colour of errors and of fields that need fixing.
 * @cssproperty --plein-success-color - Colour of messages that something worked, and of the "Opgelost" mark.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons and badges.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinQuestions extends PleinElement {
  static override styles = [...PleinElement.styles, questionListStyles, questionsStyles];

  static override strings = { ...common, ...questions };

  /** Show only this topic (its slug) at first. The citizen can change it unless `hide-filters` is set. */
  @property({ reflect: true }) topic = '';

  /** Show only questions with this status at first: OPEN, ANSWERED or RESOLVED. */
  @property({ reflect: true }) status: QuestionStatus | '' = '';

  /** The order: NEWEST (default), OLDEST or ACTIVE. */
  @property({ attribute: 'order-by', reflect: true }) orderBy: QuestionOrder = 'NEWEST';

  /** A link pattern for a question page, such as `/vraag/{id}`. Without it the thread opens in place. */
  @property({ attribute: 'question-href' }) questionHref?: string;

  /** Questions per page, 1 to 50. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Hides the search and filters, for a fixed list such as "latest questions about WW". */
  @property({ type: Boolean, attribute: 'hide-filters' }) hideFilters = false;

  /** The heading level of the list's heading (2 to 6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private searchText = '';
  @state() private appliedSearch = '';

  private searchTimer?: ReturnType<typeof setTimeout>;

  private readonly thread = new InPlaceThreadController(this, () => this.questionHref, true);

  private readonly overview = new Task(this, {
    args: () => [this.client] as [PleinClient | undefined],
    task: ([client], { signal }) => (client ? client.communityOverview({ signal }) : Promise.resolve(undefined)),
  });

  private readonly list = new QuestionsController(this, () => ({
    client: this.client,
    query: {
      topic: this.topic || undefined,
      status: this.status || undefined,
      orderBy: this.orderBy,
      search: this.appliedSearch || undefined,
      first: Math.min(Math.max(Math.trunc(this.pageSize) || 20, 1), 50),
    },
  }));

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    if (this.thread.openId) {
      return this.thread.render({
        back: this.t('questions.back'),
        headingLevel: this.headingLevel,
        exportparts: threadExportparts,
      });
    }
    return html`
      <section class="root" aria-labelledby="heading">
        ${this.renderHeading()} ${this.hideFilters ? nothing : this.renderFilters()} ${this.renderCount()}
        ${this.renderBody()}
      </section>
    `;
  }

  private renderHeading() {
    const level = Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
    // Focusable from script only: it takes focus when the question to return to is gone.
    return html`<div role="heading" aria-level=${level} id="heading" class="heading" tabindex="-1">
      ${this.t('questions.heading')}
    </div>`;
  }

  private renderFilters() {
    const topics = this.overview.value?.topics ?? [];
    return html`
      <form part="filters" class="filters" role="search" @submit=${this.onSearchSubmit}>
        <div class="field search">
          <label for="search">${this.t('questions.search.label')}</label>
          <input
            id="search"
            part="search"
            type="search"
            name="search"
            autocomplete="off"
            aria-describedby="search-hint"
            .value=${this.searchText}
            @input=${this.onSearchInput}
          />
          <span id="search-hint" class="hint">${this.t('questions.search.hint')}</span>
        </div>
        <div class="field">
          <label for="topic">${this.t('questions.topic.label')}</label>
          <select id="topic" name="topic" @change=${this.onTopicChange}>
            <option value="" ?selected=${!this.topic}>${this.t('questions.topic.all')}</option>
            ${topics.map(
              (topic) =>
                html`<option value=${topic.slug} ?selected=${topic.slug === this.topic}>
                  ${topic.name} (${topic.questionCount})
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="status">${this.t('questions.status.label')}</label>
          <select id="status" name="status" @change=${this.onStatusChange}>
            <option value="" ?selected=${!this.status}>${this.t('questions.status.all')}</option>
            ${statuses.map(
              (status) =>
                html`<option value=${status} ?selected=${status === this.status}>
                  ${this.t(`questions.status.${status}`)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="order">${this.t('questions.order.label')}</label>
          <select id="order" name="order" @change=${this.onOrderChange}>
            ${orders.map(
              (order) =>
                html`<option value=${order} ?selected=${order === this.orderBy}>
                  ${this.t(`questions.order.${order}`)}
                </option>`,
            )}
          </select>
        </div>
      </form>
    `;
  }

  /** Announced politely, so a screen reader hears how many questions match after each change. */
  private renderCount() {
    const ready = this.list.status === TaskStatus.COMPLETE;
    const text = !ready
      ? ''
      : this.appliedSearch
        ? this.t('questions.countSearch', this.list.totalCount, this.appliedSearch)
        : this.t('questions.count', this.list.totalCount);
    return html`<p part="count" class="count" role="status">${text}</p>`;
  }

  private renderBody() {
    const { status, items } = this.list;
    if (status === TaskStatus.ERROR) return this.renderError(this.list.error);
    if ((status === TaskStatus.PENDING || status === TaskStatus.INITIAL) && items.length === 0) {
      return html`<p class="loading" aria-busy="true">${this.t('questions.loading')}</p>`;
    }
    if (status === TaskStatus.COMPLETE && items.length === 0) {
      return html`<p class="empty">
        ${this.appliedSearch ? this.t('questions.emptySearch', this.appliedSearch) : this.t('questions.empty')}
      </p>`;
    }
    return html`
      <ol part="list" class="list" aria-busy=${status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${items.map((question) => this.renderItem(question))}
      </ol>
      ${this.renderMore()}
    `;
  }

  private renderItem(question: QuestionSummary) {
    return html`
      <li part="item" class="item">
        <a
          part="title"
          class="title"
          href=${this.thread.hrefFor(question.id)}
          data-question-id=${question.id}
          @click=${(event: MouseEvent) => this.thread.onOpen(event, question)}
          ><bdi>${question.title}</bdi></a
        >
        <p part="meta" class="meta">
          <span>${question.topic.name}</span>
          <span>${this.t('common.askedBy', question.author.displayName)}</span>
          <time datetime=${question.createdAt} title=${this.localize.dateTime(question.createdAt)}
            >${this.localize.relativeTime(question.createdAt)}</time
          >
          <span>${this.t('common.answers', question.answerCount)}</span>
        </p>
        ${
          question.hasExpertAnswer || question.status === 'RESOLVED'
            ? html`<p class="badges">
                ${
                  question.hasExpertAnswer
                    ? html`<span part="badge" class="badge expert">${this.t('questions.expertAnswered')}</span>`
                    : nothing
                }
                ${
                  question.status === 'RESOLVED'
                    ? html`<span part="badge" class="badge resolved">${this.t('questions.resolved')}</span>`
                    : nothing
                }
              </p>`
            : nothing
        }
      </li>
    `;
  }

  private renderMore() {
    const shown = html`<p class="shown muted">
      ${this.t('questions.shown', this.list.items.length, this.list.totalCount)}
    </p>`;
    if (this.list.moreFailed) return html`${shown}${this.renderError(this.list.error)}`;
    if (!this.list.hasNextPage) return shown;
    const busy = this.list.loadingMore;
    return html`
      ${shown}
      <button
        part="more"
        class="button secondary more"
        type="button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${this.onMore}
      >
        ${busy ? this.t('questions.moreLoading') : this.t('questions.more')}
      </button>
    `;
  }

  private renderError(error: unknown) {
    const message = messageOf(error, this.t('common.failed'));
    const retryable = canRetry(error);
    return html`
      <div class="alert" role="alert">
        <p>${message}</p>
        ${
          retryable
            ? html`<button class="button secondary" type="button" @click=${this.onRetry}>
                ${this.t('common.retry')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  /**
   * The next page is appended and its first question takes focus, so the reader goes on where the list grew; the
   * button may be gone then (the last page, or a failure whose retry button takes focus instead).
   */
  private onMore = async (): Promise<void> => {
    if (this.list.loadingMore) return;
    const shown = this.list.items.length;
    await this.list.loadMore();
    await this.updateComplete;
    const first = this.list.items[shown];
    if (first) this.focusFirst(`[data-question-id="${CSS.escape(first.id)}"]`);
    else this.focusFirst('[part="more"]', '.alert button', '#heading');
  };

  /** The retry button goes away either way: focus goes to the first question, or to the next retry button. */
  private onRetry = async (): Promise<void> => {
    if (this.list.moreFailed) return this.onMore();
    await this.list.retry();
    await this.updateComplete;
    this.focusFirst('[part="title"]', '.alert button', '#heading');
  };

  private focusFirst(...selectors: string[]): void {
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  }

  private onSearchInput(event: InputEvent): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.appliedSearch = this.searchText.trim()), SEARCH_DELAY_MS);
  }

  private onSearchSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    const input = (event.target as HTMLFormElement).elements.namedItem('search') as HTMLInputElement;
    this.searchText = input.value;
    this.appliedSearch = input.value.trim();
  }

  private onTopicChange(event: Event): void {
    this.topic = (event.target as HTMLSelectElement).value;
  }

  private onStatusChange(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value as QuestionStatus | '';
  }

  private onOrderChange(event: Event): void {
    this.orderBy = (event.target as HTMLSelectElement).value as QuestionOrder;
  }
}
