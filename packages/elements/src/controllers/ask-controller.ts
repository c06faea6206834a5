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
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
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

/** What is kept in sessionStorage: the fields and the key of the submit they belong to. */
interface AskDraft {
  fields: Partial<AskFields>;
  idempotencyKey?: string;
}

export interface AskedQuestion {
  id: string;
  title: string;
  /** Null when the server replayed an earlier post with the same key: it hands out the token only once. */
  ownerToken: string | null;
  /** The citizen left an e-mail address for a message when an answer arrives. */
  notifies: boolean;
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
 * The ask form's state behind `<plein-ask>`: the fields and their draft, the idempotency key of the submit, and the
 * submission itself. Every keystroke is saved with the key, so a reload, a crash or a failed post never loses text,
 * and every retry of one question (even after a reload) carries the same key, so the server never makes a duplicate.
 * The draft is cleared only after the server confirms the question.
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

  private idempotencyKey?: string;
  private draftStore?: DraftStore<AskDraft>;
  private draftCommunity?: string;
  private readonly submission: Task<[PleinClient, AskQuestionFields], AskQuestionPayload>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly request: () => AskRequest,
    private readonly t: Translate,
  ) {
    host.addController(this);
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
    this.draftStore = createDraftStore<AskDraft>(`ask:${client.community}`);
    const draft = this.draftStore.load();
    this.fields = emptyFields(topic);
    for (const field of askFields) {
      const value = draft?.fields?.[field];
      if (typeof value === 'string' && value) this.fields[field] = value;
    }
    this.idempotencyKey = typeof draft?.idempotencyKey === 'string' ? draft.idempotencyKey : undefined;
    this.restored = askFields.some((field) => field !== 'topic' && this.fields[field].trim() !== '');
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
    this.saveDraft();
    this.host.requestUpdate();
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
    // The key is stored before the request leaves, so a reload in the middle still retries the same question.
    const idempotencyKey = this.keyFor(client);
    this.saveDraft();
    const { topic, title, body, displayName, notifyEmail } = this.fields;
    await this.submission.run([
      client,
      {
        topic,
        title: title.trim(),
        body: body.trim(),
        displayName: displayName.trim() || null,
        notifyEmail: notifyEmail.trim() || null,
        idempotencyKey,
      },
    ]);
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
    this.errors = {};
    this.failure = undefined;
    this.asked = undefined;
    this.restored = false;
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
    if (ownerToken) rememberOwnerToken(question.id, ownerToken);
    this.draftStore?.clear();
    this.asked = {
      id: question.id,
      title: question.title,
      ownerToken,
      notifies: this.fields.notifyEmail.trim() !== '',
    };
    this.fields = emptyFields(this.request().topic);
    this.idempotencyKey = undefined;
    this.errors = {};
    this.restored = false;
    this.host.requestUpdate();
    return 'posted';
  }

  /** The server's errors per field; an error about something the citizen cannot change goes above the form. */
  private fieldErrors(errors: AskQuestionPayload['errors']): FieldErrors {
    const known = new Set<string>(askFields);
    return fieldErrorsFrom(errors.map((error) => (known.has(error.field ?? '') ? error : { ...error, field: null })));
  }

  private keyFor(client: PleinClient): string {
    this.idempotencyKey ??= client.newIdempotencyKey();
    return this.idempotencyKey;
  }

  private saveDraft(): void {
    const { client } = this.request();
    if (!client || !this.draftStore) return;
    this.draftStore.save({ fields: this.fields, idempotencyKey: this.keyFor(client) });
  }
}
