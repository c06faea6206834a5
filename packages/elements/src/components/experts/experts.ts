import { Task, TaskStatus } from '@lit/task';
import type { ExpertProfile, PleinClient } from '@plein/client';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { ExpertsController } from '../../controllers/experts-controller.ts';
import { common } from '../../localize/nl/common.ts';
import { expertCard } from '../../localize/nl/expert.ts';
import { experts } from '../../localize/nl/experts.ts';
import {
  expertCardStyles,
  expertLines,
  renderAvatar,
  renderTopics,
  renderVerified,
  responseTimeText,
} from '../expert/expert-card.ts';
import { expertHrefFor, routeExpertOpen } from '../expert/expert-link.ts';
import { expertsStyles } from './experts.styles.ts';

/** What the directory exports of a profile opened in place, so a host page can style it as it styles the list. */
const profileExportparts =
  'profile, name: profile-name, photo: profile-photo, initials: profile-initials, verified-badge: profile-verified-badge, independence: profile-independence';

/**
 * @summary The community's experts, optionally for one topic: each with photo or initials, name, role, whether they
 * are independent of UWV and the municipality, the verified badge, topics, and how much and how fast they answer.
 * Opening an expert shows the profile in place (with a way back), or follows `expert-href`.
 *
 * @fires plein-expert-open - An expert is opened. Cancelable: call `preventDefault()` to route yourself.
 *
 * @csspart heading - The heading "Experts".
 * @csspart intro - The line under the heading.
 * @csspart filters - The topic filter.
 * @csspart topic-select - The topic's select field.
 * @csspart count - The line that says how many experts there are (a polite live region).
 * @csspart list - The list of experts.
 * @csspart item - One expert.
 * @csspart photo - An expert's photo.
 * @csspart initials - An expert's initials in a circle, without a photo (hidden from screen readers).
 * @csspart name - An expert's name: the link to the profile.
 * @csspart role - Job title and organisation.
 * @csspart independence - "Onafhankelijk: werkt niet voor UWV of de gemeente", "Werkt voor UWV", and so on.
 * @csspart verified - The line with the badge and its date.
 * @csspart verified-badge - "Geverifieerde expert".
 * @csspart verified-until - "Gecontroleerd tot 1 maart 2027".
 * @csspart topics - An expert's topics with their label.
 * @csspart topic - One topic.
 * @csspart stats - Number of answers and the usual time to a first answer.
 * @csspart shown - "5 van 30 experts getoond".
 * @csspart more - The "Meer experts laden" button.
 * @csspart empty - The text shown when there are no experts (for this topic).
 * @csspart back - The "Terug naar alle experts" button above a profile opened in place.
 * @csspart profile - A profile opened in place (exported from `<plein-expert>`, as are `name` as `profile-name`,
 *   `photo` as `profile-photo`, `initials` as `profile-initials`, `verified-badge` as `profile-verified-badge` and
 *   `independence` as `profile-independence`).
 * @csspart profile-name - The name in a profile opened in place (`name` of `<plein-expert>`).
 * @csspart profile-photo - The photo in a profile opened in place.
 * @csspart profile-initials - The initials in a profile opened in place, when there is no photo.
 * @csspart profile-verified-badge - The verified badge in a profile opened in place.
 * @csspart profile-independence - The line about independence in a profile opened in place.
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of the intro, the stats and the verification date.
 * @cssproperty --plein-link-color - Colour of the names.
 * @cssproperty --plein-surface-color - Background of topics and alerts.
 * @cssproperty --plein-border-color - Lines between experts and the field's border.
 * @cssproperty --plein-button-background-color - Background of buttons.
 * @cssproperty --plein-button-color - Text colour of buttons and of the initials.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-expert-color - The verified badge and the circle behind the initials.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons and marks.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-error-color - Colour of errors and of fields that need fixing.
 * @cssproperty --plein-success-color - Colour of messages that something worked, and of the "Opgelost" mark.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinExperts extends PleinElement {
  static override styles = [...PleinElement.styles, expertCardStyles, expertsStyles];

  static override strings = { ...common, ...expertCard, ...experts };

  /** Show only experts for this topic (its slug). The citizen can change it unless `hide-filters` is set. */
  @property({ reflect: true }) topic = '';

  /** A link pattern for a profile page, such as `/expert/{id}`. Without it the profile opens in place. */
  @property({ attribute: 'expert-href' }) expertHref?: string;

  /** Experts per page, 1 to 50. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Hides the topic filter, for a fixed list such as "our experts on WW". */
  @property({ type: Boolean, attribute: 'hide-filters' }) hideFilters = false;

  /** The heading level of "Experts" (2 to 6), to fit the host page's outline; each expert's name goes one lower. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The expert whose profile is shown in place, if any. */
  @state() private openId?: string;

  /** Photo addresses that failed to load: those experts show their initials. */
  @state() private failedPhotos: ReadonlySet<string> = new Set();

  private returnFocusTo?: string;
  private focusPending = false;

  private readonly overview = new Task(this, {
    args: () => [this.client] as [PleinClient | undefined],
    task: ([client], { signal }) => (client ? client.communityOverview({ signal }) : Promise.resolve(undefined)),
  });

  private readonly list = new ExpertsController(this, () => ({
    client: this.client,
    query: { topic: this.topic || null, first: Math.min(Math.max(Math.trunc(this.pageSize) || 20, 1), 50) },
  }));

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    if (this.openId) return this.renderOpenProfile(this.openId);
    return html`
      <section class="root" aria-labelledby="heading">
        <div role="heading" aria-level=${this.level} id="heading" part="heading" class="heading" tabindex="-1">
          ${this.t('experts.heading')}
        </div>
        <p part="intro" class="muted">${this.t('experts.intro')}</p>
        ${this.hideFilters ? nothing : this.renderFilters()} ${this.renderCount()} ${this.renderBody()}
      </section>
    `;
  }

  protected override updated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    if (this.openId) {
      this.renderRoot.querySelector<HTMLElement>('[part="back"]')?.focus();
    } else if (this.returnFocusTo) {
      const link = this.renderRoot.querySelector<HTMLElement>(`[data-expert-id="${CSS.escape(this.returnFocusTo)}"]`);
      // The list may have changed meanwhile: then the heading takes focus.
      (link ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
      this.returnFocusTo = undefined;
    }
  }

  private renderOpenProfile(expertId: string) {
    return html`
      <div class="root">
        <button id="back" part="back" class="link-button back" type="button" @click=${this.onBack}>
          <span class="back-arrow">←</span> ${this.t('experts.back')}
        </button>
        <plein-expert
          expert-id=${expertId}
          .endpoint=${this.endpoint}
          .community=${this.community}
          lang=${this.localize.locale}
          heading-level=${this.level}
          exportparts=${profileExportparts}
        ></plein-expert>
      </div>
    `;
  }

  private renderFilters() {
    const topics = this.overview.value?.topics ?? [];
    const known = !this.topic || topics.some((topic) => topic.slug === this.topic);
    return html`
      <div part="filters" class="filters">
        <div class="field">
          <label for="topic">${this.t('experts.topic.label')}</label>
          <select id="topic" part="topic-select" name="topic" @change=${this.onTopicChange}>
            <option value="" ?selected=${!this.topic}>${this.t('experts.topic.all')}</option>
            ${topics.map(
              (topic) =>
                html`<option value=${topic.slug} ?selected=${topic.slug === this.topic}>${topic.name}</option>`,
            )}
            ${known ? nothing : html`<option value=${this.topic} selected>${this.topic}</option>`}
          </select>
        </div>
      </div>
    `;
  }

  /** Announced politely, so a screen reader hears how many experts there are after each change of topic. */
  private renderCount() {
    const ready = this.list.status === TaskStatus.COMPLETE;
    const topicName = this.overview.value?.topics.find((topic) => topic.slug === this.topic)?.name;
    const text = !ready
      ? ''
      : topicName
        ? this.t('experts.countTopic', this.list.totalCount, topicName)
        : this.t('experts.count', this.list.totalCount);
    return html`<p part="count" class="count" role="status">${text}</p>`;
  }

  private renderBody() {
    const { status, items } = this.list;
    if (status === TaskStatus.ERROR) return this.renderError(this.list.error);
    if (status !== TaskStatus.COMPLETE && items.length === 0) {
      return html`<p class="loading" aria-busy="true">${this.t('experts.loading')}</p>`;
    }
    if (status === TaskStatus.COMPLETE && items.length === 0) {
      return html`<p part="empty" class="empty">
        ${this.topic ? this.t('experts.emptyTopic') : this.t('experts.empty')}
      </p>`;
    }
    return html`
      <ul part="list" class="list" aria-busy=${status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${items.map((expert) => this.renderItem(expert))}
      </ul>
      ${this.renderMore()}
    `;
  }

  private renderItem(expert: ExpertProfile) {
    const { role, independence } = expertLines(this.localize, expert);
    const responseTime = responseTimeText(this.localize, expert.medianMinutesToFirstAnswer);
    const photoFailed = Boolean(expert.photoUrl) && this.failedPhotos.has(expert.photoUrl!);
    return html`
      <li part="item" class="item">
        ${renderAvatar(expert, {
          failed: photoFailed,
          onError: () => (this.failedPhotos = new Set([...this.failedPhotos, expert.photoUrl ?? ''])),
        })}
        <div class="card">
          <div role="heading" aria-level=${Math.min(this.level + 1, 6)} class="card-heading">
            <a
              part="name"
              class="name"
              href=${expertHrefFor(this.expertHref, expert.id) ?? `#expert-${encodeURIComponent(expert.id)}`}
              data-expert-id=${expert.id}
              @click=${(event: MouseEvent) => this.onOpen(event, expert)}
              >${expert.displayName}</a
            >
          </div>
          ${role ? html`<p part="role" class="role">${role}</p>` : nothing}
          ${independence ? html`<p part="independence" class="independence">${independence}</p>` : nothing}
          ${renderVerified(this.localize, expert, expert.id)}
          ${renderTopics(this.localize, expert.topics, `topics-${expert.id}`)}
          <p part="stats" class="stats">
            <span>${this.t('expert.answerCount', expert.answerCount)}</span>
            ${responseTime ? html`<span>${responseTime}</span>` : nothing}
          </p>
        </div>
      </li>
    `;
  }

  private renderMore() {
    const shown = html`<p part="shown" class="shown muted">
      ${this.t('experts.shown', this.list.items.length, this.list.totalCount)}
    </p>`;
    const failed = this.list.moreFailed ? this.renderError(this.list.error) : nothing;
    if (!this.list.hasNextPage) return html`${shown}${failed}`;
    const busy = this.list.loadingMore;
    return html`
      ${shown}${failed}
      <button
        part="more"
        class="button secondary more"
        type="button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${this.onMore}
      >
        ${busy ? this.t('experts.moreLoading') : this.t('experts.more')}
      </button>
    `;
  }

  private renderError(error: unknown) {
    return html`
      <div class="alert" role="alert">
        <p>${messageOf(error, this.t('experts.failed'))}</p>
        ${
          canRetry(error)
            ? html`<button class="button secondary retry" type="button" @click=${this.onRetry}>
                ${this.t('common.retry')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private onTopicChange(event: Event): void {
    this.topic = (event.target as HTMLSelectElement).value;
  }

  private onOpen(event: MouseEvent, expert: ExpertProfile): void {
    if (!routeExpertOpen(this, event, expert, Boolean(this.expertHref))) return;
    void import('../../define/plein-expert.ts').then(() => {
      this.openId = expert.id;
      this.focusPending = true;
    });
  }

  private onBack(): void {
    this.returnFocusTo = this.openId;
    this.openId = undefined;
    this.focusPending = true;
  }

  /** Focus goes to the first expert that was added, so a keyboard user reads on where the list grew. */
  private async onMore(): Promise<void> {
    if (this.list.loadingMore) return;
    const added = await this.list.loadMore();
    await this.updateComplete;
    const first = added[0];
    if (first) {
      this.renderRoot.querySelector<HTMLElement>(`[data-expert-id="${CSS.escape(first.id)}"]`)?.focus();
    }
  }

  private async onRetry(): Promise<void> {
    await this.list.retry();
    await this.updateComplete;
    // The retry button is gone either way: focus the heading, or the next retry button.
    (
      this.renderRoot.querySelector<HTMLElement>('.alert .retry') ??
      this.renderRoot.querySelector<HTMLElement>('#heading')
    )?.focus();
  }
}
