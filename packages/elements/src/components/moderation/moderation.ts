import { TaskStatus } from '@lit/task';
import type { AuditEntry, FlagReason, ModerationItem } from '@plein/client';
import { limits } from '@plein/schema';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { renderUserText } from '../../base/user-text.ts';
import {
  type ActionPanel,
  AuditLogController,
  flagThresholdLimits,
  ModerationQueueController,
  ModerationSettingsController,
  type PanelAction,
  preModerationChoices,
  REASON_MAX,
  removedKindChoices,
  textOf,
} from '../../controllers/moderation-controller.ts';
import { SessionController } from '../../controllers/session-controller.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import {
  personalDataDescribedBy,
  personalDataStyles,
  renderPersonalDataPanel,
} from '../../form/personal-data-panel.ts';
import { common } from '../../localize/nl/common.ts';
import { moderation } from '../../localize/nl/moderation.ts';
import { personalData } from '../../localize/nl/personal-data.ts';
import type { TranslationKey } from '../../localize/translations.ts';
import { choiceStyles } from '../../styles/choice.styles.ts';
import { moderationStyles } from './moderation.styles.ts';

/** The parts of the element, each a tab for whoever may see it. */
export type ModerationView = 'queue' | 'log' | 'settings';
const allViews: readonly ModerationView[] = ['queue', 'log', 'settings'];

/** The actions that open a form, in the order of their buttons after "Goedkeuren". */
const panelActions: readonly PanelAction[] = ['reject', 'redact', 'hide', 'block-device', 'block-pseudonym'];

/** An item's id (`QUESTION:q1`) as a piece of an element id. */
const domId = (item: ModerationItem) => item.id.replace(/[^A-Za-z0-9_-]/g, '-');

/** A pseudonym can be blocked only when there is one: not for "Anoniem". */
const hasPseudonym = (name: string) => name.trim() !== '' && name.trim().toLowerCase() !== 'anoniem';

/**
 * @summary For moderators: the queue of held, hidden and flagged questions and answers, oldest first, each with its
 * text, the question it belongs to, why it is there (the pipeline's findings and the flags, in plain words) and how
 * long it waits. Per item: "Goedkeuren"; "Afwijzen" with a reason the author sees; "Aanpassen" to take out personal
 * data or insults (recording what kind of thing was removed); "Verbergen"; "Blokkeer apparaat" and "Blokkeer
 * schuilnaam" after an inline confirmation (a block also hides the post). Everything works with Tab, Enter and Space; after a decision focus moves to
 * the next item's heading and a polite announcement says what happened. A second tab shows the audit log to staff,
 * moderators and admins (read-only); a third the pipeline's settings to admins.
 *
 * Without a signed-in moderator it says "Log in als moderator om de wachtrij te zien." and, when the page has no
 * `<plein-sign-in>` of its own, shows one.
 *
 * @csspart heading - The heading "Moderatie".
 * @csspart sign-in-first - The line asking to sign in as a moderator.
 * @csspart sign-in-form - The form of the `<plein-sign-in>` shown on a page without one.
 * @csspart tabs - The tab list: "Wachtrij", "Logboek", "Instellingen".
 * @csspart tab - One tab.
 * @csspart panel - The part of the selected tab.
 * @csspart intro - What a part is for.
 * @csspart count - How many items wait.
 * @csspart list - The queue.
 * @csspart item - One item of the queue.
 * @csspart item-heading - An item's heading: "Vraag: …" or "Antwoord op: …".
 * @csspart meta - An item's kind, state, author, topic and waiting time.
 * @csspart text - The text of the question or answer.
 * @csspart context - "Lees de vraag bij dit antwoord": the question of an answer, to open.
 * @csspart findings - Why an item is there: the pipeline's findings and the flags.
 * @csspart notes - The notes that came with the flags.
 * @csspart actions - An item's buttons.
 * @csspart approve - The "Goedkeuren" button.
 * @csspart reject - The "Afwijzen" button.
 * @csspart redact - The "Aanpassen" button.
 * @csspart hide - The "Verbergen" button.
 * @csspart block-device - The "Blokkeer apparaat" button.
 * @csspart block-pseudonym - The "Blokkeer schuilnaam" button.
 * @csspart action-form - The form an action opens under its item.
 * @csspart notice - A message about one item (a failed approval).
 * @csspart more - A "Meer laden" button.
 * @csspart empty - "Er wacht niets. Goed werk!", or an empty log.
 * @csspart log - The audit log.
 * @csspart entry - One entry of the log.
 * @csspart settings-form - The settings form.
 * @csspart announcer - The polite live region that says what happened (visually hidden).
 * @csspart action-submit - The button that confirms an action in its form.
 * @csspart action-cancel - The button that closes an action's form.
 * @csspart settings-submit - The button that saves the settings.
 * @csspart counter - The character counter under a reason or a changed text.
 * @csspart personal-data - Under a changed text ("Aanpassen"): what the personal-data check found.
 * @csspart personal-data-warning - Its box "Let op: dit lijkt persoonlijke informatie", with the list and why.
 * @csspart personal-data-list - The list of what was found.
 * @csspart personal-data-item - One thing found: its kind, the text, and a button.
 * @csspart personal-data-remove - A "Verwijder dit voor mij" button.
 * @csspart personal-data-remove-all - The "Verwijder alles" button.
 * @csspart health-note - The note that medical details are not needed.
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of intros, meta and hints.
 * @cssproperty --plein-surface-color - Background of the findings and of forms.
 * @cssproperty --plein-border-color - Lines between items, around forms and under the tabs.
 * @cssproperty --plein-button-background-color - Background of the main buttons and the selected tab's line.
 * @cssproperty --plein-error-color - Field errors, and the line beside hidden and rejected items.
 * @cssproperty --plein-warning-color - The line beside findings and flags.
 * @cssproperty --plein-success-color - The saved message.
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-danger-button-background-color - Background of the buttons that reject or remove (the error colour by default).
 * @cssproperty --plein-danger-button-color - Text on those buttons.
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-button-color - Text on the main buttons.
 * @cssproperty --plein-link-color - Colour of links and link-like buttons.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-expert-color - Colour of the expert badge.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons and badges.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinModeration extends PleinElement {
  static override styles = [...PleinElement.styles, personalDataStyles, choiceStyles, moderationStyles];

  static override strings = { ...common, ...personalData, ...moderation };

  /** The heading level (2 to 6), to fit the host page's outline; items' headings are one level lower. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Items and log entries per page, 1 to 50 (default 20). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The part that opens first: `queue` (default), `log` or `settings`. A part the viewer may not see is skipped. */
  @property() view: ModerationView = 'queue';

  /** What the polite live region says. */
  @state() private announcement = '';

  /** The tab chosen here; until then `view`. */
  @state() private selected?: ModerationView;

  /** The parts shown at least once: the log and the settings load when first shown, then stay. */
  private readonly visited = new Set<ModerationView>();

  private readonly sessions = new SessionController(this, () => this.client);

  private readonly queue = new ModerationQueueController(this, this.localize, () => ({
    client: this.client,
    moderatorId: this.views.includes('queue') ? this.sessions.session?.viewer.id : undefined,
    pageSize: this.size,
  }));

  private readonly log = new AuditLogController(this, () => ({
    client: this.client,
    readerId: this.views.includes('log') && this.visited.has('log') ? this.sessions.session?.viewer.id : undefined,
    pageSize: this.size,
  }));

  private readonly settings = new ModerationSettingsController(this, this.localize, () => ({
    client: this.client,
    adminId:
      this.views.includes('settings') && this.visited.has('settings') ? this.sessions.session?.viewer.id : undefined,
  }));

  private get size(): number {
    return Math.min(Math.max(Math.trunc(Number(this.pageSize)) || 20, 1), limits.pageSize.max);
  }

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  private get subLevel(): number {
    return Math.min(this.level + 1, 6);
  }

  /** What the signed-in viewer may see: the queue (moderators, admins), the log (also staff), the settings (admins). */
  private get views(): ModerationView[] {
    const roles: readonly string[] = this.sessions.session?.viewer.roles ?? [];
    const can = (...wanted: string[]) => wanted.some((role) => roles.includes(role));
    return allViews.filter((view) =>
      view === 'queue' ? can('MODERATOR', 'ADMIN') : view === 'log' ? can('STAFF', 'MODERATOR', 'ADMIN') : can('ADMIN'),
    );
  }

  private get current(): ModerationView | undefined {
    const views = this.views;
    const wanted = this.selected ?? this.view;
    return views.includes(wanted) ? wanted : views[0];
  }

  /** Alone on a page without a sign-in element, the moderation brings its own. */
  private get needsOwnSignIn(): boolean {
    return !this.sessions.session && !(this.closest('plein-community') ?? document).querySelector('plein-sign-in');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const current = this.current;
    if (current) this.visited.add(current);
    if (this.client && this.needsOwnSignIn) void import('../../define/plein-sign-in.ts');
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    const views = this.views;
    return html`
      <section class="root" aria-labelledby="heading">
        <div role="heading" aria-level=${this.level} id="heading" part="heading" class="heading" tabindex="-1">
          ${this.t('moderation.heading')}
        </div>
        ${views.length > 0 ? this.renderViews(views) : this.renderSignInFirst()}
        <p part="announcer" class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }

  private renderSignInFirst() {
    if (this.sessions.session) return html`<p part="sign-in-first">${this.t('moderation.notModerator')}</p>`;
    return html`
      <p part="sign-in-first">${this.t('moderation.signInFirst')}</p>
      ${
        this.needsOwnSignIn
          ? html`<plein-sign-in
              exportparts="form: sign-in-form"
              endpoint=${ifDefined(this.endpoint)}
              community=${ifDefined(this.community)}
              lang=${this.localize.locale}
              heading-level=${this.subLevel}
            ></plein-sign-in>`
          : nothing
      }
    `;
  }

  /**
   * The tabs follow the WAI-ARIA tabs pattern: one tab stop, arrow keys, Home and End move between tabs and show
   * them at once. With only one part for the viewer (staff see the log only) there are no tabs.
   */
  private renderViews(views: ModerationView[]) {
    const current = this.current!;
    const body = (view: ModerationView) =>
      view === 'queue' ? this.renderQueue() : view === 'log' ? this.renderLog() : this.renderSettings();
    if (views.length === 1) return html`<div part="panel" class="panel">${body(current)}</div>`;
    return html`
      <div
        role="tablist"
        part="tabs"
        class="tabs"
        aria-label=${this.t('moderation.tabs')}
        @keydown=${this.onTabKeydown}
      >
        ${views.map(
          (view) =>
            html`<button
              role="tab"
              part="tab"
              class="tab"
              id="tab-${view}"
              type="button"
              aria-selected=${view === current ? 'true' : 'false'}
              aria-controls="panel-${view}"
              tabindex=${view === current ? '0' : '-1'}
              @click=${() => this.select(view)}
            >
              ${this.t(`moderation.tab.${view}`)}
            </button>`,
        )}
      </div>
      ${views.map(
        (view) =>
          html`<div
            role="tabpanel"
            part="panel"
            class="panel"
            id="panel-${view}"
            aria-labelledby="tab-${view}"
            ?hidden=${view !== current}
          >
            ${view === current ? body(view) : nothing}
          </div>`,
      )}
    `;
  }

  // The queue

  private renderQueue() {
    const { status, items, totalCount } = this.queue;
    const intro = html`<p part="intro" class="muted">${this.t('moderation.queue.intro')}</p>`;
    if (status === TaskStatus.ERROR) {
      return html`${intro}${this.renderLoadError(this.queue.error, 'moderation.queue.failed', () => this.queue.reload())}`;
    }
    if (status !== TaskStatus.COMPLETE) {
      return html`${intro}
        <p class="loading" aria-busy="true">${this.t('moderation.queue.loading')}</p>`;
    }
    if (items.length === 0) {
      return html`${intro}
        <p part="empty" id="queue-empty" class="empty" tabindex="-1">${this.t('moderation.queue.empty')}</p>`;
    }
    return html`
      ${intro}
      <p part="count">${this.t('moderation.queue.count', totalCount)}</p>
      <ol part="list" class="list">
        ${repeat(
          items,
          (item) => item.id,
          (item) => this.renderItem(item),
        )}
      </ol>
      ${this.renderMore(this.queue, 'moderation.queue', () => this.onMoreItems())}
    `;
  }

  private renderItem(item: ModerationItem) {
    const key = domId(item);
    const isAnswer = item.kind === 'ANSWER' && item.answer;
    const author = isAnswer ? item.answer!.author : item.question.author;
    const publication = item.publication;
    const notice = this.queue.notices.get(item.id);
    return html`
      <li part="item" class="item ${publication.toLowerCase()}" data-item-id=${item.id}>
        <div
          role="heading"
          aria-level=${this.subLevel}
          id="item-heading-${key}"
          part="item-heading"
          class="item-heading"
          tabindex="-1"
        >
          ${
            isAnswer
              ? this.t('moderation.item.answer', item.question.title)
              : this.t('moderation.item.question', item.question.title)
          }
        </div>
        <p part="meta" class="meta">
          <span class="badge kind">${this.t(`moderation.item.kind.${item.kind}`)}</span>
          <span class="badge publication ${publication.toLowerCase()}"
            >${this.t(`moderation.item.publication.${publication}`)}</span
          >
          <span>${this.t('moderation.item.by', author.displayName)}</span>
          <span>${item.question.topic.name}</span>
          <time datetime=${item.waitingSince} title=${this.localize.dateTime(item.waitingSince)}
            >${this.t('moderation.item.waiting', this.duration(item.waitingSince))}</time
          >
        </p>
        <div part="text" class="text" aria-label=${this.t('moderation.item.text')} role="group">
          ${renderUserText(textOf(item))}
        </div>
        ${
          isAnswer
            ? html`<details part="context" class="context">
                <summary>${this.t('moderation.item.readQuestion')}</summary>
                <p class="text">${renderUserText(item.question.body)}</p>
              </details>`
            : nothing
        }
        ${this.renderWhy(item, key)}
        ${notice ? html`<div part="notice" class="alert" role="alert"><p>${notice}</p></div>` : nothing}
        ${this.renderActions(item, key, author)}
        ${this.queue.panels.has(item.id) ? this.renderPanel(item, key, this.queue.panels.get(item.id)!) : nothing}
      </li>
    `;
  }

  /** The pipeline's findings and the flags, in plain words; then the notes people wrote with their flags. */
  private renderWhy(item: ModerationItem, key: string) {
    const findings = item.findings.map((finding) => this.findingText(finding.step, finding.detail));
    const flagCounts = new Map<FlagReason, number>();
    for (const flag of item.flags) flagCounts.set(flag.reason, (flagCounts.get(flag.reason) ?? 0) + 1);
    const flags = [...flagCounts].map(([reason, count]) =>
      this.t('moderation.flags', count, this.t(`moderation.flagReason.${reason}`)),
    );
    const notes = item.flags.filter((flag) => flag.note?.trim());
    if (findings.length + flags.length === 0) return nothing;
    return html`
      <div class="why">
        <p id="why-${key}" class="why-heading">${this.t('moderation.item.why')}</p>
        <ul part="findings" class="findings" aria-labelledby="why-${key}">
          ${findings.map((text) => html`<li>${text}</li>`)} ${flags.map((text) => html`<li class="flag">${text}</li>`)}
        </ul>
        ${
          notes.length > 0
            ? html`<p id="notes-${key}" class="why-heading">${this.t('moderation.item.notes')}</p>
                <ul part="notes" class="notes" aria-labelledby="notes-${key}">
                  ${notes.map(
                    (flag) =>
                      html`<li>
                        <span class="note-reason">${this.t(`moderation.flagReason.${flag.reason}`)}:</span>
                        <span class="text">${renderUserText(flag.note)}</span>
                        <time class="muted" datetime=${flag.createdAt} title=${this.localize.dateTime(flag.createdAt)}
                          >${this.localize.relativeTime(flag.createdAt)}</time
                        >
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
      </div>
    `;
  }

  /** "personal-data: name" → "Mogelijk een naam"; unknown steps as they come, so nothing is left out. */
  private findingText(step: string, detail: string | null): string {
    const value = detail?.trim() ?? '';
    const code = value.toLowerCase().replace(/_/g, '-');
    switch (step) {
      case 'personal-data': {
        const kindKey = `personalData.kind.${code}`;
        const kind =
          kindKey in personalData ? this.t(kindKey as keyof typeof personalData) : this.t('personalData.kind.other');
        return this.t('moderation.finding.personal-data', kind);
      }
      case 'links': {
        const count = Number.parseInt(value, 10);
        return Number.isFinite(count)
          ? this.t('moderation.finding.links', count)
          : this.t('moderation.finding.other', step, value);
      }
      case 'words':
        return value ? this.t('moderation.finding.wordsWith', value) : this.t('moderation.finding.words');
      case 'repeat':
      case 'rate':
      case 'length':
        return this.t(`moderation.finding.${step}`);
      case 'pre-moderation':
        if (code === 'first-post' || code === 'everything') return this.t(`moderation.finding.${code}`);
        return this.t('moderation.finding.other', step, value);
      case 'flags':
        return this.t('moderation.finding.flags');
      default:
        return this.t('moderation.finding.other', step, value);
    }
  }

  private renderActions(item: ModerationItem, key: string, author: ModerationItem['question']['author']) {
    const busy = this.queue.busy.get(item.id);
    const open = this.queue.panels.get(item.id)?.action;
    // Hidden content is not hidden again; only a citizen's pseudonym can be blocked (experts and staff post under
    // their account, which an admin disables instead), and "Anoniem" is nobody's.
    const available = panelActions.filter(
      (action) =>
        (action !== 'hide' || item.publication !== 'HIDDEN') &&
        (action !== 'block-pseudonym' || (author.role === 'CITIZEN' && hasPseudonym(author.displayName))),
    );
    return html`
      <div part="actions" class="actions">
        <button
          part="approve"
          class="button"
          type="button"
          data-action="approve"
          aria-describedby="item-heading-${key}"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => this.onApprove(item)}
        >
          ${busy === 'approve' ? this.t('moderation.action.approving') : this.t('moderation.action.approve')}
        </button>
        ${available.map(
          (action) =>
            html`<button
              part=${action}
              class="button secondary"
              type="button"
              data-action=${action}
              aria-describedby="item-heading-${key}"
              aria-expanded=${open === action ? 'true' : 'false'}
              aria-controls=${open === action ? `action-${key}` : nothing}
              @click=${() => this.onOpen(item, action)}
            >
              ${this.t(`moderation.action.${action}`)}
            </button>`,
        )}
      </div>
    `;
  }

  private renderPanel(item: ModerationItem, key: string, panel: ActionPanel) {
    const { action, errors, failure } = panel;
    const busy = this.queue.busy.has(item.id);
    const level = Math.min(this.subLevel + 1, 6);
    const authorName =
      item.kind === 'ANSWER' && item.answer ? item.answer.author.displayName : item.question.author.displayName;
    const heading: TranslationKey =
      action === 'reject'
        ? 'moderation.reject.heading'
        : action === 'hide'
          ? 'moderation.hide.heading'
          : action === 'redact'
            ? 'moderation.redact.heading'
            : action === 'block-device'
              ? 'moderation.block-device.heading'
              : 'moderation.block-pseudonym.heading';
    const submit: TranslationKey =
      action === 'reject'
        ? 'moderation.reject.submit'
        : action === 'hide'
          ? 'moderation.hide.submit'
          : action === 'redact'
            ? 'moderation.redact.submit'
            : action === 'block-device'
              ? 'moderation.block-device.submit'
              : 'moderation.block-pseudonym.submit';
    const confirm =
      action === 'block-device'
        ? this.t('moderation.block-device.confirm')
        : action === 'block-pseudonym'
          ? this.t('moderation.block-pseudonym.confirm', authorName)
          : undefined;
    return html`
      <form
        part="action-form"
        id="action-${key}"
        class="action-form ${action}"
        novalidate
        aria-labelledby="action-heading-${key}"
        data-action=${action}
        @submit=${(event: SubmitEvent) => this.onSubmitPanel(event, item)}
        @keydown=${(event: KeyboardEvent) => this.onPanelKeydown(event, item)}
      >
        <div role="heading" aria-level=${level} id="action-heading-${key}" class="subheading">${this.t(heading)}</div>
        ${confirm ? html`<p class="confirm-question">${confirm}</p>` : nothing}
        ${action === 'redact' ? this.renderRedactFields(item, key, panel) : this.renderReason(item, key, panel)}
        ${errors.form ? html`<div class="alert" role="alert"><p>${errors.form}</p></div>` : nothing}
        ${
          failure
            ? html`<div class="alert" role="alert">
                <p>${messageOf(failure, this.t('moderation.action.failed'))}</p>
                <p>${this.t('moderation.action.kept')}</p>
              </div>`
            : nothing
        }
        <div class="actions">
          <button
            part="action-submit"
            class="button ${action.startsWith('block') || action === 'reject' ? 'danger' : ''}"
            type="submit"
            aria-disabled=${busy ? 'true' : 'false'}
          >
            ${busy ? this.t('moderation.action.sending') : this.t(submit)}
          </button>
          <button
            part="action-cancel"
            class="button secondary"
            type="button"
            @click=${() => this.onCancel(item, action)}
          >
            ${this.t('moderation.action.cancel')}
          </button>
        </div>
      </form>
    `;
  }

  private renderReason(item: ModerationItem, key: string, panel: ActionPanel) {
    const { action, reason, errors } = panel;
    const label: TranslationKey =
      action === 'reject'
        ? 'moderation.reject.reason'
        : action === 'hide'
          ? 'moderation.hide.reason'
          : 'moderation.block.reason';
    const hint: TranslationKey =
      action === 'reject'
        ? 'moderation.reject.hint'
        : action === 'hide'
          ? 'moderation.hide.hint'
          : 'moderation.block.hint';
    const id = `reason-${key}`;
    return html`
      <div class="field">
        <label for=${id}>${this.t(label)}</label>
        <span id="${id}-hint" class="hint">${this.t(hint)}</span>
        ${errors.reason ? html`<span id="${id}-error" class="field-error">${errors.reason}</span>` : nothing}
        <textarea
          id=${id}
          name="reason"
          rows="3"
          required
          aria-invalid=${errors.reason ? 'true' : 'false'}
          aria-describedby=${[errors.reason && `${id}-error`, `${id}-hint`, `${id}-counter`].filter(Boolean).join(' ')}
          .value=${reason}
          @input=${(event: InputEvent) =>
            this.queue.set(item.id, 'reason', (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${renderCharacterCounter(this.localize, `${id}-counter`, reason.length, { max: REASON_MAX })}
      </div>
    `;
  }

  private renderRedactFields(item: ModerationItem, key: string, panel: ActionPanel) {
    const { title, body, removedKinds, errors } = panel;
    const isQuestion = item.kind === 'QUESTION';
    const level = Math.min(this.subLevel + 2, 6);
    const textField = (field: 'title' | 'body') => {
      const id = `redact-${field}-${key}`;
      const check = this.queue.personalData.checkFor(`${item.id}|${field}`);
      const value = field === 'title' ? title : body;
      const limit = field === 'title' ? limits.questionTitle : isQuestion ? limits.questionBody : limits.answerBody;
      const describedBy = [errors[field] && `${id}-error`, `${id}-counter`, ...personalDataDescribedBy(id, check)];
      const onInput = (event: InputEvent) =>
        this.queue.set(item.id, field, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
      return html`
        <div class="field">
          <label for=${id}>${this.t(field === 'title' ? 'moderation.redact.title' : 'moderation.redact.body')}</label>
          ${errors[field] ? html`<span id="${id}-error" class="field-error">${errors[field]}</span>` : nothing}
          ${
            field === 'title'
              ? html`<input
                  id=${id}
                  name="title"
                  type="text"
                  autocomplete="off"
                  aria-invalid=${errors.title ? 'true' : 'false'}
                  aria-describedby=${describedBy.filter(Boolean).join(' ')}
                  .value=${value}
                  @input=${onInput}
                />`
              : html`<textarea
                  id=${id}
                  name="body"
                  rows="8"
                  aria-invalid=${errors.body ? 'true' : 'false'}
                  aria-describedby=${describedBy.filter(Boolean).join(' ')}
                  .value=${value}
                  @input=${onInput}
                ></textarea>`
          }
          ${renderCharacterCounter(this.localize, `${id}-counter`, value.length, limit)}
          ${renderPersonalDataPanel({
            localize: this.localize,
            fieldId: id,
            check,
            context: isQuestion ? 'question' : 'answer',
            level,
            remove: (finding) => this.queue.removePersonalData(item.id, field, finding),
            updateComplete: () => this.updateComplete,
          })}
        </div>
      `;
    };
    return html`
      <p class="hint">${this.t('moderation.redact.intro')}</p>
      ${isQuestion ? textField('title') : nothing} ${textField('body')}
      <fieldset
        class="choices"
        id="redact-kinds-${key}"
        aria-describedby=${errors.removedKinds ? `redact-kinds-${key}-error` : nothing}
      >
        <legend>${this.t('moderation.redact.removed')}</legend>
        ${
          errors.removedKinds
            ? html`<span id="redact-kinds-${key}-error" class="field-error">${errors.removedKinds}</span>`
            : nothing
        }
        ${removedKindChoices.map(
          (kind) =>
            html`<div class="choice">
              <input
                id="redact-kind-${kind}-${key}"
                type="checkbox"
                name="removedKinds"
                value=${kind}
                .checked=${removedKinds.includes(kind)}
                @change=${(event: Event) => this.queue.toggleKind(item.id, kind, (event.target as HTMLInputElement).checked)}
              />
              <label for="redact-kind-${kind}-${key}">${this.t(`moderation.redact.kind.${kind}`)}</label>
            </div>`,
        )}
      </fieldset>
    `;
  }

  // The log

  private renderLog() {
    const { status, entries } = this.log;
    const intro = html`<p part="intro" class="muted">${this.t('moderation.log.intro')}</p>`;
    if (status === TaskStatus.ERROR) {
      return html`${intro}${this.renderLoadError(this.log.error, 'moderation.log.failed', () => this.log.reload())}`;
    }
    if (status !== TaskStatus.COMPLETE) {
      return html`${intro}
        <p class="loading" aria-busy="true">${this.t('moderation.log.loading')}</p>`;
    }
    if (entries.length === 0) {
      return html`${intro}
        <p part="empty" class="empty">${this.t('moderation.log.empty')}</p>`;
    }
    return html`
      ${intro}
      <ol part="log" class="log">
        ${repeat(
          entries,
          (entry) => entry.id,
          (entry) => this.renderEntry(entry),
        )}
      </ol>
      ${this.renderMore(this.log, 'moderation.log', () => this.onMoreEntries())}
    `;
  }

  private renderEntry(entry: AuditEntry) {
    const detail = parseDetail(entry.detail);
    const { reason } = detail;
    const what = this.knownText(`moderation.log.action.${entry.action}`) ?? entry.action;
    const subjectType = this.knownText(`moderation.log.subject.${entry.subjectType}`) ?? entry.subjectType;
    const extra = this.detailLines(detail);
    return html`
      <li part="entry" class="entry" data-entry-id=${entry.id} tabindex="-1">
        <p class="entry-what">
          <span class="entry-action">${what}</span>
          <span class="muted">${this.t('moderation.log.subject', subjectType, entry.subjectId ?? '')}</span>
        </p>
        <dl class="entry-facts">
          <div>
            <dt>${this.t('moderation.log.who')}</dt>
            <dd>${entry.actorName ?? this.t('moderation.log.system')}</dd>
          </div>
          <div>
            <dt>${this.t('moderation.log.when')}</dt>
            <dd><time datetime=${entry.createdAt}>${this.localize.dateTime(entry.createdAt)}</time></dd>
          </div>
          ${
            typeof reason === 'string' && reason.trim()
              ? html`<div>
                  <dt>${this.t('moderation.log.why')}</dt>
                  <dd class="text">${reason}</dd>
                </div>`
              : nothing
          }
        </dl>
        ${extra.length > 0 ? html`<p class="entry-extra muted">${extra.join(' · ')}</p>` : nothing}
      </li>
    `;
  }

  /**
   * An entry's detail in words: the change of state, what was removed or changed, the block, the flags, the settings.
   * The server writes ids, codes and counts only; a key this element does not know is shown as it is.
   */
  private detailLines(detail: Record<string, unknown>): string[] {
    const {
      reason: _reason,
      newBlock: _newBlock,
      from,
      to,
      removedKinds,
      changedFields,
      scope,
      flags,
      threshold,
      closedFlags,
      preModeration,
      flagThreshold,
      blockedWords,
      heldWords,
      ...rest
    } = detail;
    const lines: string[] = [];
    const publication = (value: unknown) =>
      this.knownText(`moderation.item.publication.${String(value)}`) ?? String(value);
    const count = (value: unknown) => (Array.isArray(value) ? value.length : typeof value === 'number' ? value : null);
    const words = (list: unknown[], prefix: string) =>
      list.map((value) => this.knownText(`${prefix}${String(value)}`) ?? String(value)).join(', ');
    if (typeof from === 'string' && typeof to === 'string' && from !== to) {
      lines.push(this.t('moderation.log.transition', publication(from), publication(to)));
    }
    if (Array.isArray(removedKinds) && removedKinds.length > 0) {
      lines.push(this.t('moderation.log.removed', words(removedKinds, 'moderation.redact.kind.').toLowerCase()));
    }
    if (Array.isArray(changedFields) && changedFields.length > 0) {
      lines.push(this.t('moderation.log.changedFields', words(changedFields, 'moderation.log.field.')));
    }
    if (typeof scope === 'string') lines.push(this.knownText(`moderation.log.scope.${scope}`) ?? scope);
    if (count(flags) !== null && count(threshold) !== null) {
      lines.push(this.t('moderation.log.flags', count(flags)!, count(threshold)!));
    }
    if (count(closedFlags)) lines.push(this.t('moderation.log.closedFlags', count(closedFlags)!));
    if (typeof preModeration === 'string') {
      const choice = this.knownText(`moderation.settings.preModeration.${preModeration}`) ?? preModeration;
      lines.push(this.t('moderation.log.preModeration', choice.toLowerCase()));
    }
    if (count(flagThreshold) !== null) lines.push(this.t('moderation.log.flagThreshold', count(flagThreshold)!));
    if (count(blockedWords) !== null) lines.push(this.t('moderation.log.blockedWords', count(blockedWords)!));
    if (count(heldWords) !== null) lines.push(this.t('moderation.log.heldWords', count(heldWords)!));
    for (const [name, value] of Object.entries(rest)) {
      lines.push(`${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
    }
    return lines;
  }

  // The settings

  private renderSettings() {
    const { status, fields, errors, failure, saving, saved } = this.settings;
    const intro = html`<p part="intro" class="muted">${this.t('moderation.settings.intro')}</p>`;
    if (status === TaskStatus.ERROR) {
      return html`${intro}${this.renderLoadError(this.settings.error, 'moderation.settings.failed', () => this.settings.reload())}`;
    }
    if (status !== TaskStatus.COMPLETE || !fields) {
      return html`${intro}
        <p class="loading" aria-busy="true">${this.t('moderation.settings.loading')}</p>`;
    }
    const { min, max } = flagThresholdLimits;
    const wordsField = (field: 'blockedWords' | 'heldWords') => {
      const id = `settings-${field}`;
      return html`<div class="field">
        <label for=${id}>${this.t(`moderation.settings.${field}`)}</label>
        <span id="${id}-hint" class="hint">${this.t(`moderation.settings.${field}.hint`)}</span>
        ${errors[field] ? html`<span id="${id}-error" class="field-error">${errors[field]}</span>` : nothing}
        <textarea
          id=${id}
          name=${field}
          rows="5"
          spellcheck="false"
          aria-invalid=${errors[field] ? 'true' : 'false'}
          aria-describedby=${[errors[field] && `${id}-error`, `${id}-hint`].filter(Boolean).join(' ')}
          .value=${fields[field]}
          @input=${(event: InputEvent) => this.settings.set(field, (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>`;
    };
    return html`
      ${intro}
      <form part="settings-form" class="settings-form" novalidate @submit=${this.onSaveSettings}>
        <fieldset class="choices">
          <legend>${this.t('moderation.settings.preModeration')}</legend>
          ${preModerationChoices.map(
            (choice) =>
              html`<div class="choice">
                <input
                  id="settings-pre-${choice}"
                  type="radio"
                  name="preModeration"
                  value=${choice}
                  aria-describedby="settings-pre-${choice}-hint"
                  .checked=${fields.preModeration === choice}
                  @change=${() => this.settings.set('preModeration', choice)}
                />
                <label for="settings-pre-${choice}"
                  >${this.t(`moderation.settings.preModeration.${choice}`)}
                  <span id="settings-pre-${choice}-hint" class="hint"
                    >${this.t(`moderation.settings.preModeration.${choice}.hint`)}</span
                  ></label
                >
              </div>`,
          )}
        </fieldset>
        <div class="field">
          <label for="settings-flagThreshold">${this.t('moderation.settings.flagThreshold')}</label>
          <span id="settings-flagThreshold-hint" class="hint">${this.t('moderation.settings.flagThreshold.hint')}</span>
          ${
            errors.flagThreshold
              ? html`<span id="settings-flagThreshold-error" class="field-error">${errors.flagThreshold}</span>`
              : nothing
          }
          <input
            id="settings-flagThreshold"
            class="number"
            name="flagThreshold"
            type="number"
            inputmode="numeric"
            min=${min}
            max=${max}
            step="1"
            aria-invalid=${errors.flagThreshold ? 'true' : 'false'}
            aria-describedby=${[errors.flagThreshold && 'settings-flagThreshold-error', 'settings-flagThreshold-hint']
              .filter(Boolean)
              .join(' ')}
            .value=${fields.flagThreshold}
            @input=${(event: InputEvent) => this.settings.set('flagThreshold', (event.target as HTMLInputElement).value)}
          />
        </div>
        ${wordsField('blockedWords')} ${wordsField('heldWords')}
        ${errors.form ? html`<div class="alert" role="alert"><p>${errors.form}</p></div>` : nothing}
        ${
          failure
            ? html`<div class="alert" role="alert">
                <p>${messageOf(failure, this.t('moderation.settings.notSaved'))}</p>
                <p>${this.t('moderation.settings.kept')}</p>
              </div>`
            : nothing
        }
        <div class="actions">
          <button part="settings-submit" class="button" type="submit" aria-disabled=${saving ? 'true' : 'false'}>
            ${saving ? this.t('moderation.settings.saving') : this.t('moderation.settings.submit')}
          </button>
        </div>
        ${saved ? html`<p id="settings-saved" class="saved" tabindex="-1">${this.t('moderation.settings.saved')}</p>` : nothing}
      </form>
    `;
  }

  // Shared pieces

  private renderLoadError(error: unknown, fallback: TranslationKey, retry: () => unknown) {
    return html`
      <div class="alert" role="alert">
        <p>${messageOf(error, this.t(fallback))}</p>
        ${
          canRetry(error)
            ? html`<button class="button secondary" type="button" @click=${retry}>${this.t('common.retry')}</button>`
            : nothing
        }
      </div>
    `;
  }

  private renderMore(
    list: { hasNextPage: boolean; loadingMore: boolean; moreFailed: unknown },
    prefix: 'moderation.queue' | 'moderation.log',
    onMore: () => void,
  ): TemplateResult {
    return html`
      ${
        list.moreFailed
          ? html`<div class="alert" role="alert">
              <p>${messageOf(list.moreFailed, this.t(`${prefix}.moreFailed`))}</p>
            </div>`
          : nothing
      }
      ${
        list.hasNextPage
          ? html`<button
              part="more"
              class="button secondary more"
              type="button"
              aria-disabled=${list.loadingMore ? 'true' : 'false'}
              @click=${onMore}
            >
              ${list.loadingMore ? this.t(`${prefix}.moreLoading`) : this.t(`${prefix}.more`)}
            </button>`
          : nothing
      }
    `;
  }

  /** A translation for a key made from the server's codes, or undefined when there is none. */
  private knownText(key: string): string | undefined {
    return key in moderation ? this.t(key as TranslationKey & keyof typeof moderation) : undefined;
  }

  /** "3 uur", "2 dagen", "5 minuten": how long an item waits. */
  private duration(iso: string): string {
    const elapsed = Math.max(Date.now() - Date.parse(iso), 0);
    const units: [Intl.NumberFormatOptions['unit'], number][] = [
      ['day', 86_400_000],
      ['hour', 3_600_000],
      ['minute', 60_000],
    ];
    const [unit, size] = units.find(([, ms]) => elapsed >= ms) ?? ['minute', 60_000];
    const format = new Intl.NumberFormat(this.localize.locale, { style: 'unit', unit, unitDisplay: 'long' });
    return format.format(Math.max(Math.floor(elapsed / size), 1));
  }

  /** Says something through the polite live region; the same words twice are read twice. */
  private async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private focusOn(selector: string): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus();
    return Boolean(target);
  }

  private focusItem(item: ModerationItem | undefined, selector = '[part="item-heading"]'): boolean {
    if (!item) return false;
    const element = this.renderRoot.querySelector(`[part="item"][data-item-id="${CSS.escape(item.id)}"]`);
    const target = element?.querySelector<HTMLElement>(selector);
    target?.focus();
    return Boolean(target);
  }

  // Events

  private select(view: ModerationView, focus = false): void {
    this.selected = view;
    if (focus) void this.updateComplete.then(() => this.focusOn(`#tab-${view}`));
  }

  private onTabKeydown = (event: KeyboardEvent) => {
    const views = this.views;
    const index = views.indexOf(this.current!);
    // Right to left, the tabs run from right to left too: the left arrow goes to the next tab (WAI-ARIA tabs pattern).
    const [forward, backward] =
      this.localize.direction === 'rtl' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
    const next =
      event.key === forward
        ? views[(index + 1) % views.length]
        : event.key === backward
          ? views[(index - 1 + views.length) % views.length]
          : event.key === 'Home'
            ? views[0]
            : event.key === 'End'
              ? views.at(-1)
              : undefined;
    if (!next) return;
    event.preventDefault();
    this.select(next, true);
  };

  private async onApprove(item: ModerationItem): Promise<void> {
    const index = this.queue.items.indexOf(item);
    const outcome = await this.queue.approve(item);
    await this.afterAction(item, index, 'approve', outcome);
  }

  private async onOpen(item: ModerationItem, action: PanelAction): Promise<void> {
    if (this.queue.panels.get(item.id)?.action === action) {
      await this.onCancel(item, action);
      return;
    }
    this.queue.open(item, action);
    await this.updateComplete;
    const form = `#action-${CSS.escape(domId(item))}`;
    this.focusOn(`${form} input, ${form} textarea`);
  }

  private async onCancel(item: ModerationItem, action: PanelAction): Promise<void> {
    this.queue.close(item.id);
    await this.updateComplete;
    this.focusItem(item, `[data-action="${action}"]`);
  }

  /** Escape closes an action's form and puts focus back on its button. */
  private onPanelKeydown(event: KeyboardEvent, item: ModerationItem): void {
    const action = this.queue.panels.get(item.id)?.action;
    if (event.key !== 'Escape' || !action) return;
    event.preventDefault();
    void this.onCancel(item, action);
  }

  private async onSubmitPanel(event: SubmitEvent, item: ModerationItem): Promise<void> {
    event.preventDefault();
    const action = this.queue.panels.get(item.id)?.action;
    if (!action) return;
    const index = this.queue.items.indexOf(item);
    const outcome = await this.queue.submit(item);
    await this.afterAction(item, index, action, outcome);
  }

  /** Says what happened and moves focus: to the next item after a decision, to the first problem after a refusal. */
  private async afterAction(item: ModerationItem, index: number, action: 'approve' | PanelAction, outcome: string) {
    await this.updateComplete;
    const key = CSS.escape(domId(item));
    if (outcome === 'invalid' || outcome === 'failed') {
      // Focus stays with the item: on the first field to fix, else on the button that was used (its alert is read).
      if (action === 'approve') {
        this.focusItem(item, '[data-action="approve"]');
        return;
      }
      const invalid = this.renderRoot.querySelector<HTMLElement>(`#action-${key} [aria-invalid="true"]`);
      if (invalid) invalid.focus();
      else if (this.queue.panels.get(item.id)?.errors.removedKinds) this.focusOn(`#redact-kind-name-${key}`);
      else this.focusOn(`#action-${key} [part="action-submit"]`);
      return;
    }
    if (outcome !== 'done') return;
    this.log.refresh();
    const title = item.question.title;
    const done =
      action === 'approve'
        ? this.t('moderation.done.approve', title)
        : action === 'reject'
          ? this.t('moderation.done.reject', title)
          : action === 'hide'
            ? this.t('moderation.done.hide', title)
            : action === 'redact'
              ? this.t('moderation.done.redact', title)
              : action === 'block-device'
                ? this.t('moderation.done.block-device', title)
                : this.t('moderation.done.block-pseudonym', title);
    const next = this.queue.items[index] ?? this.queue.items[index - 1];
    void this.announce(`${done} ${next ? '' : this.t('moderation.done.last')}`.trim());
    if (!this.focusItem(next) && !this.focusOn('#queue-empty')) this.focusOn('[part="heading"]');
  }

  private async onMoreItems(): Promise<void> {
    const added = await this.queue.loadMore();
    await this.updateComplete;
    this.focusItem(added[0]);
  }

  private async onMoreEntries(): Promise<void> {
    const added = await this.log.loadMore();
    await this.updateComplete;
    const first = added[0];
    if (first) this.focusOn(`[part="entry"][data-entry-id="${CSS.escape(first.id)}"]`);
  }

  private onSaveSettings = async (event: SubmitEvent) => {
    event.preventDefault();
    const outcome = await this.settings.save();
    await this.updateComplete;
    if (outcome === 'saved') {
      this.log.refresh();
      this.focusOn('#settings-saved');
      void this.announce(this.t('moderation.settings.saved'));
    } else if (outcome === 'invalid') {
      // The first field to fix; a problem without a field is read from its alert, next to the button.
      if (!this.focusOn('.settings-form [aria-invalid="true"]')) this.focusOn('[part="settings-submit"]');
    }
  };
}

/** An audit entry's detail: JSON without personal data; anything else is ignored. */
function parseDetail(detail: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
