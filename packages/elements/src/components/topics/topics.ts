import { TaskStatus } from '@lit/task';
import type { Situation } from '@plein/client';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { TopicsController } from '../../controllers/topics-controller.ts';
import { PleinTopicOpenEvent } from '../../events/topic-open.ts';
import { topicsStyles } from './topics.styles.ts';
import { common } from '../../localize/nl/common.ts';
import { topics } from '../../localize/nl/topics.ts';

/** What this element needs of a `<plein-questions>` next to it, without loading that element's code. */
type QuestionList = HTMLElement & { topic: string };

/**
 * @summary Situations in a citizen's own words ("Ik ben ziek en mijn baan is in gevaar"), each leading to the
 * questions of its topic, with how many there are.
 *
 * @fires plein-topic-open - A situation was chosen. Carries `topic` (the topic's slug), `situation` (its slug) and
 * `title`. Cancelable: call `preventDefault()` to route yourself. Otherwise `topic-href` is followed, or the
 * `<plein-questions>` inside the same `<plein-community>` switch to that topic.
 *
 * @csspart heading - The heading ("Wat is uw situatie?").
 * @csspart intro - The line under it.
 * @csspart list - The list of situations.
 * @csspart item - One situation.
 * @csspart link - A situation's link (with `topic-href`) or button.
 * @csspart description - A situation's short explanation.
 * @csspart meta - A situation's topic and number of questions.
 * @csspart count - The number of questions ("12 vragen").
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of the explanation and the counts.
 * @cssproperty --plein-surface-color - Background of a situation.
 * @cssproperty --plein-border-color - Border of a situation.
 * @cssproperty --plein-border-radius - Rounding of a situation.
 * @cssproperty --plein-link-color - Colour of the situations' titles.
 * @cssproperty --plein-button-background-color - The line beside the chosen situation.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-button-color - Text on the main buttons.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-error-color - Colour of errors and of fields that need fixing.
 * @cssproperty --plein-success-color - Colour of messages that something worked, and of the "Opgelost" mark.
 * @cssproperty --plein-expert-color - Colour of the expert badge.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinTopics extends PleinElement {
  static override styles = [...PleinElement.styles, topicsStyles];

  static override strings = { ...common, ...topics };

  /**
   * A link pattern for a topic's page, such as `/onderwerp/{topic}` (`{situation}` is the situation's slug). With it
   * each situation is a real link; without it a button that fires `plein-topic-open`.
   */
  @property({ attribute: 'topic-href' }) topicHref?: string;

  /** The heading level of the element's heading (2 to 6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The situation whose topic the questions next to this element show, after a choice here. */
  @state() private chosen?: string;
  @state() private announcement = '';

  private readonly situations = new TopicsController(this, () => this.client);

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    return html`
      <section class="root" aria-labelledby="heading">
        <div id="heading" part="heading" class="heading" role="heading" aria-level=${this.level}>
          ${this.t('topics.heading')}
        </div>
        <p part="intro" class="intro">${this.t('topics.intro')}</p>
        ${this.renderBody()}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  private renderBody() {
    const { status, situations } = this.situations;
    if (status === TaskStatus.ERROR) return this.renderError(this.situations.error);
    if (status !== TaskStatus.COMPLETE) {
      return html`<p class="loading" aria-busy="true">${this.t('topics.loading')}</p>`;
    }
    if (situations.length === 0) return html`<p class="empty">${this.t('topics.empty')}</p>`;
    return html`<ul part="list" class="list">
      ${situations.map((situation) => this.renderSituation(situation))}
    </ul>`;
  }

  private renderSituation(situation: Situation) {
    const onClick = (event: MouseEvent) => this.onOpen(event, situation);
    const title = html`<span class="title">${situation.title}</span>`;
    const chosen = this.chosen === situation.slug;
    const describedBy = `situation-${situation.slug}-meta`;
    return html`
      <li part="item" class="item ${chosen ? 'chosen' : ''}">
        ${
          this.topicHref
            ? html`<a
                part="link"
                class="link"
                href=${this.hrefFor(situation)}
                aria-describedby=${describedBy}
                @click=${onClick}
                >${title}</a
              >`
            : html`<button
                part="link"
                class="link"
                type="button"
                aria-pressed=${chosen ? 'true' : 'false'}
                aria-describedby=${describedBy}
                @click=${onClick}
              >
                ${title}
              </button>`
        }
        ${
          situation.description ? html`<p part="description" class="description">${situation.description}</p>` : nothing
        }
        <p id=${describedBy} part="meta" class="meta">
          <span part="count" class="count">${this.t('topics.count', situation.topic.questionCount)}</span>
          <span>${this.t('topics.topic', situation.topic.name)}</span>
        </p>
      </li>
    `;
  }

  private renderError(error: unknown) {
    return html`
      <div class="alert" role="alert">
        <p>${this.t('topics.failed')} ${messageOf(error, this.t('common.failed'))}</p>
        ${
          canRetry(error)
            ? html`<button class="button secondary" type="button" @click=${() => this.situations.retry()}>
                ${this.t('common.retry')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private hrefFor(situation: Situation): string {
    return this.topicHref!.replaceAll('{topic}', encodeURIComponent(situation.topic.slug)).replaceAll(
      '{situation}',
      encodeURIComponent(situation.slug),
    );
  }

  private onOpen(event: MouseEvent, situation: Situation): void {
    // Ctrl- or middle-click on a real link opens a new tab, as on any website.
    const newTab = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey;
    if (newTab && this.topicHref) return;
    const open = new PleinTopicOpenEvent(situation.topic.slug, situation.slug, situation.title);
    this.dispatchEvent(open);
    if (open.defaultPrevented) {
      event.preventDefault();
      return;
    }
    if (this.topicHref) return;
    this.showInQuestionLists(situation);
  }

  /**
   * Without a link, the `<plein-questions>` in the same `<plein-community>` follow the choice; choosing the same
   * situation again shows all questions. Focus stays here; a status line says what changed.
   */
  private showInQuestionLists(situation: Situation): void {
    const lists = [...(this.closest('plein-community')?.querySelectorAll<QuestionList>('plein-questions') ?? [])];
    if (lists.length === 0) return;
    const again = this.chosen === situation.slug;
    this.chosen = again ? undefined : situation.slug;
    for (const list of lists) list.topic = again ? '' : situation.topic.slug;
    this.announcement = again ? this.t('topics.showingAll') : this.t('topics.showing', situation.topic.name);
  }
}
