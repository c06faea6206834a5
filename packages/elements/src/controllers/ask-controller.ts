import { Task, TaskStatus } from '@lit/task';
import {
  type AskQuestionFields,
  type AskQuestionPayload,
  createDraftStore,
  type DraftStore,
  type PleinClient,
  rememberOwnerToken,
} from '@plein/client';
import { limits } from '@plein/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AntiSpamSignals } from '../form/anti-spam.ts';
import { DRAFT_MAX_AGE_MS } from '../form/drafts.ts';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import { PersonalDataGuard, type PersonalDataFinding, type Redaction } from '../form/personal-data-guard.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

/** What the citizen typed, exactly as typed: nothing is trimmed or dropped until the question is sent. */
export interface AskFields {
  topic: string;
  title: string;
  body: string;
  displayName: string;
  notifyEmail: string;
}

export type AskField = keyof AskFields;

/** The fields in the order of the form; the error summary lists them in this order. */
export const askFields: readonly AskField[] = ['topic', 'title', 'body', 'displayName', 'notifyEmail'];

/** The fields that may hold free text with personal data; the e-mail address is private and never shown. */
export type TextField = 'title' | 'body' | 'displayName';
export const textFields: readonly TextField[] = ['title', 'body', 'displayName'];

/**
 * What is kept between visits: the fields, and the key of the last submit with the input it was sent with. The key is
 * used again only for that same input (a retry); a changed question is a new submit with a new key.
 */
interface AskDraft {
  fields: Partial<AskFields>;
  idempotencyKey?: string;
  keyedInput?: string;
}

export interface AskedQuestion {
  id: string;
  title: string;
  /** Null when the server replayed an earlier post with the same key: it hands out the token only once. */
  ownerToken: string | null;
  /** The citizen left an e-mail address for a message when an answer arrives (after they confirm it). */
  notifies: boolean;
  /** Waiting for a moderator: only the asker sees it, on this device, until it is published. */
  held: boolean;
}

/** How a submit ended: `invalid` (stopped in the browser), `rejected` (the server's field errors), and so on. */
export type SubmitOutcome = 'invalid' | 'rejected' | 'posted' | 'failed' | 'busy';

export interface AskRequest {
  client: PleinClient | undefined;
  /** The topic to start with when there is no draft (the element's `topic` attribute). */
  topic: string;
  /** The community's topic slugs once they are loaded, so an unknown preselected topic is caught before sending. */
  topics?: readonly string[];
}

type Translate = LocalizeController['t'];

// Deliberately loose: the server checks the address properly; this only catches typos such as a missing "@" or dot.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emptyFields(topic: string): AskFields {
  return { topic, title: '', body: '', displayName: '', notifyEmail: '' };
}

function lengthError(value: string, limit: { min: number; max: number }, t: Translate): string | undefined {
  const length = value.trim().length;
  if (length === 0) return t('ask.required');
  if (length < limit.min) return t('ask.tooShort', limit.min);
  if (length > limit.max) return t('ask.tooLong', limit.max);
  return undefined;
}

/** The same rules as the server (packages/server/src/services/validation.ts), with the same limits, in the browser. */
export function validateQuestion(fields: AskFields, t: Translate, topics?: readonly string[]): FieldErrors {
  const errors: FieldErrors = {
    topic: !fields.topic || (topics && !topics.includes(fields.topic)) ? t('ask.topicRequired') : undefined,
    title: lengthError(fields.title, limits.questionTitle, t),
    body: lengthError(fields.body, limits.questionBody, t),
    displayName:
      fields.displayName.trim().length > limits.displayName.max ? t('ask.tooLong', limits.displayName.max) : undefined,
  };
  const email = fields.notifyEmail.trim();
  if (email.length > limits.email.max) errors.notifyEmail = t('ask.tooLong', limits.email.max);
  else if (email && !emailShape.test(email)) errors.notifyEmail = t('ask.invalidEmail');
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message));
}

/**
 * The ask form's state behind `<plein-ask>`: the fields and their draft, the personal-data guard, the idempotency key
 * of the submit, and the submission itself. Every keystroke is saved, so a reload, a closed tab, a crash or a failed
 * post never loses text. A submit's key is saved before it leaves, and every retry of that same question (even after
 * a reload) carries it, so the server never makes a duplicate. The draft is cleared only after the server confirms
 * the question.
 */
export class AskController implements ReactiveController {
  fields: AskFields = emptyFields('');
  errors: FieldErrors = {};
  /** Why the last send failed (a `PleinError` from the client); cleared when the next one starts. */
  failure?: unknown;
  /** The form holds a draft from an earlier visit in this tab. */
  restored = false;
  /** The question once it is posted; the form is done until `reset()`. */
  asked?: AskedQuestion;
  /** Personal data and health words found in the title, the explanation and the name, while typing. */
  readonly personalData: PersonalDataGuard<TextField>;
  /** The honeypot and the fill time, sent with the question against bots (not part of the draft). */
  readonly antiSpam = new AntiSpamSignals();

  private idempotencyKey?: string;
  /** The input (as sent, without the key) that `idempotencyKey` was made for. */
  private keyedInput?: string;
  private draftStore?: DraftStore<AskDraft>;
  private draftCommunity?: string;
  private readonly submission: Task<[PleinClient, AskQuestionFields], AskQuestionPayload>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly request: () => AskRequest,
    private readonly t: Translate,
  ) {
    host.addController(this);
    this.personalData = new PersonalDataGuard<TextField>(host);
    this.submission = new Task(host, {
      autoRun: false,
      task: ([client, input], { signal }) => client.askQuestion(input, { signal }),
    });
  }

  /** Before each render: the draft belongs to the community, which is known once there is a client. */
  hostUpdate(): void {
    const { client, topic } = this.request();
    if (!client || client.community === this.draftCommunity) return;
    this.draftCommunity = client.community;
    // localStorage, so a closed tab keeps the text too; for a week at most (form/drafts.ts says why).
    this.draftStore = createDraftStore<AskDraft>(`ask:${client.community}`, 'local', { maxAgeMs: DRAFT_MAX_AGE_MS });
    const draft = this.draftStore.load();
    this.fields = emptyFields(topic);
    for (const field of askFields) {
      const value = draft?.fields?.[field];
      if (typeof value === 'string' && value) this.fields[field] = value;
    }
    const keyed = typeof draft?.idempotencyKey === 'string' && typeof draft.keyedInput === 'string';
    this.idempotencyKey = keyed ? draft.idempotencyKey : undefined;
    this.keyedInput = keyed ? draft.keyedInput : undefined;
    this.restored = askFields.some((field) => field !== 'topic' && this.fields[field].trim() !== '');
    for (const field of textFields) this.personalData.checkNow(field, this.fields[field]);
    this.errors = {};
    this.failure = undefined;
    this.asked = undefined;
  }

  get sending(): boolean {
    return this.submission.status === TaskStatus.PENDING;
  }

  /** The citizen changed a field: keep it, and drop its error as soon as the field is right. */
  update(field: AskField, value: string): void {
    this.fields = { ...this.fields, [field]: value };
    if (this.errors[field]) {
      const { topics } = this.request();
      this.errors = { ...this.errors, [field]: validateQuestion(this.fields, this.t, topics)[field] };
    }
    if ((textFields as readonly string[]).includes(field)) this.personalData.watch(field as TextField, value);
    this.saveDraft();
    this.host.requestUpdate();
  }

  /**
   * "Verwijder dit voor mij": puts the placeholder where the finding was (every finding of the field without one).
   * Saved like typing, so the draft never keeps what the citizen chose to remove.
   */
  removePersonalData(field: TextField, finding?: PersonalDataFinding): Redaction {
    const redaction = this.personalData.redact(field, this.fields[field], finding);
    this.fields = { ...this.fields, [field]: redaction.text };
    this.saveDraft();
    this.host.requestUpdate();
    return redaction;
  }

  /** "Wis deze tekst": the citizen does not want the earlier text (it may be someone else's, on a shared computer). */
  discardDraft(): void {
    this.reset();
  }

  /** A topic chosen by the host page, used only while the citizen has not chosen one. */
  preselectTopic(previous: string | undefined, topic: string): void {
    if (this.fields.topic !== (previous ?? '') || this.asked) return;
    this.fields = { ...this.fields, topic };
    this.host.requestUpdate();
  }

  /** Checks the fields, then sends them with the draft's idempotency key. A retry is simply another submit. */
  async submit(): Promise<SubmitOutcome> {
    const { client, topics } = this.request();
    if (!client || this.sending || this.asked) return 'busy';
    this.failure = undefined;
    this.errors = validateQuestion(this.fields, this.t, topics);
    if (hasErrors(this.errors)) {
      this.host.requestUpdate();
      return 'invalid';
    }
    const { topic, title, body, displayName, notifyEmail } = this.fields;
    const input = {
      topic,
      title: title.trim(),
      body: body.trim(),
      displayName: displayName.trim() || null,
      notifyEmail: notifyEmail.trim() || null,
    };
    // The same question again (a retry, a double click, a reload after a lost answer) keeps its key, so the server
    // stores it once. A changed question gets a new key: the server would otherwise return the old text.
    const fingerprint = JSON.stringify(input);
    if (!this.idempotencyKey || this.keyedInput !== fingerprint) {
      this.idempotencyKey = client.newIdempotencyKey();
      this.keyedInput = fingerprint;
    }
    const idempotencyKey = this.idempotencyKey;
    // The key is stored before the request leaves, so a reload in the middle still retries the same question.
    this.saveDraft();
    // The signals are not part of the fingerprint: a retry of the same question is the same question.
    await this.submission.run([client, { ...input, idempotencyKey, antiSpam: this.antiSpam.signals() }]);
    if (this.submission.status === TaskStatus.ERROR) {
      this.failure = this.submission.error;
      this.host.requestUpdate();
      return 'failed';
    }
    return this.take(this.submission.value!);
  }

  /** Starts a new, empty question with a new key. */
  reset(): void {
    this.fields = emptyFields(this.request().topic);
    this.idempotencyKey = undefined;
    this.keyedInput = undefined;
    this.errors = {};
    this.failure = undefined;
    this.asked = undefined;
    this.restored = false;
    this.personalData.clear();
    this.antiSpam.reset();
    this.draftStore?.clear();
    this.host.requestUpdate();
  }

  private take(payload: AskQuestionPayload): SubmitOutcome {
    const { question, ownerToken } = payload;
    if (!question) {
      this.errors = this.fieldErrors(payload.errors);
      if (!hasErrors(this.errors)) this.errors = { form: this.t('ask.notPosted') };
      this.host.requestUpdate();
      return 'rejected';
    }
    // The token lets this device change the question for 15 minutes, and find it under "Mijn vragen".
    if (ownerToken) rememberOwnerToken(question.id, ownerToken);
    this.draftStore?.clear();
    this.asked = {
      id: question.id,
      title: question.title,
      ownerToken,
      notifies: this.fields.notifyEmail.trim() !== '',
      held: question.publication === 'HELD',
    };
    this.fields = emptyFields(this.request().topic);
    this.idempotencyKey = undefined;
    this.keyedInput = undefined;
    this.errors = {};
    this.restored = false;
    this.personalData.clear();
    this.antiSpam.reset();
    this.host.requestUpdate();
    return 'posted';
  }

  /** The server's errors per field; an error about something the citizen cannot change goes above the form. */
  private fieldErrors(errors: AskQuestionPayload['errors']): FieldErrors {
    const known = new Set<string>(askFields);
    return fieldErrorsFrom(errors.map((error) => (known.has(error.field ?? '') ? error : { ...error, field: null })));
  }

  private saveDraft(): void {
    if (!this.draftStore) return;
    const empty = askFields.every((field) => field === 'topic' || this.fields[field] === '');
    if (empty && !this.idempotencyKey) {
      this.draftStore.clear();
      return;
    }
    this.draftStore.save({ fields: this.fields, idempotencyKey: this.idempotencyKey, keyedInput: this.keyedInput });
  }
}
