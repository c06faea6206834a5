import { TaskStatus } from '@lit/task';
import { type AnswerNode, type ContentRef, type FlagReason, PleinError } from '@plein/client';
import { type HandOff, limits } from '@plein/schema';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { canRetry, messageOf } from '../../base/errors.ts';
import { PleinElement } from '../../base/plein-element.ts';
import { renderUserText } from '../../base/user-text.ts';
import { AnswerFormController } from '../../controllers/answer-form-controller.ts';
import { FLAG_NOTE_MAX, FlagController, flagKey, flagReasons } from '../../controllers/flag-controller.ts';
import { FollowController } from '../../controllers/follow-controller.ts';
import { HelpfulVotesController } from '../../controllers/helpful-votes-controller.ts';
import { LiveAnswersController } from '../../controllers/live-answers-controller.ts';
import { editFields, type EditFields, OwnerActionsController } from '../../controllers/owner-actions-controller.ts';
import { SessionController } from '../../controllers/session-controller.ts';
import { ThreadController, type ThreadQuestion } from '../../controllers/thread-controller.ts';
import { PleinAnswerPostedEvent } from '../../events/answer-posted.ts';
import { type ContactRequestChannel, requestContact } from '../../events/contact-request.ts';
import { PleinQuestionDeletedEvent } from '../../events/question-deleted.ts';
import { expertLines, formatDate } from '../expert/expert-card.ts';
import { expertHrefFor, routeExpertOpen } from '../expert/expert-link.ts';
import { handOffBoxId, handOffChannels, renderHandOffButtons, renderHandOffChoices } from './hand-off.ts';
import { handOffStyles } from './hand-off.styles.ts';
import { renderHoneypot } from '../../form/anti-spam.ts';
import { renderCharacterCounter } from '../../form/character-counter.ts';
import { orderedErrors, renderErrorSummary } from '../../form/error-summary.ts';
import { personalDataStyles } from '../../form/personal-data-panel.ts';
import { choiceStyles } from '../../styles/choice.styles.ts';
import { errorSummaryStyles } from '../../styles/error-summary.styles.ts';
import { questionFlagStyles } from './question-flag.styles.ts';
import { questionStyles } from './question.styles.ts';
import { antiSpam } from '../../localize/nl/anti-spam.ts';
import { common } from '../../localize/nl/common.ts';
import { question } from '../../localize/nl/question.ts';
import { expertCard } from '../../localize/nl/expert.ts';
import { handOff } from '../../localize/nl/hand-off.ts';

/** The form's fields by the name the server uses for them in a UserError, in the order of the form. */
const fieldIds = new Map([
  ['body', 'answer-body'],
  ['displayName', 'answer-name'],
  ['handOff', handOffBoxId('answer-hand-off', 'APPOINTMENT')],
]);

/** What a thread exports of an expert's profile opened under an answer. */
const expertProfileExportparts = 'profile: expert-profile-card, name: expert-profile-name';

/** The source's address when it is a web page, and the name of its site to show ("wetten.overheid.nl"). */
function sourceOf(url: string | null | undefined): { href: string; site: string } | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return { href: parsed.href, site: parsed.hostname.replace(/^www\./, '') };
  } catch {
    return undefined;
  }
}

/**
 * @summary One thread: the question, its answers (the asker's chosen answer first, then expert answers, marked), a
 * "Nuttig" vote per answer, "Volg deze vraag" by e-mail, and a form to answer that never loses what was typed. New
 * answers appear while the thread is open. On the device it was asked from, the asker can change the question (for
 * 15 minutes), delete it, mark it resolved and choose the answer that helped; held posts show "Wacht op controle" to
 * their writer only, and a question a moderator hid or rejected says so to its asker, with the reason. Anyone can
 * report the question or an answer ("Melden"). User text is shown as text; web addresses in it become links.
 *
 * @fires plein-answer-posted - An answer from this form was posted. `questionId` and `answerId` say which.
 * @fires plein-question-deleted - The asker deleted the question. `questionId` says which.
 * @fires plein-contact-request - "Maak een afspraak" or "Stel uw vraag privé" under an expert answer is used.
 *   `topic` (the question's topic) and `channel` say what to open. Cancelable: a `<plein-contact>` on the page takes it
 *   (or the host, to route itself); when nothing does and the page has no `<plein-contact>`, one opens under the answer.
 * @fires plein-expert-open - The link to an expert's profile under an answer is used. Cancelable: call
 *   `preventDefault()` to route yourself; otherwise `expert-href` is followed, or the profile opens under the answer.
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
 * @csspart expert-link - "Profiel van …" under an expert's name: a link with `expert-href`, else a button that shows
 *   the profile under the answer.
 * @csspart expert-profile - The expert's profile shown under the answer (a `<plein-expert>`; its `profile` and `name`
 *   parts are exported as `expert-profile-card` and `expert-profile-name`).
 * @csspart answer-source - "Bron: wetten.overheid.nl" under an expert answer, a link to the full address.
 * @csspart answer-reviewed - "Gecontroleerd op 12 november 2026" under an expert answer.
 * @csspart expert-note - The short note under every expert answer that it is general information, not personal
 *   legal advice.
 * @csspart hand-off - Under an expert answer with next steps: "Uw situatie vraagt om persoonlijk advies." and its
 *   buttons.
 * @csspart hand-off-button - "Maak een afspraak" or "Stel uw vraag privé" under an expert answer.
 * @csspart hand-off-contact - The `<plein-contact>` opened under the answer on a page without one of its own.
 * @csspart hand-off-choices - For a signed-in expert, in the answer form: "Volgende stap voor de inwoner" with a
 *   checkbox per next step.
 * @csspart answer-body - An answer's text.
 * @csspart more - The "load more answers" button.
 * @csspart form - The answer form.
 * @csspart error-summary - The list of problems above the form after a submit.
 * @csspart submit - The "post answer" button.
 * @csspart held-notice - "Wacht op controle" with its explanation, on a question only its asker sees.
 * @csspart moderation-notice - "Verborgen door een moderator" or "Afgewezen door een moderator: …" with the reason and
 *   what it means, on a question only its asker sees.
 * @csspart flag - The "Melden" button under the question and each answer ("Gemeld" once this browser reported it).
 * @csspart flag-form - The small form it opens: a reason, an optional note, "Verstuur melding" and "Annuleren".
 * @csspart flag-submit - Its "Verstuur melding" button.
 * @csspart flag-cancel - Its "Annuleren" button.
 * @csspart held-answer - An answer written on this device that waits for a moderator (it also has the `answer` part).
 * @csspart new-answer - An answer that arrived while the thread was open (it also has the `answer` part).
 * @csspart answer-actions - The buttons under an answer.
 * @csspart helpful - The "Nuttig" toggle button of an answer.
 * @csspart helpful-count - How many people found an answer helpful.
 * @csspart accept - The asker's "Dit antwoord heeft mij geholpen" button.
 * @csspart owner-actions - The asker's own panel: "Bewerken", "Mijn vraag is opgelost", "Verwijderen".
 * @csspart edit - The "Bewerken" button.
 * @csspart edit-form - The form to change the question.
 * @csspart resolve - The "Mijn vraag is opgelost" button.
 * @csspart delete - The "Verwijderen" button.
 * @csspart delete-confirm - The confirmation step before a question is deleted.
 * @csspart removed - The message after the asker deleted the question.
 * @csspart back - The way back after a delete (a link with `back-href`).
 * @csspart follow - The "Volg deze vraag" section.
 * @csspart follow-form - Its form with the e-mail field.
 * @csspart follow-submit - Its button.
 * @csspart announcer - The polite live region that says a new answer arrived (visually hidden).
 *
 * @cssstate live - New answers arrive over a live connection.
 * @cssstate polling - No live connection: the thread looks for new answers every `poll-interval` seconds.
 * @csspart counter - The character counter under a field.
 * @csspart edit-save - The button that saves a changed question.
 * @csspart edit-cancel - The button that stops changing the question.
 * @csspart delete-yes - The button that confirms deleting the question.
 * @csspart delete-no - The button that keeps the question.
 * @csspart expert-profile-card - The card of the expert's profile under an answer (`profile` of `<plein-expert>`).
 * @csspart expert-profile-name - The name on that card (`name` of `<plein-expert>`).
 * @csspart personal-data - Under the answer field and the fields to change the question: what the personal-data check found.
 * @csspart personal-data-warning - Its box "Let op: dit lijkt persoonlijke informatie", with the list and why.
 * @csspart personal-data-list - The list of what was found.
 * @csspart personal-data-item - One thing found: its kind, the text, and a button.
 * @csspart personal-data-remove - A "Verwijder dit voor mij" button.
 * @csspart personal-data-remove-all - The "Verwijder alles" button.
 * @csspart health-note - The note that medical details are not needed.
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
 * @cssproperty --plein-warning-color - The line beside the personal-data warning and the health note.
 * @cssproperty --plein-focus-inverse-color - The focus ring's inner edge, for dark backgrounds.
 * @cssproperty --plein-line-height - Line height.
 */
export class PleinQuestion extends PleinElement {
  static override styles = [
    ...PleinElement.styles,
    personalDataStyles,
    choiceStyles,
    errorSummaryStyles,
    questionStyles,
    questionFlagStyles,
    handOffStyles,
  ];

  static override strings = { ...common, ...question, ...expertCard, ...antiSpam, ...handOff };

  /** The id of the question to show. */
  @property({ attribute: 'question-id', reflect: true }) questionId = '';

  /** The heading level of the question's title (2 to 6), to fit the host page's outline; the sections go one lower. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * Seconds between two looks for new answers when no live connection can be made (default 30). Values under
   * `PleinQuestion.minimumPollInterval` (5) are raised to it, so a page cannot flood the community by mistake.
   */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30;

  /** Where "Terug naar alle vragen" leads after the asker deleted the question, such as `/vragen`. */
  @property({ attribute: 'back-href' }) backHref?: string;

  /**
   * A link pattern for an expert's profile page, such as `/expert/{id}`. Without it "Profiel van …" shows the profile
   * under the answer.
   */
  @property({ attribute: 'expert-href' }) expertHref?: string;

  /** The shortest `poll-interval` in seconds. Tests and demos may lower it; a host page should not need to. */
  static minimumPollInterval = 5;

  /** What the polite live region says: new answers and the result of a vote or an action. */
  @state() private announcement = '';

  /** The answers under which the expert's profile is shown. */
  @state() private openProfiles: ReadonlySet<string> = new Set();

  /** A `<plein-contact>` opened under an answer, on a page that has none of its own. */
  @state() private inlineContact?: { answerId: string; topic: string; channel: ContactRequestChannel };

  /** Whether the answer this form posted last waits for a moderator. */
  private postedHeld = false;
  private arrivals: AnswerNode[] = [];

  private readonly thread = new ThreadController(this, () => ({ client: this.client, questionId: this.questionId }));

  private readonly live = new LiveAnswersController(
    this,
    () => ({
      client: this.client,
      questionId: this.questionId,
      enabled:
        this.thread.status === TaskStatus.COMPLETE &&
        this.thread.question?.publication === 'PUBLISHED' &&
        !this.thread.removed,
      pollIntervalMs: Math.max(Number(this.pollInterval) || 30, PleinQuestion.minimumPollInterval) * 1000,
      knownAnswerIds: () => this.thread.answers.map((answer) => answer.id),
      knownTotal: () => this.thread.totalCount,
    }),
    (answer) => this.onAnswerArrived(answer),
  );

  private readonly owner = new OwnerActionsController(
    this,
    this.localize,
    () => ({ client: this.client, questionId: this.questionId, question: this.thread.question }),
    (changed) => this.thread.apply(changed),
  );

  private readonly votes = new HelpfulVotesController(this, this.localize, () => this.client);

  private readonly follow = new FollowController(this, this.localize, () => ({
    client: this.client,
    questionId: this.questionId,
  }));

  private readonly flags = new FlagController(this, this.localize, () => ({
    client: this.client,
    questionId: this.questionId,
  }));

  private internals?: ElementInternals;

  constructor() {
    super();
    try {
      this.internals = this.attachInternals();
    } catch {
      // No custom states in this browser: the element works the same without them.
    }
  }

  /** How new answers reach this thread right now: `live`, `polling`, `connecting`, or undefined when it does not follow. */
  get liveStatus() {
    return this.live.status;
  }

  private readonly sessions = new SessionController(this, () => this.client);

  private readonly form = new AnswerFormController(
    this,
    this.localize,
    () => ({ client: this.client, questionId: this.questionId }),
    () => this.writesAsExpert,
  );

  /** A signed-in expert answers as one: their form offers next steps for the citizen. */
  private get writesAsExpert(): boolean {
    const viewer = this.sessions.session?.viewer;
    return Boolean(viewer?.roles.includes('EXPERT') && viewer.expertId);
  }

  protected override render() {
    if (!this.client) return this.renderNotConfigured();
    if (!this.questionId) {
      return html`<div class="root"><p class="alert" role="alert">${this.t('question.noId')}</p></div>`;
    }
    const { status, question } = this.thread;
    if (status === TaskStatus.ERROR) return this.renderLoadError(this.thread.error);
    if (this.thread.removed) return this.renderRemoved();
    if (status !== TaskStatus.COMPLETE || !question) {
      return html`<div class="root"><p class="loading" aria-busy="true">${this.t('question.loading')}</p></div>`;
    }
    // A held question is seen by its asker only: nobody can answer or follow it until a moderator publishes it.
    const published = question.publication === 'PUBLISHED';
    return html`
      <article class="root" aria-labelledby="title">
        ${this.renderQuestion(question)} ${this.owner.owns ? this.renderOwnerPanel(question) : nothing}
        ${published ? html`${this.renderAnswers()} ${this.renderFollow()} ${this.renderForm()}` : nothing}
        <div part="announcer" class="visually-hidden" role="status">${this.announcement}</div>
      </article>
    `;
  }

  protected override updated(): void {
    const states = this.internals?.states;
    if (!states) return;
    for (const name of ['live', 'polling'] as const) {
      try {
        if (this.live.status === name) states.add(name);
        else states.delete(name);
      } catch {
        // Older browsers accept only `--name` custom states; the element works the same without them.
      }
    }
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
          <bdi>${question.title}</bdi>
        </div>
        <p part="meta" class="meta">
          <span>${question.topic.name}</span>
          <span>${this.t('common.askedBy', question.author.displayName)}</span>
          ${this.renderTime(question.createdAt)}
          ${question.editedAt ? html`<span class="edited">${this.t('question.edited')}</span>` : nothing}
          ${this.renderQuestionBadge(question)}
        </p>
        ${this.renderPublicationNotice(question)}
        <p part="body" class="text">${renderUserText(question.body)}</p>
        ${
          // The asker does not report their own question; nobody reports what others cannot see.
          question.publication === 'PUBLISHED' && !this.owner.owns
            ? html`<div class="flag-line">
                ${this.renderFlag({ kind: 'QUESTION', id: question.id }, this.t('question.flag.thisQuestion'), this.sectionLevel)}
              </div>`
            : nothing
        }
      </header>
    `;
  }

  /** The status, or for the asker what a moderator decided: "Wacht op controle", "Verborgen…", "Afgewezen…". */
  private renderQuestionBadge(question: ThreadQuestion) {
    switch (question.publication) {
      case 'HELD':
        return html`<span part="badge" class="badge held">${this.t('question.held')}</span>`;
      case 'HIDDEN':
        return html`<span part="badge" class="badge hidden">${this.t('question.hidden')}</span>`;
      case 'REJECTED':
        return html`<span part="badge" class="badge rejected">${this.t('question.rejected')}</span>`;
      default:
        return html`<span part="badge" class="badge status ${question.status === 'RESOLVED' ? 'resolved' : ''}"
          >${this.t(`common.status.${question.status}`)}</span
        >`;
    }
  }

  /**
   * Why others cannot see the question: only its asker gets it from the server (through the owner token), with the
   * moderator's reason when there is one. The reason is a moderator's text: shown as text.
   */
  private renderPublicationNotice(question: ThreadQuestion) {
    const reason = question.moderationReason?.trim();
    switch (question.publication) {
      case 'HELD':
        return html`<div part="held-notice" class="notice held">
          <p class="notice-heading">${this.t('question.held')}</p>
          <p>${this.t('question.heldQuestion')}</p>
        </div>`;
      case 'HIDDEN':
        return html`<div part="moderation-notice" class="notice hidden">
          <p class="notice-heading">${this.t('question.hidden')}</p>
          ${reason ? html`<p class="moderation-reason">${this.t('question.moderationReason', reason)}</p>` : nothing}
          <p>${this.t('question.hiddenQuestion')}</p>
        </div>`;
      case 'REJECTED':
        return html`<div part="moderation-notice" class="notice rejected">
          <p class="notice-heading">
            ${reason ? this.t('question.rejectedWithReason', reason) : this.t('question.rejected')}
          </p>
          <p>${this.t('question.rejectedQuestion')}</p>
        </div>`;
      default:
        return nothing;
    }
  }

  /**
   * "Melden" and, once used, its small form right below it: in the reading order next to what it reports, not a
   * modal. After sending, the button says "Gemeld" (this browser remembers it) and keeps focus.
   */
  private renderFlag(content: ContentRef, context: string, level: number) {
    const key = flagKey(content);
    const flagged = this.flags.hasFlagged(content);
    const open = !flagged && this.flags.isOpen(content);
    return html`
      <button
        part="flag"
        id="flag-button-${key}"
        class="button secondary flag"
        type="button"
        aria-disabled=${flagged ? 'true' : 'false'}
        aria-expanded=${flagged ? nothing : open ? 'true' : 'false'}
        aria-controls=${open ? `flag-form-${key}` : nothing}
        @click=${() => this.onFlag(content)}
      >
        ${flagged ? this.t('question.flagged') : this.t('question.flag')}<span class="visually-hidden">
          (${context})</span
        >
      </button>
      ${open ? this.renderFlagForm(content, level) : nothing}
    `;
  }

  /** `level`: the form's heading level, one below the heading of what it reports. */
  private renderFlagForm(content: ContentRef, level: number) {
    const key = flagKey(content);
    const { reason, note, errors, failure, sending } = this.flags;
    const noteDescribedBy = [errors.note && 'flag-note-error', 'flag-note-hint', 'flag-note-counter'].filter(Boolean);
    return html`
      <form
        part="flag-form"
        id="flag-form-${key}"
        class="flag-form"
        novalidate
        aria-labelledby="flag-heading"
        @submit=${(event: SubmitEvent) => this.onSendFlag(event, content)}
        @keydown=${(event: KeyboardEvent) => this.onFlagKeydown(event, content)}
      >
        <div role="heading" aria-level=${level} id="flag-heading" class="subheading">
          ${this.t('question.flag.heading')}
        </div>
        <p class="hint">${this.t('question.flag.intro')}</p>
        <fieldset class="choices" aria-describedby=${errors.reason ? 'flag-reason-error' : nothing}>
          <legend>${this.t('question.flag.reason')}</legend>
          ${errors.reason ? html`<span id="flag-reason-error" class="field-error">${errors.reason}</span>` : nothing}
          ${flagReasons.map(
            (choice) =>
              html`<div class="choice">
                <input
                  id="flag-reason-${choice}"
                  type="radio"
                  name="flag-reason"
                  value=${choice}
                  .checked=${reason === choice}
                  @change=${() => this.flags.setReason(choice)}
                />
                <label for="flag-reason-${choice}">${this.t(`question.flag.reason.${choice}`)}</label>
              </div>`,
          )}
        </fieldset>
        <div class="field">
          <label for="flag-note"
            >${this.t('question.flag.note')} <span class="muted">${this.t('common.optional')}</span></label
          >
          <span id="flag-note-hint" class="hint">${this.t('question.flag.noteHint')}</span>
          ${errors.note ? html`<span id="flag-note-error" class="field-error">${errors.note}</span>` : nothing}
          <textarea
            id="flag-note"
            name="note"
            rows="3"
            aria-invalid=${errors.note ? 'true' : 'false'}
            aria-describedby=${noteDescribedBy.join(' ')}
            .value=${note}
            @input=${(event: InputEvent) => this.flags.setNote((event.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${renderCharacterCounter(this.localize, 'flag-note-counter', note.length, { max: FLAG_NOTE_MAX })}
        </div>
        ${
          failure
            ? html`<div class="alert" role="alert">
                <p>${failure}</p>
                <p>${this.t('question.flag.kept')}</p>
              </div>`
            : nothing
        }
        <div class="actions">
          <button part="flag-submit" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? this.t('question.flag.submitting') : this.t('question.flag.submit')}
          </button>
          <button part="flag-cancel" class="button secondary" type="button" @click=${() => this.onCancelFlag(content)}>
            ${this.t('question.flag.cancel')}
          </button>
        </div>
      </form>
    `;
  }

  /** The asker's own panel, on the device the question was asked from. */
  private renderOwnerPanel(question: ThreadQuestion) {
    const { editing, confirmingDelete, busy, failure } = this.owner;
    const canEdit = this.owner.canEdit;
    const held = question.publication !== 'PUBLISHED';
    const until = new Intl.DateTimeFormat(this.localize.locale, { timeStyle: 'short' }).format(
      new Date(question.editableUntil),
    );
    const resolveFailed = failure?.action === 'resolve';
    return html`
      <section part="owner-actions" class="owner" aria-labelledby="owner-heading">
        <div role="heading" aria-level=${this.sectionLevel} id="owner-heading" class="section-heading" tabindex="-1">
          ${this.t('question.owner.heading')}
        </div>
        <p class="muted">${this.t('question.owner.intro')}</p>
        ${
          editing
            ? this.renderEditForm()
            : confirmingDelete
              ? this.renderDeleteConfirm()
              : html`
                  ${canEdit ? html`<p id="edit-until" class="hint">${this.t('question.owner.editUntil', until)}</p>` : nothing}
                  <div class="actions">
                    ${
                      canEdit
                        ? html`<button
                            part="edit"
                            id="edit"
                            class="button secondary"
                            type="button"
                            aria-describedby="edit-until"
                            @click=${this.onEdit}
                          >
                            ${this.t('question.owner.edit')}
                          </button>`
                        : nothing
                    }
                    ${
                      !held && question.status !== 'RESOLVED'
                        ? html`<button
                            part="resolve"
                            id="resolve"
                            class="button secondary"
                            type="button"
                            aria-disabled=${busy === 'resolve' ? 'true' : 'false'}
                            @click=${this.onResolve}
                          >
                            ${busy === 'resolve' ? this.t('question.owner.resolving') : this.t('question.owner.resolve')}
                          </button>`
                        : nothing
                    }
                    <button part="delete" id="delete" class="button secondary" type="button" @click=${this.onAskDelete}>
                      ${this.t('question.owner.delete')}
                    </button>
                  </div>
                  ${
                    question.status === 'RESOLVED'
                      ? html`<p id="resolved-note" class="resolved-note" tabindex="-1">
                          ${this.t('question.owner.resolved')}
                        </p>`
                      : nothing
                  }
                  ${resolveFailed ? html`<div class="alert" role="alert"><p>${failure.message}</p></div>` : nothing}
                `
        }
      </section>
    `;
  }

  /** Changes the question in place; a failure keeps every character typed. */
  private renderEditForm() {
    const { fields, errors, busy, failure, topics, topicsFailed } = this.owner;
    const saving = busy === 'edit';
    const level = Math.min(this.sectionLevel + 1, 6);
    const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ');
    const error = (field: keyof EditFields) =>
      errors[field] ? html`<span id="edit-${field}-error" class="field-error">${errors[field]}</span>` : nothing;
    const choices = topics ?? [this.thread.question!.topic];
    return html`
      <form part="edit-form" class="edit-form" novalidate aria-labelledby="edit-heading" @submit=${this.onSaveEdit}>
        <div role="heading" aria-level=${level} id="edit-heading" class="subheading">
          ${this.t('question.edit.heading')}
        </div>
        <div class="field">
          <label for="edit-title">${this.t('question.edit.title')}</label>
          ${error('title')}
          <input
            id="edit-title"
            name="title"
            type="text"
            autocomplete="off"
            aria-invalid=${errors.title ? 'true' : 'false'}
            aria-describedby=${describedBy(errors.title && 'edit-title-error', 'edit-title-counter')}
            .value=${fields.title}
            @input=${(event: InputEvent) => this.owner.setField('title', (event.target as HTMLInputElement).value)}
          />
          ${renderCharacterCounter(this.localize, 'edit-title-counter', fields.title.length, limits.questionTitle)}
        </div>
        <div class="field">
          <label for="edit-topic">${this.t('question.edit.topic')}</label>
          ${topicsFailed ? html`<span id="edit-topic-hint" class="hint">${this.t('question.edit.topicsFailed')}</span>` : nothing}
          ${error('topic')}
          <select
            id="edit-topic"
            name="topic"
            aria-invalid=${errors.topic ? 'true' : 'false'}
            aria-describedby=${describedBy(errors.topic && 'edit-topic-error', topicsFailed && 'edit-topic-hint')}
            @change=${(event: Event) => this.owner.setField('topic', (event.target as HTMLSelectElement).value)}
          >
            ${choices.map(
              (topic) =>
                html`<option value=${topic.slug} ?selected=${topic.slug === fields.topic}>${topic.name}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="edit-body">${this.t('question.edit.body')}</label>
          <span id="edit-body-hint" class="hint">${this.t('question.edit.bodyHint')}</span>
          ${error('body')}
          <textarea
            id="edit-body"
            name="body"
            rows="6"
            aria-invalid=${errors.body ? 'true' : 'false'}
            aria-describedby=${describedBy(errors.body && 'edit-body-error', 'edit-body-hint', 'edit-body-counter')}
            .value=${fields.body}
            @input=${(event: InputEvent) => this.owner.setField('body', (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${renderCharacterCounter(this.localize, 'edit-body-counter', fields.body.length, limits.questionBody)}
        </div>
        ${
          failure?.action === 'edit'
            ? html`<div class="alert" role="alert">
                <p>${failure.message}</p>
                <p>${this.t('question.edit.kept')}</p>
              </div>`
            : nothing
        }
        <div class="actions">
          <button
            part="edit-save"
            id="edit-save"
            class="button"
            type="submit"
            aria-disabled=${saving ? 'true' : 'false'}
          >
            ${saving ? this.t('question.edit.saving') : this.t('question.edit.save')}
          </button>
          <button
            part="edit-cancel"
            id="edit-cancel"
            class="button secondary"
            type="button"
            @click=${this.onCancelEdit}
          >
            ${this.t('question.edit.cancel')}
          </button>
        </div>
      </form>
    `;
  }

  /**
   * An inline confirmation rather than a modal <dialog>: it stays in the reading order next to the button that
   * opened it, works the same inside any host page (no top layer, no focus trap to get wrong), and "Nee" puts focus
   * back where it was.
   */
  private renderDeleteConfirm() {
    const { busy, failure } = this.owner;
    const deleting = busy === 'delete';
    return html`
      <div
        part="delete-confirm"
        id="delete-confirm"
        class="confirm"
        role="group"
        aria-labelledby="delete-question"
        tabindex="-1"
      >
        <p id="delete-question" class="confirm-question">${this.t('question.owner.deleteQuestion')}</p>
        ${failure?.action === 'delete' ? html`<div class="alert" role="alert"><p>${failure.message}</p></div>` : nothing}
        <div class="actions">
          <button
            part="delete-yes"
            id="delete-yes"
            class="button danger"
            type="button"
            aria-disabled=${deleting ? 'true' : 'false'}
            @click=${this.onConfirmDelete}
          >
            ${deleting ? this.t('question.owner.deleting') : this.t('question.owner.deleteYes')}
          </button>
          <button part="delete-no" id="delete-no" class="button secondary" type="button" @click=${this.onCancelDelete}>
            ${this.t('question.owner.deleteNo')}
          </button>
        </div>
      </div>
    `;
  }

  /** After a delete: what happened, and the way back. */
  private renderRemoved() {
    // Inside another Plein element (the list opens threads in place) that element has its own way back.
    const standalone = this.getRootNode() === document && history.length > 1;
    return html`
      <div class="root">
        <div part="removed" id="removed" class="alert success removed" tabindex="-1">
          <p class="removed-heading">${this.t('question.owner.deleted')}</p>
          <p>${this.t('question.owner.deletedText')}</p>
          ${
            this.backHref
              ? html`<p><a part="back" href=${this.backHref}>${this.t('question.owner.back')}</a></p>`
              : standalone
                ? html`<p>
                    <button part="back" class="link-button" type="button" @click=${() => history.back()}>
                      ${this.t('question.owner.goBack')}
                    </button>
                  </p>`
                : nothing
          }
        </div>
      </div>
    `;
  }

  /** "Volg deze vraag": one e-mail field; nothing is sent until the address is confirmed (double opt-in). */
  private renderFollow() {
    const { email, error, failure, sending, sent } = this.follow;
    return html`
      <section part="follow" class="follow" aria-labelledby="follow-heading">
        <div role="heading" aria-level=${this.sectionLevel} id="follow-heading" class="section-heading">
          ${this.t('question.follow.heading')}
        </div>
        ${
          sent
            ? html`<p id="follow-sent" class="alert success" tabindex="-1">${this.t('question.follow.sent')}</p>`
            : html`<form part="follow-form" novalidate aria-labelledby="follow-heading" @submit=${this.onFollow}>
                <p>${this.t('question.follow.intro')}</p>
                <div class="field">
                  <label for="follow-email">${this.t('question.follow.email')}</label>
                  <span id="follow-email-hint" class="hint">${this.t('question.follow.privacy')}</span>
                  <span id="follow-email-confirm" class="hint">${this.t('question.follow.confirmNote')}</span>
                  ${error ? html`<span id="follow-email-error" class="field-error">${error}</span>` : nothing}
                  <input
                    id="follow-email"
                    name="email"
                    type="email"
                    autocomplete="email"
                    spellcheck="false"
                    aria-invalid=${error ? 'true' : 'false'}
                    aria-describedby=${[error && 'follow-email-error', 'follow-email-hint', 'follow-email-confirm']
                      .filter(Boolean)
                      .join(' ')}
                    .value=${email}
                    @input=${(event: InputEvent) => this.follow.setEmail((event.target as HTMLInputElement).value)}
                  />
                </div>
                ${
                  failure
                    ? html`<div class="alert" role="alert">
                        <p>${failure}</p>
                        <p>${this.t('question.follow.kept')}</p>
                      </div>`
                    : nothing
                }
                <button
                  part="follow-submit"
                  id="follow-submit"
                  class="button secondary"
                  type="submit"
                  aria-disabled=${sending ? 'true' : 'false'}
                >
                  ${sending ? this.t('question.follow.submitting') : this.t('question.follow.submit')}
                </button>
              </form>`
        }
      </section>
    `;
  }

  private renderTime(iso: string) {
    return html`<time datetime=${iso} title=${this.localize.dateTime(iso)}>${this.localize.relativeTime(iso)}</time>`;
  }

  private renderAnswers() {
    const { answers, heldAnswers, totalCount } = this.thread;
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
          answers.length === 0 && heldAnswers.length === 0
            ? html`<p class="empty">${this.t('question.noAnswers')}</p>`
            : nothing
        }
        ${
          // Keyed by id: an answer that arrives above the one in focus must not take over its DOM (and focus).
          answers.length + heldAnswers.length > 0
            ? html`<ol class="answer-list">
                ${repeat(
                  [...answers, ...heldAnswers],
                  (answer) => answer.id,
                  (answer) => this.renderAnswer(answer),
                )}
              </ol>`
            : nothing
        }
        ${this.renderMore()}
      </section>
    `;
  }

  private renderAnswer(answer: AnswerNode) {
    // A professional's answer: the note, source and profile link belong to it. The mark and the place among the
    // expert answers only with a current verification: the server says so with `verified`, and it drops by itself.
    const professional = answer.author.role === 'EXPERT' ? answer.author.expert : null;
    const expert = professional?.verified ? professional : null;
    const held = answer.publication === 'HELD';
    const isNew = this.thread.arrived.has(answer.id);
    const parts = ['answer', expert && 'expert-answer', held && 'held-answer', isNew && 'new-answer'];
    return html`
      <li
        part=${parts.filter(Boolean).join(' ')}
        class="answer ${expert ? 'expert' : ''} ${answer.isAccepted ? 'accepted' : ''} ${held ? 'held' : ''}"
        data-answer-id=${answer.id}
        ?data-expert=${Boolean(expert)}
        ?data-accepted=${answer.isAccepted}
        ?data-held=${held}
        ?data-new=${isNew}
        tabindex="-1"
      >
        ${
          expert || answer.isAccepted || held || isNew
            ? html`<p class="badges">
                ${isNew ? html`<span part="badge" class="badge new">${this.t('question.new')}</span>` : nothing}
                ${held ? html`<span part="badge" class="badge held">${this.t('question.held')}</span>` : nothing}
                ${
                  expert
                    ? html`<span part="badge" class="badge expert verified"
                        >${this.t('common.expert')}<span class="visually-hidden">
                          ${this.t('question.expert.verified')}</span
                        ></span
                      >`
                    : nothing
                }
                ${
                  answer.isAccepted
                    ? html`<span part="badge" class="badge accepted">${this.t('question.accepted')}</span>`
                    : nothing
                }
              </p>`
            : nothing
        }
        ${held ? html`<p class="held-note">${this.t('question.heldAnswer')}</p>` : nothing}
        <p part="answer-author" class="author">
          <span class="name">${answer.author.displayName}</span>
          ${professional ? this.renderExpertLines(professional) : nothing}
        </p>
        ${professional ? this.renderExpertLink(answer, professional) : nothing}
        <p part="answer-body" class="text">${renderUserText(answer.body)}</p>
        ${professional ? this.renderExpertSource(answer) : nothing}
        ${professional && answer.handOff?.length ? this.renderHandOff(answer) : nothing}
        <p class="meta">${this.renderTime(answer.createdAt)}</p>
        ${held ? nothing : this.renderAnswerActions(answer)}
      </li>
    `;
  }

  /** "Nuttig" for everyone (one vote per device), and for the asker "Dit antwoord heeft mij geholpen". */
  private renderAnswerActions(answer: AnswerNode) {
    const voted = this.votes.hasVoted(answer.id);
    const voting = this.votes.isSending(answer.id);
    const countId = `helpful-count-${answer.id}`;
    const whose = html`<span class="visually-hidden"
      >(${this.t('question.answerBy', answer.author.displayName)})</span
    >`;
    const { busy, acceptingId, failure } = this.owner;
    const canAccept = this.owner.owns && !answer.isAccepted;
    const voteFailure = this.votes.failure?.answerId === answer.id ? this.votes.failure.message : undefined;
    const acceptFailure = failure?.action === 'accept' && failure.answerId === answer.id ? failure.message : undefined;
    return html`
      <div part="answer-actions" class="answer-actions">
        <button
          part="helpful"
          class="button secondary helpful"
          type="button"
          aria-pressed=${voted ? 'true' : 'false'}
          aria-disabled=${voting ? 'true' : 'false'}
          aria-describedby=${answer.helpfulCount > 0 ? countId : nothing}
          @click=${() => this.onHelpful(answer.id)}
        >
          ${this.t('question.helpful')} ${whose}
        </button>
        ${
          answer.helpfulCount > 0
            ? html`<span part="helpful-count" id=${countId} class="helpful-count"
                >${this.t('question.helpful.count', answer.helpfulCount)}</span
              >`
            : nothing
        }
        ${
          canAccept
            ? html`<button
                part="accept"
                class="button secondary accept"
                type="button"
                aria-disabled=${busy === 'accept' ? 'true' : 'false'}
                @click=${() => this.onAccept(answer.id)}
              >
                ${acceptingId === answer.id ? this.t('question.owner.accepting') : this.t('question.owner.accept')}
                ${whose}
              </button>`
            : nothing
        }
        ${this.renderFlag(
          { kind: 'ANSWER', id: answer.id },
          this.t('question.answerBy', answer.author.displayName),
          Math.min(this.sectionLevel + 1, 6),
        )}
      </div>
      ${
        voteFailure || acceptFailure
          ? html`<div class="alert" role="alert"><p>${voteFailure ?? acceptFailure}</p></div>`
          : nothing
      }
    `;
  }

  /**
   * Role and independence in plain words, as on the expert's profile: a citizen must see at once whether an expert
   * works for UWV or the city.
   */
  private renderExpertLines(expert: NonNullable<AnswerNode['author']['expert']>) {
    const { role, independence } = expertLines(this.localize, expert);
    return html`
      ${role ? html`<span class="role">${role}</span>` : nothing}
      ${independence ? html`<span class="independence">${independence}</span>` : nothing}
    `;
  }

  /**
   * "Profiel van …": a link to the host's profile page with `expert-href`; otherwise a button that shows the profile
   * right under the answer (and hides it again), so the reader keeps their place in the thread.
   */
  private renderExpertLink(answer: AnswerNode, expert: NonNullable<AnswerNode['author']['expert']>) {
    const label = this.t('expert.profileOf', expert.displayName);
    const href = expertHrefFor(this.expertHref, expert.id);
    if (href) {
      return html`<p class="expert-link-line">
        <a
          part="expert-link"
          class="expert-link"
          href=${href}
          @click=${(event: MouseEvent) => this.onExpertLink(event, answer, expert)}
          >${label}</a
        >
      </p>`;
    }
    const open = this.openProfiles.has(answer.id);
    const profileId = `expert-profile-${answer.id}`;
    return html`
      <p class="expert-link-line">
        <button
          part="expert-link"
          class="link-button expert-link"
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${open ? profileId : nothing}
          @click=${(event: MouseEvent) => this.onExpertLink(event, answer, expert)}
        >
          ${label}
        </button>
      </p>
      ${
        open
          ? html`<div id=${profileId} part="expert-profile" class="expert-profile">
              <plein-expert
                expert-id=${expert.id}
                .endpoint=${this.endpoint}
                .community=${this.community}
                lang=${this.localize.locale}
                heading-level=${Math.min(this.sectionLevel + 1, 6)}
                exportparts=${expertProfileExportparts}
              ></plein-expert>
            </div>`
          : nothing
      }
    `;
  }

  /** Where the expert's information comes from, when they checked it, and always the note that it is no advice. */
  private renderExpertSource(answer: AnswerNode) {
    const source = sourceOf(answer.sourceUrl);
    return html`
      ${
        source
          ? html`<p part="answer-source" class="source">
              ${this.t('question.expert.source')}
              <a href=${source.href} rel="nofollow ugc noopener noreferrer">${source.site}</a>
            </p>`
          : nothing
      }
      ${
        answer.reviewedOn
          ? html`<p part="answer-reviewed" class="reviewed">
              <time datetime=${answer.reviewedOn}
                >${this.t('question.expert.reviewed', formatDate(this.localize, answer.reviewedOn))}</time
              >
            </p>`
          : nothing
      }
      <p part="expert-note" class="expert-note">${this.t('question.expert.note')}</p>
    `;
  }

  /** "Maak een afspraak", "Stel uw vraag privé": the next steps the expert added, for the question's topic. */
  private renderHandOff(answer: AnswerNode) {
    const inline = this.inlineContact?.answerId === answer.id ? this.inlineContact : undefined;
    return renderHandOffButtons({
      localize: this.localize,
      steps: answer.handOff,
      onRequest: (step) => void this.onHandOff(answer, step),
      inline: inline
        ? html`<div part="hand-off-contact" class="hand-off-contact">
            <plein-contact
              variant="compact"
              topic=${inline.topic}
              channel=${inline.channel}
              .endpoint=${this.endpoint}
              .community=${this.community}
              lang=${this.localize.locale}
              heading-level=${Math.min(this.sectionLevel + 1, 6)}
            ></plein-contact>
          </div>`
        : undefined,
    });
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
              aria-describedby=${describedBy(errors.body && 'answer-body-error', 'answer-body-hint', 'answer-body-counter', ...this.form.personalDataDescribedBy)}
              .value=${body}
              @input=${this.onBodyInput}
            ></textarea>
            ${renderCharacterCounter(this.localize, 'answer-body-counter', body.length, limits.answerBody)}
            ${this.form.renderPersonalData(this.sectionLevel + 1)}
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
            this.writesAsExpert
              ? renderHandOffChoices({
                  localize: this.localize,
                  idPrefix: 'answer-hand-off',
                  chosen: this.form.handOff,
                  error: errors.handOff,
                  onChange: (step: HandOff, chosen: boolean) => this.form.setHandOff(step, chosen),
                })
              : nothing
          }
          ${renderHoneypot(this.localize, 'answer-website', this.form.antiSpam)}
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
          <p class="status" role="status">
            ${posted ? this.t(this.postedHeld ? 'question.form.postedHeld' : 'question.form.posted') : ''}
          </p>
        </form>
      </section>
    `;
  }

  private renderErrorSummary() {
    return renderErrorSummary({
      entries: orderedErrors(this.form.errors, [...fieldIds.keys()]),
      heading: this.t('question.form.errorSummary'),
      headingId: 'error-summary-heading',
      targetOf: (field) => fieldIds.get(field),
    });
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
      this.postedHeld = result.answer.publication === 'HELD';
      this.thread.add(result.answer);
      const posted = new PleinAnswerPostedEvent(questionId, result.answer.id);
      this.dispatchEvent(posted);
    }
  }

  private async onExpertLink(
    event: MouseEvent,
    answer: AnswerNode,
    expert: NonNullable<AnswerNode['author']['expert']>,
  ): Promise<void> {
    if (this.openProfiles.has(answer.id)) {
      this.openProfiles = new Set([...this.openProfiles].filter((id) => id !== answer.id));
      return;
    }
    if (!routeExpertOpen(this, event, expert, Boolean(this.expertHref))) return;
    await import('../../define/plein-expert.ts');
    this.openProfiles = new Set([...this.openProfiles, answer.id]);
  }

  /**
   * Asks the page's `<plein-contact>` (or the host) to open the channel for the question's topic. On a page with none,
   * one opens under the answer; once it is there it takes the same request, and moves focus to the channel.
   */
  private async onHandOff(answer: AnswerNode, step: HandOff): Promise<void> {
    const topic = this.thread.question?.topic.slug ?? '';
    const channel = handOffChannels[step];
    if (requestContact(this, topic, channel) || document.querySelector('plein-contact')) return;
    this.inlineContact = { answerId: answer.id, topic, channel };
    await import('../../define/plein-contact.ts');
    await this.updateComplete;
    const contact = this.renderRoot.querySelector('plein-contact');
    if (!contact) return;
    await contact.updateComplete;
    requestContact(this, topic, channel);
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

  /** A new answer from the live feed: shown in place, announced politely, focus left where it is. */
  private onAnswerArrived(answer: AnswerNode): void {
    if (!this.thread.addArrived(answer)) return;
    this.arrivals.push(answer);
    // Answers from one poll arrive together: one announcement for all of them.
    if (this.arrivals.length === 1) {
      queueMicrotask(() => {
        const [first, ...others] = this.arrivals;
        this.arrivals = [];
        if (!first) return;
        const name = first.author.displayName;
        void this.announce(
          others.length > 0
            ? this.t('question.live.newAnswers', others.length + 1)
            : first.author.role === 'EXPERT'
              ? this.t('question.live.newExpertAnswer', name)
              : this.t('question.live.newAnswer', name),
        );
      });
    }
  }

  /** Says something through the polite live region; the same words twice are read twice. */
  private async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private focusFirst(...selectors: string[]): void {
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  }

  private async onEdit(): Promise<void> {
    this.owner.startEdit();
    await this.updateComplete;
    this.focusFirst('#edit-title');
  }

  private async onCancelEdit(): Promise<void> {
    this.owner.cancelEdit();
    await this.updateComplete;
    // The edit window may have closed meanwhile; then the panel's heading takes focus.
    this.focusFirst('#edit', '#owner-heading');
  }

  private async onSaveEdit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const outcome = await this.owner.saveEdit();
    await this.updateComplete;
    if (outcome === 'invalid') {
      const first = editFields.find((field) => this.owner.errors[field]);
      if (first) this.focusFirst(`#edit-${first}`);
    } else if (outcome === 'done') {
      this.focusFirst('[part="title"]');
      void this.announce(this.t('question.edit.saved'));
    }
  }

  private async onAskDelete(): Promise<void> {
    this.owner.askDelete();
    await this.updateComplete;
    this.focusFirst('#delete-confirm');
  }

  private async onCancelDelete(): Promise<void> {
    this.owner.cancelDelete();
    await this.updateComplete;
    this.focusFirst('#delete');
  }

  private async onConfirmDelete(): Promise<void> {
    const questionId = this.questionId;
    const outcome = await this.owner.confirmDelete();
    if (outcome !== 'done') return;
    this.thread.markRemoved();
    this.dispatchEvent(new PleinQuestionDeletedEvent(questionId));
    await this.updateComplete;
    this.focusFirst('#removed');
  }

  private async onResolve(): Promise<void> {
    const outcome = await this.owner.resolve();
    await this.updateComplete;
    if (outcome === 'done') this.focusFirst('#resolved-note');
  }

  private async onAccept(answerId: string): Promise<void> {
    const outcome = await this.owner.accept(answerId);
    await this.updateComplete;
    if (outcome !== 'done') return;
    // The chosen answer moved to the top: focus goes with it, and the live region says what happened.
    this.focusFirst(`[data-answer-id="${CSS.escape(answerId)}"]`);
    void this.announce(this.t('question.owner.accepted'));
  }

  private async onHelpful(answerId: string): Promise<void> {
    const result = await this.votes.vote(this.questionId, answerId);
    if (result.outcome === 'counted') this.thread.setHelpfulCount(answerId, result.helpfulCount);
    if (result.outcome === 'counted' || result.outcome === 'already') {
      void this.announce(this.t('question.helpful.thanks'));
    }
  }

  private async onFollow(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const outcome = await this.follow.submit();
    await this.updateComplete;
    if (outcome === 'invalid') this.focusFirst('#follow-email');
    else if (outcome === 'sent') this.focusFirst('#follow-sent');
  }

  private async onFlag(content: ContentRef): Promise<void> {
    if (this.flags.hasFlagged(content)) return;
    if (this.flags.isOpen(content)) {
      // The button toggles its form, like any disclosure.
      await this.onCancelFlag(content);
      return;
    }
    this.flags.start(content);
    await this.updateComplete;
    this.focusFirst('#flag-reason-PERSONAL_DATA');
  }

  private async onCancelFlag(content: ContentRef): Promise<void> {
    this.flags.cancel();
    await this.updateComplete;
    this.focusFirst(`#flag-button-${CSS.escape(flagKey(content))}`);
  }

  /** Escape closes the form, as it would a menu, and puts focus back on "Melden". */
  private onFlagKeydown(event: KeyboardEvent, content: ContentRef): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.onCancelFlag(content);
  }

  private async onSendFlag(event: SubmitEvent, content: ContentRef): Promise<void> {
    event.preventDefault();
    const outcome = await this.flags.submit();
    await this.updateComplete;
    if (outcome === 'invalid') {
      const { errors } = this.flags;
      const checked = this.flags.reason as FlagReason | '';
      if (errors.reason) this.focusFirst(`#flag-reason-${checked || 'PERSONAL_DATA'}`);
      else if (errors.note) this.focusFirst('#flag-note');
    } else if (outcome === 'sent') {
      this.focusFirst(`#flag-button-${CSS.escape(flagKey(content))}`);
      void this.announce(this.t('question.flag.thanks'));
    }
  }

  private async onRetry(): Promise<void> {
    await this.thread.retry();
    await this.updateComplete;
    // The retry button is gone either way: put focus on the loaded title, or on the next retry button.
    this.renderRoot.querySelector<HTMLElement>('[part="title"], .load-error button')?.focus();
  }
}
