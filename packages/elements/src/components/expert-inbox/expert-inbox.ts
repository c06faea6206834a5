import { TaskStatus } from '@lit/task';
import type { InboxQuestion } from '@plein/client';
import { type HandOff, limits } from '@plein/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { AdvisorAgendaController } from '../../controllers/advisor-agenda-controller.ts';
import { ExpertInboxController, InboxAnswerForms, today } from '../../controllers/expert-inbox-controller.ts';
import { PrivateInboxController } from '../../controllers/private-inbox-controller.ts';
import { SessionController } from '../../controllers/session-controller.ts';
import { renderUserText } from '../../base/user-text.ts';
import { renderHoneypot } from '../../form/anti-spam.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import { orderedErrors, renderErrorSummary } from '../../form/error-summary.ts';
import { antiSpam } from '../../localize/nl/anti-spam.ts';
import { common } from '../../localize/nl/common.ts';
import { expertInbox } from '../../localize/nl/expert-inbox.ts';
import { handOff } from '../../localize/nl/hand-off.ts';
import { choiceStyles } from '../../styles/choice.styles.ts';
import { errorSummaryStyles } from '../../styles/error-summary.styles.ts';
import { handOffBoxId, renderHandOffChoices } from '../question/hand-off.ts';
import { handOffStyles } from '../question/hand-off.styles.ts';
import { agendaIds, renderAppointments, renderAvailability } from './agenda.ts';
import { expertInboxStyles } from './expert-inbox.styles.ts';
import { privateIds, renderPrivateQuestions } from './private-questions.ts';

/** A question older than this is marked: it has waited too long for an expert. */
const overdueAfterMs = 48 * 60 * 60 * 1000;

/** The answer form's fields in their order on screen, with the id prefix of each; the error summary follows it. */
const answerFields = [
  ['body', 'answer-body'],
  ['sourceUrl', 'answer-source'],
  ['reviewedOn', 'answer-reviewed'],
] as const;

/**
 * @summary For a signed-in expert: the open questions in their topics that no expert answered yet, oldest first, with
 * how long they have waited (marked after 48 hours), their topic, and who works on them. "Ik pak deze op" claims a
 * question for two hours so two experts do not write the same answer; "Geef terug" releases it. Opening a question
 * shows its text and an answer form with an optional source link and "Gecontroleerd op" date; a posted answer takes
 * the question off the list. The expert may add next steps for the citizen ("Maak een afspraak", "Stel uw vraag
 * privé"), shown as buttons under the answer.
 *
 * Below it, in sections of their own: "Privé vragen", the private e-mail questions of the expert's topics (marked
 * "Privé", unanswered first, answered inline; the citizen gets an e-mail), "Afspraken", the expert's booked
 * appointments from today on (Dutch time, with the citizen's name, e-mail address and note), and "Beschikbaarheid",
 * their own free times with "Verwijderen" and a form to offer new ones.
 *
 * Without a signed-in expert it says "Log in als expert om uw vragen te zien.", and, when the page has no
 * `<plein-sign-in>` of its own, shows one.
 *
 * @csspart heading - The heading "Open vragen in uw onderwerpen".
 * @csspart intro - How the inbox works.
 * @csspart sign-in-first - The line asking to sign in as an expert.
 * @csspart sign-in-form - The form of the `<plein-sign-in>` the inbox shows on a page without one.
 * @csspart count - How many questions wait.
 * @csspart list - The list of questions.
 * @csspart item - One question.
 * @csspart toggle - A question's title, a button that opens and closes it.
 * @csspart meta - A question's topic and age.
 * @csspart overdue - The mark on a question that waited more than 48 hours.
 * @csspart claim - Who works on a question, until when.
 * @csspart claim-button - The "Ik pak deze op" button.
 * @csspart release - The "Geef terug" button.
 * @csspart notice - The server's words about a claim (for example that another expert was first).
 * @csspart details - An opened question: its text and the answer form.
 * @csspart body - The question's text.
 * @csspart form - The answer form.
 * @csspart error-summary - The answer form's list of problems.
 * @csspart submit - The "Plaats antwoord" button.
 * @csspart counter - The character counter under the answer.
 * @csspart more - The "Meer vragen laden" button.
 * @csspart empty - The text shown when no question waits.
 * @csspart hand-off-choices - "Volgende stap voor de inwoner" in the answer form: a checkbox per next step.
 * @csspart private - The "Privé vragen" section.
 * @csspart private-heading - Its heading.
 * @csspart private-intro - Who sees a private question, and that the citizen gets an e-mail.
 * @csspart private-count - How many private questions wait for an answer.
 * @csspart private-list - The list of private questions.
 * @csspart private-item - One private question.
 * @csspart private-toggle - The start of its text, a button that opens and closes it.
 * @csspart private-meta - Its "Privé" mark, topic, age and whether it is answered.
 * @csspart private-mark - The "Privé" mark.
 * @csspart private-status - "Nog niet beantwoord" or "Beantwoord".
 * @csspart private-details - An opened private question: its text, the answers and the answer form.
 * @csspart private-body - The private question's text.
 * @csspart private-answer - An advisor's answer to it.
 * @csspart private-form - The answer form of a private question.
 * @csspart private-submit - Its "Verstuur antwoord" button.
 * @csspart private-empty - The text shown when there are no private questions.
 * @csspart appointments - The "Afspraken" section.
 * @csspart appointments-heading - Its heading.
 * @csspart appointment-list - The list of appointments.
 * @csspart appointment - One appointment: when, how, topic, name, e-mail address and note.
 * @csspart appointment-where - How the appointment goes, and where.
 * @csspart appointment-name - The name the citizen gave.
 * @csspart appointment-email - The citizen's e-mail address, as plain text (no mailto link: the address is the citizen's own text).
 * @csspart appointment-note - The citizen's note.
 * @csspart appointments-empty - The text shown when there are no appointments.
 * @csspart availability - The "Beschikbaarheid" section.
 * @csspart availability-heading - Its heading.
 * @csspart slot-list - The expert's free times.
 * @csspart slot - One free time.
 * @csspart slot-remove - Its "Verwijderen" button.
 * @csspart slot-notice - Why a time could not be removed.
 * @csspart slots-empty - The text shown when the expert offers no times.
 * @csspart slot-form - The form that offers new times.
 * @csspart add-time - Its "Tijd toevoegen" button.
 * @csspart slot-times - The start times added so far.
 * @csspart remove-time - The button that takes one start time away.
 * @csspart slot-submit - The "Tijden aanbieden" button.
 * @csspart announcer - The polite live region that says what happened (visually hidden).
 *
 * @cssproperty --plein-text-color - Text colour.
 * @cssproperty --plein-muted-color - Colour of the intro, meta and empty text.
 * @cssproperty --plein-link-color - Colour of question titles.
 * @cssproperty --plein-border-color - Lines between questions and beside an opened one.
 * @cssproperty --plein-error-color - The "waited long" mark and field errors.
 * @cssproperty --plein-success-color - "U werkt hieraan".
 * @cssproperty --plein-font-family - Font of all text.
 * @cssproperty --plein-font-size - Base text size (at least 16px by default).
 * @cssproperty --plein-background-color - Background of fields.
 * @cssproperty --plein-surface-color - Background of notes and messages.
 * @cssproperty --plein-button-background-color - Background of the main buttons; text and border of the others.
 * @cssproperty --plein-button-color - Text on the main buttons.
 * @cssproperty --plein-focus-outline-color - Focus ring.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-expert-color - Colour of the expert badge.
 * @cssproperty --plein-border-radius - Rounding of fields, buttons and badges.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinExpertInbox extends PleinElement {
  static override styles = [...PleinElement.styles, errorSummaryStyles, choiceStyles, handOffStyles, expertInboxStyles];

  static override strings = { ...common, ...expertInbox, ...antiSpam, ...handOff };

  /** The heading level (2 to 6), to fit the host page's outline; the questions' titles are one level lower. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Questions per page, 1 to 50 (default 20). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** What the polite live region says: a claim, a release, an answer posted. */
  @state() private announcement = '';

  /** The questions opened to read and answer. */
  @state() private expanded = new Set<string>();

  /** The private questions opened to read and answer. */
  @state() private expandedPrivate: ReadonlySet<string> = new Set();

  private readonly sessions = new SessionController(this, () => this.client);

  private readonly inbox = new ExpertInboxController(this, this.localize, () => ({
    client: this.client,
    expertViewerId: this.isExpert ? this.sessions.session?.viewer.id : undefined,
    pageSize: Math.min(Math.max(Math.trunc(Number(this.pageSize)) || 20, 1), limits.pageSize.max),
  }));

  private readonly answers = new InboxAnswerForms(this, this.localize, () => this.client);

  private readonly privateInbox = new PrivateInboxController(this, this.localize, () => ({
    client: this.client,
    expertViewerId: this.isExpert ? this.sessions.session?.viewer.id : undefined,
  }));

  private readonly agenda = new AdvisorAgendaController(this, this.localize, () => ({
    client: this.client,
    expertViewerId: this.isExpert ? this.sessions.session?.viewer.id : undefined,
  }));

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 2), 6);
  }

  private get isExpert(): boolean {
    return this.sessions.session?.viewer.roles.includes('EXPERT') ?? false;
  }

  /** Alone on a page without a sign-in element, the inbox brings its own. */
  private get needsOwnSignIn(): boolean {
    return !this.sessions.session && !(this.closest('plein-community') ?? document).querySelector('plein-sign-in');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.client && this.needsOwnSignIn) void import('../../define/plein-sign-in.ts');
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    return html`
      <section class="root" aria-labelledby="heading">
        <div role="heading" aria-level=${this.level} id="heading" part="heading" class="heading" tabindex="-1">
          ${this.t('expertInbox.heading')}
        </div>
        ${this.isExpert ? this.renderInbox() : this.renderNotExpert()}
        <p part="announcer" class="visually-hidden" role="status">${this.announcement}</p>
      </section>
      ${this.isExpert ? this.renderBeyondTheForum() : nothing}
    `;
  }

  /** The private questions, the appointments and the free times: each a section at the same level as the inbox. */
  private renderBeyondTheForum() {
    const agendaView = {
      localize: this.localize,
      agenda: this.agenda,
      level: this.level,
      onRemoveSlot: (slotId: string) => void this.onRemoveSlot(slotId),
      onAddTime: () => void this.onAddTime(),
      onRemoveTime: (time: string) => void this.onRemoveTime(time),
      onSubmit: (event: SubmitEvent) => void this.onPublishSlots(event),
    };
    return html`
      ${renderPrivateQuestions({
        localize: this.localize,
        inbox: this.privateInbox,
        level: this.level,
        expanded: this.expandedPrivate,
        onToggle: (questionId) => this.togglePrivate(questionId),
        onInput: (questionId, body) => this.privateInbox.setBody(questionId, body),
        onSubmit: (event, questionId) => void this.onAnswerPrivate(event, questionId),
      })}
      ${renderAppointments(agendaView)} ${renderAvailability(agendaView)}
    `;
  }

  private renderNotExpert() {
    if (this.sessions.session) {
      return html`<p part="sign-in-first">${this.t('expertInbox.notExpert')}</p>`;
    }
    return html`
      <p part="sign-in-first">${this.t('expertInbox.signInFirst')}</p>
      ${
        this.needsOwnSignIn
          ? html`<plein-sign-in
              exportparts="form: sign-in-form"
              endpoint=${ifDefined(this.endpoint)}
              community=${ifDefined(this.community)}
              lang=${this.localize.locale}
              heading-level=${Math.min(this.level + 1, 6)}
            ></plein-sign-in>`
          : nothing
      }
    `;
  }

  private renderInbox() {
    const { status, items, totalCount } = this.inbox;
    const intro = html`<p part="intro" class="muted">${this.t('expertInbox.intro')}</p>`;
    if (status === TaskStatus.ERROR) return html`${intro}${this.renderError(this.inbox.error)}`;
    if (status !== TaskStatus.COMPLETE) {
      return html`${intro}
        <p class="loading" aria-busy="true">${this.t('expertInbox.loading')}</p>`;
    }
    if (items.length === 0) {
      return html`${intro}
        <p part="empty" class="empty">${this.t('expertInbox.empty')}</p>`;
    }
    return html`
      ${intro}
      <p part="count">${this.t('expertInbox.count', totalCount)}</p>
      <ol part="list" class="list">
        ${repeat(
          items,
          (question) => question.id,
          (question) => this.renderItem(question),
        )}
      </ol>
      ${this.renderMore()}
    `;
  }

  private renderItem(question: InboxQuestion) {
    const id = question.id;
    const open = this.expanded.has(id);
    const claim = question.claim && Date.parse(question.claim.expiresAt) > Date.now() ? question.claim : null;
    const overdue = Date.now() - Date.parse(question.createdAt) > overdueAfterMs;
    const busy = this.inbox.busy.get(id);
    const notice = this.inbox.notices.get(id);
    return html`
      <li part="item" class="item" data-question-id=${id}>
        <div role="heading" aria-level=${Math.min(this.level + 1, 6)} class="item-title">
          <button
            part="toggle"
            class="toggle"
            type="button"
            id="title-${id}"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="details-${id}"
            @click=${() => this.toggle(id)}
          >
            ${question.title}
          </button>
        </div>
        <p part="meta" class="meta">
          <span>${question.topic.name}</span>
          <time
            datetime=${question.createdAt}
            title=${this.localize.dateTime(question.createdAt)}
            class=${overdue ? 'overdue' : ''}
            >${this.t('expertInbox.askedAgo', this.localize.relativeTime(question.createdAt))}</time
          >
          ${overdue ? html`<span part="overdue" class="badge overdue">${this.t('expertInbox.waitingLong')}</span>` : nothing}
        </p>
        ${
          claim
            ? html`<p part="claim" class="claim ${claim.mine ? 'mine' : ''}" id="claim-${id}">
                ${
                  claim.mine
                    ? this.t('expertInbox.claimedByMe', this.time(claim.expiresAt))
                    : this.t('expertInbox.claimedByOther', claim.expert.displayName, this.time(claim.expiresAt))
                }
              </p>`
            : nothing
        }
        ${notice ? html`<div part="notice" class="alert" role="alert"><p>${notice}</p></div>` : nothing}
        <div class="actions">
          ${
            !claim
              ? html`<button
                  part="claim-button"
                  class="button secondary"
                  type="button"
                  aria-describedby="title-${id}"
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${() => this.onClaim(question)}
                >
                  ${busy === 'claim' ? this.t('expertInbox.claiming') : this.t('expertInbox.claim')}
                </button>`
              : nothing
          }
          ${
            claim?.mine
              ? html`<button
                  part="release"
                  class="button secondary"
                  type="button"
                  aria-describedby="title-${id}"
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${() => this.onRelease(question)}
                >
                  ${busy === 'release' ? this.t('expertInbox.releasing') : this.t('expertInbox.release')}
                </button>`
              : nothing
          }
        </div>
        <div part="details" class="details" id="details-${id}" ?hidden=${!open}>
          ${open ? this.renderDetails(question, claim !== null && !claim.mine) : nothing}
        </div>
      </li>
    `;
  }

  private renderDetails(question: InboxQuestion, claimedByOther: boolean) {
    return html`
      <p part="body" class="question-body">${renderUserText(question.body)}</p>
      ${
        claimedByOther
          ? html`<p class="muted">${this.t('expertInbox.claimedByOtherNote')}</p>`
          : this.renderAnswerForm(question)
      }
    `;
  }

  private renderAnswerForm(question: InboxQuestion) {
    const id = question.id;
    const form = this.answers.get(id);
    const { errors } = form;
    const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ');
    const error = (field: string, fieldId: string) =>
      errors[field] ? html`<span id="${fieldId}-error" class="field-error">${errors[field]}</span>` : nothing;
    return html`
      <form
        part="form"
        novalidate
        aria-label=${this.t('expertInbox.form.heading')}
        @submit=${(event: SubmitEvent) => this.onSubmitAnswer(event, question)}
      >
        ${this.renderErrorSummary(id)}
        <div class="field">
          <label for="answer-body-${id}">${this.t('expertInbox.form.body')}</label>
          <span id="answer-body-${id}-hint" class="hint">${this.t('expertInbox.form.bodyHint')}</span>
          ${error('body', `answer-body-${id}`)}
          <textarea
            id="answer-body-${id}"
            name="body"
            rows="8"
            required
            aria-invalid=${errors.body ? 'true' : 'false'}
            aria-describedby=${describedBy(errors.body && `answer-body-${id}-error`, `answer-body-${id}-hint`, `answer-body-${id}-counter`)}
            .value=${form.body}
            @input=${(event: InputEvent) => this.answers.set(id, 'body', (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${renderCharacterCounter(this.localize, `answer-body-${id}-counter`, form.body.length, limits.answerBody)}
        </div>
        <div class="field">
          <label for="answer-source-${id}"
            >${this.t('expertInbox.form.source')} <span class="muted">${this.t('common.optional')}</span></label
          >
          <span id="answer-source-${id}-hint" class="hint">${this.t('expertInbox.form.sourceHint')}</span>
          ${error('sourceUrl', `answer-source-${id}`)}
          <input
            id="answer-source-${id}"
            name="sourceUrl"
            type="url"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            aria-invalid=${errors.sourceUrl ? 'true' : 'false'}
            aria-describedby=${describedBy(errors.sourceUrl && `answer-source-${id}-error`, `answer-source-${id}-hint`)}
            .value=${form.sourceUrl}
            @input=${(event: InputEvent) => this.answers.set(id, 'sourceUrl', (event.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="answer-reviewed-${id}"
            >${this.t('expertInbox.form.reviewedOn')} <span class="muted">${this.t('common.optional')}</span></label
          >
          <span id="answer-reviewed-${id}-hint" class="hint">${this.t('expertInbox.form.reviewedOnHint')}</span>
          ${error('reviewedOn', `answer-reviewed-${id}`)}
          <input
            id="answer-reviewed-${id}"
            name="reviewedOn"
            type="date"
            max=${today()}
            aria-invalid=${errors.reviewedOn ? 'true' : 'false'}
            aria-describedby=${describedBy(errors.reviewedOn && `answer-reviewed-${id}-error`, `answer-reviewed-${id}-hint`)}
            .value=${form.reviewedOn}
            @input=${(event: InputEvent) => this.answers.set(id, 'reviewedOn', (event.target as HTMLInputElement).value)}
          />
        </div>
        ${renderHandOffChoices({
          localize: this.localize,
          idPrefix: `answer-hand-off-${id}`,
          chosen: form.handOff,
          error: errors.handOff,
          onChange: (step: HandOff, chosen: boolean) => this.answers.setHandOff(id, step, chosen),
        })}
        ${renderHoneypot(this.localize, `answer-website-${id}`, this.answers.antiSpam(id))}
        ${
          form.failure
            ? html`<div class="alert" role="alert">
                <p>${messageOf(form.failure, this.t('expertInbox.form.notPosted'))}</p>
                <p>${this.t('expertInbox.form.kept')}</p>
              </div>`
            : nothing
        }
        <button part="submit" class="button" type="submit" aria-disabled=${form.sending ? 'true' : 'false'}>
          ${form.sending ? this.t('expertInbox.form.submitting') : this.t('expertInbox.form.submit')}
        </button>
      </form>
    `;
  }

  private renderErrorSummary(questionId: string) {
    const { errors } = this.answers.get(questionId);
    return renderErrorSummary({
      entries: orderedErrors(errors, [...answerFields.map(([field]) => field), 'handOff']),
      heading: this.t('expertInbox.form.errorSummary'),
      headingId: `error-summary-${questionId}`,
      targetOf: (field) => {
        if (field === 'handOff') return handOffBoxId(`answer-hand-off-${questionId}`, 'APPOINTMENT');
        const prefix = answerFields.find(([name]) => name === field)?.[1];
        return prefix && `${prefix}-${questionId}`;
      },
    });
  }

  private renderMore() {
    const { hasNextPage, loadingMore, moreFailed } = this.inbox;
    return html`
      ${
        moreFailed
          ? html`<div class="alert" role="alert">
              <p>${messageOf(moreFailed, this.t('expertInbox.moreFailed'))}</p>
            </div>`
          : nothing
      }
      ${
        hasNextPage
          ? html`<button
              part="more"
              class="button secondary more"
              type="button"
              aria-disabled=${loadingMore ? 'true' : 'false'}
              @click=${this.onMore}
            >
              ${loadingMore ? this.t('expertInbox.moreLoading') : this.t('expertInbox.more')}
            </button>`
          : nothing
      }
    `;
  }

  private renderError(error: unknown) {
    return html`
      <div class="alert" role="alert">
        <p>${messageOf(error, this.t('expertInbox.failed'))}</p>
        ${
          canRetry(error)
            ? html`<button class="button secondary" type="button" @click=${() => this.inbox.reload()}>
                ${this.t('common.retry')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  /** "14:30". */
  private time(iso: string): string {
    return new Intl.DateTimeFormat(this.localize.locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }

  private toggle(questionId: string, open = !this.expanded.has(questionId)): void {
    const expanded = new Set(this.expanded);
    if (open) expanded.add(questionId);
    else expanded.delete(questionId);
    this.expanded = expanded;
  }

  private async onClaim(question: InboxQuestion): Promise<void> {
    const outcome = await this.inbox.claim(question.id);
    if (outcome === 'ignored') return;
    if (outcome === 'claimed') {
      const claimed = this.inbox.items.find((item) => item.id === question.id)?.claim;
      this.announcement = this.t('expertInbox.claimed', claimed ? this.time(claimed.expiresAt) : '');
      // Picked up to answer: the form opens and the text field gets focus.
      this.toggle(question.id, true);
      await this.updateComplete;
      this.focusIn(question.id, 'textarea');
    } else {
      // The button may be gone (another expert was first): focus stays with the question, its notice is read out.
      await this.updateComplete;
      this.focusFirstIn(question.id, '[part="claim-button"]', '[part="toggle"]');
    }
  }

  private async onRelease(question: InboxQuestion): Promise<void> {
    const outcome = await this.inbox.release(question.id);
    if (outcome === 'ignored') return;
    if (outcome === 'released') this.announcement = this.t('expertInbox.released');
    await this.updateComplete;
    this.focusFirstIn(question.id, '[part="claim-button"]', '[part="release"]', '[part="toggle"]');
  }

  private async onSubmitAnswer(event: SubmitEvent, question: InboxQuestion): Promise<void> {
    event.preventDefault();
    this.inbox.answering(question.id);
    const result = await this.answers.submit(question.id);
    if (result === 'invalid') {
      await this.updateComplete;
      this.focusIn(question.id, '[part="error-summary"]');
    } else if (result === 'posted') {
      const index = this.inbox.items.findIndex((item) => item.id === question.id);
      this.inbox.answered(question.id);
      this.toggle(question.id, false);
      this.announcement = this.t('expertInbox.answered', question.title);
      await this.updateComplete;
      // Focus goes to the next question, else the one before it, else the heading.
      const next = this.inbox.items[index] ?? this.inbox.items[index - 1];
      if (!next || !this.focusIn(next.id, '[part="toggle"]')) this.focusOn('[part="heading"]');
    }
  }

  private async onMore(): Promise<void> {
    const added = await this.inbox.loadMore();
    await this.updateComplete;
    const first = added[0];
    if (first) this.focusIn(first.id, '[part="toggle"]');
  }

  private togglePrivate(questionId: string): void {
    const expanded = new Set(this.expandedPrivate);
    if (!expanded.delete(questionId)) expanded.add(questionId);
    this.expandedPrivate = expanded;
  }

  /** Answered: the question stays where it is, now with the answer, which gets focus; the citizen gets an e-mail. */
  private async onAnswerPrivate(event: SubmitEvent, questionId: string): Promise<void> {
    event.preventDefault();
    const result = await this.privateInbox.submit(questionId);
    await this.updateComplete;
    const item = this.renderRoot.querySelector(`[data-private-id="${CSS.escape(questionId)}"]`);
    if (result === 'invalid') {
      item?.querySelector<HTMLElement>('[part="error-summary"]')?.focus();
    } else if (result === 'answered') {
      void this.announce(this.t('expertInbox.private.sent'));
      const answers = item?.querySelectorAll<HTMLElement>('[part="private-answer"]');
      (answers?.[answers.length - 1] ?? this.focusTarget(`#${privateIds.toggle(questionId)}`))?.focus();
    }
  }

  private async onRemoveSlot(slotId: string): Promise<void> {
    const index = this.agenda.slots.findIndex((slot) => slot.id === slotId);
    const outcome = await this.agenda.remove(slotId);
    if (outcome === 'ignored') return;
    if (outcome === 'removed') void this.announce(this.t('expertInbox.slots.removed'));
    await this.updateComplete;
    // Focus stays in the list: on the time that took its place, the one before it, else the section's heading.
    const { slots } = this.agenda;
    const next = outcome === 'failed' ? slotId : (slots[index] ?? slots[index - 1])?.id;
    const button = next ? this.focusTarget(`[data-slot-id="${CSS.escape(next)}"] [part="slot-remove"]`) : null;
    (button ?? this.focusTarget(`#${agendaIds.slotsHeading}`))?.focus();
  }

  private async onAddTime(): Promise<void> {
    const time = this.agenda.form.time;
    if (this.agenda.addTime()) void this.announce(this.t('expertInbox.slots.timeAdded', time));
    await this.updateComplete;
    this.focusTarget(`#${agendaIds.time}`)?.focus();
  }

  private async onRemoveTime(time: string): Promise<void> {
    this.agenda.removeTime(time);
    await this.updateComplete;
    this.focusTarget(`#${agendaIds.time}`)?.focus();
  }

  private async onPublishSlots(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const result = await this.agenda.publish();
    await this.updateComplete;
    if (result.outcome === 'invalid') {
      this.focusTarget('[part="slot-form"] [part="error-summary"]')?.focus();
    } else if (result.outcome === 'published') {
      void this.announce(this.t('expertInbox.slots.published', result.count));
      this.focusTarget(`#${agendaIds.time}`)?.focus();
    }
  }

  /** Says something through the polite live region; the same words twice (two times removed) are read twice. */
  private async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private focusTarget(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  /** Focuses `selector` inside one question's item; false when it is not there. */
  private focusIn(questionId: string, selector: string): boolean {
    const item = this.renderRoot.querySelector(`[data-question-id="${CSS.escape(questionId)}"]`);
    const target = item?.querySelector<HTMLElement>(selector);
    target?.focus();
    return Boolean(target);
  }

  /** Focuses the first of `selectors` that is there in one question's item. */
  private focusFirstIn(questionId: string, ...selectors: string[]): void {
    for (const selector of selectors) if (this.focusIn(questionId, selector)) return;
  }

  private focusOn(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
