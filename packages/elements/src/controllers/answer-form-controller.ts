import { type AnswerNode, createDraftStore, type DraftStore, rememberAnswerToken } from '@plein/client';
import { type HandOff, limits } from '@plein/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AntiSpamSignals } from '../form/anti-spam.ts';
import { DRAFT_MAX_AGE_MS } from '../form/drafts.ts';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import { PersonalDataGuard, type PersonalDataFinding, type Redaction } from '../form/personal-data-guard.ts';
import { personalDataDescribedBy, renderPersonalDataPanel } from '../form/personal-data-panel.ts';
import { handOffOf } from '../components/question/hand-off.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';
import type { ThreadRequest } from './thread-controller.ts';

/** The answer field's id in `<plein-question>`; the personal-data panel under it takes its ids from it. */
const BODY_FIELD_ID = 'answer-body';

/** What the answer form remembers between reloads: the text, the name and the key of a submit that may have landed. */
export interface AnswerDraft {
  body: string;
  displayName: string;
  /** An expert's next steps for the citizen ("Maak een afspraak"). */
  handOff?: HandOff[];
  idempotencyKey?: string;
}

export type AnswerSubmitResult =
  | { outcome: 'posted'; answer: AnswerNode }
  /** Client-side or server-side field errors are in `errors`. */
  | { outcome: 'invalid' }
  /** The call failed (network, server, rate limit): `failure` says why, the text and the key are kept. */
  | { outcome: 'failed' }
  /** Nothing was sent: a submit is already on its way, or the question changed meanwhile. */
  | { outcome: 'ignored' };

/**
 * The answer form's state: what was typed (kept as a draft on every keystroke, in localStorage for a week, per
 * question: see DRAFT_MAX_AGE_MS for why not sessionStorage), personal data found in the text while typing, the field
 * errors, and one submit at a time. A submit gets an idempotency key that is kept, also in the draft, until the answer
 * is posted: a retry after a lost response never posts the answer twice.
 */
export class AnswerFormController implements ReactiveController {
  body = '';
  displayName = '';
  /** The next steps an expert adds ("Maak een afspraak"); sent only while `offersHandOff` says the writer may. */
  handOff: HandOff[] = [];
  errors: FieldErrors = {};
  failure: unknown = undefined;
  sending = false;
  posted = false;

  /** Personal data and health words found in the answer while typing. */
  readonly personalData: PersonalDataGuard<'body'>;
  /** The honeypot and the fill time, sent with the answer against bots. */
  readonly antiSpam = new AntiSpamSignals();

  private idempotencyKey: string | undefined;
  private draft: DraftStore<AnswerDraft> | undefined;
  private draftName: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly updateComplete: Promise<boolean> },
    private readonly localize: LocalizeController,
    private readonly target: () => ThreadRequest,
    /** True while the writer is a signed-in expert: the form then offers next steps, and sends them. */
    private readonly offersHandOff: () => boolean = () => false,
  ) {
    host.addController(this);
    this.personalData = new PersonalDataGuard<'body'>(host);
  }

  /** Before each render: another community or question gets its own draft. */
  hostUpdate(): void {
    const { client, questionId } = this.target();
    const name = client && questionId ? `answer:${client.community}:${questionId}` : undefined;
    if (name === this.draftName) return;
    this.draftName = name;
    this.draft = name ? createDraftStore<AnswerDraft>(name, 'local', { maxAgeMs: DRAFT_MAX_AGE_MS }) : undefined;
    const saved = this.draft?.load();
    this.body = typeof saved?.body === 'string' ? saved.body : '';
    this.displayName = typeof saved?.displayName === 'string' ? saved.displayName : '';
    this.handOff = handOffOf(saved?.handOff);
    this.idempotencyKey = typeof saved?.idempotencyKey === 'string' ? saved.idempotencyKey : undefined;
    this.errors = {};
    this.failure = undefined;
    this.posted = false;
    this.personalData.checkNow('body', this.body);
    this.antiSpam.reset();
  }

  setBody(body: string): void {
    this.body = body;
    this.personalData.watch('body', body);
    this.changed();
  }

  /** "Verwijder dit voor mij" (or, without a finding, "Verwijder alles") in the answer text. */
  removePersonalData(finding?: PersonalDataFinding): Redaction {
    const redaction = this.personalData.redact('body', this.body, finding);
    this.body = redaction.text;
    this.changed();
    return redaction;
  }

  /** The ids the answer field's aria-describedby adds for the panel under it. */
  get personalDataDescribedBy(): string[] {
    return personalDataDescribedBy(BODY_FIELD_ID, this.personalData.checkFor('body'));
  }

  /** The personal-data panel to show under the answer field; `level` is its heading's level. */
  renderPersonalData(level: number) {
    return renderPersonalDataPanel({
      localize: this.localize,
      fieldId: BODY_FIELD_ID,
      check: this.personalData.checkFor('body'),
      context: 'answer',
      level: Math.min(level, 6),
      remove: (finding) => this.removePersonalData(finding),
      updateComplete: () => this.host.updateComplete,
    });
  }

  setDisplayName(displayName: string): void {
    this.displayName = displayName;
    this.changed();
  }

  /** Ticks or clears one next step. */
  setHandOff(step: HandOff, chosen: boolean): void {
    this.handOff = handOffOf(chosen ? [...this.handOff, step] : this.handOff.filter((other) => other !== step));
    this.changed();
  }

  async submit(): Promise<AnswerSubmitResult> {
    const { client, questionId } = this.target();
    if (this.sending || !client || !questionId) return { outcome: 'ignored' };
    this.posted = false;
    this.failure = undefined;
    this.errors = this.validate();
    if (hasErrors(this.errors)) {
      this.host.requestUpdate();
      return { outcome: 'invalid' };
    }

    this.idempotencyKey ??= client.newIdempotencyKey();
    this.saveDraft();
    const draftName = this.draftName;
    const body = this.body.trim();
    this.sending = true;
    this.host.requestUpdate();
    try {
      const payload = await client.answerQuestion({
        questionId,
        body,
        displayName: this.displayName.trim() || undefined,
        // Only experts may add next steps: the server refuses them from anyone else.
        handOff: this.offersHandOff() && this.handOff.length > 0 ? [...this.handOff] : undefined,
        idempotencyKey: this.idempotencyKey,
        antiSpam: this.antiSpam.signals(),
      });
      // Kept so its writer still sees the answer while it waits for a moderator (`client.myAnswers`).
      if (payload.answer && payload.ownerToken) rememberAnswerToken(String(questionId), payload.ownerToken);
      if (draftName !== this.draftName) return { outcome: 'ignored' };
      if (payload.answer) {
        this.idempotencyKey = undefined;
        // Text typed while the answer was on its way is a new draft, not part of the posted answer.
        if (this.body.trim() === body) {
          this.body = '';
          this.handOff = [];
          this.personalData.clear();
          this.draft?.clear();
        } else {
          this.saveDraft();
        }
        this.posted = true;
        this.antiSpam.reset();
        return { outcome: 'posted', answer: payload.answer };
      }
      this.errors = payload.errors.length
        ? fieldErrorsFrom(payload.errors)
        : { form: this.localize.t('question.form.notPosted') };
      return { outcome: 'invalid' };
    } catch (error) {
      if (draftName !== this.draftName) return { outcome: 'ignored' };
      this.failure = error;
      return { outcome: 'failed' };
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private changed(): void {
    this.posted = false;
    this.saveDraft();
    this.host.requestUpdate();
  }

  private saveDraft(): void {
    const { body, displayName, handOff, idempotencyKey } = this;
    if (!body && !displayName && handOff.length === 0 && !idempotencyKey) {
      this.draft?.clear();
      return;
    }
    this.draft?.save({ body, displayName, handOff, idempotencyKey });
  }

  /** The server's rules (limits.ts), checked first here so the citizen hears about them without a round trip. */
  private validate(): FieldErrors {
    const errors: FieldErrors = {};
    const body = this.body.trim();
    const { min, max } = limits.answerBody;
    if (!body) errors.body = this.localize.t('question.form.bodyRequired');
    else if (body.length < min) errors.body = this.localize.t('question.form.bodyTooShort', min);
    else if (body.length > max) errors.body = this.localize.t('question.form.bodyTooLong', max);
    if (this.displayName.trim().length > limits.displayName.max) {
      errors.displayName = this.localize.t('question.form.displayNameTooLong', limits.displayName.max);
    }
    return errors;
  }
}
