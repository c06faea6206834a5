import { Task, TaskStatus } from '@lit/task';
import {
  type AskPrivateQuestionFields,
  type AskPrivateQuestionPayload,
  createDraftStore,
  type DraftStore,
  type PleinClient,
} from '@plein/client';
import { limits } from '@plein/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AntiSpamSignals } from '../form/anti-spam.ts';
import { DRAFT_MAX_AGE_MS } from '../form/drafts.ts';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import { PersonalDataGuard } from '../form/personal-data-guard.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

/** What the citizen typed, exactly as typed: nothing is trimmed until the question is sent. */
export interface PrivateQuestionFields {
  topic: string;
  body: string;
  email: string;
}

export type PrivateQuestionField = keyof PrivateQuestionFields;

/** The fields in the order of the form; the error summary lists them so. */
export const privateQuestionFields: readonly PrivateQuestionField[] = ['topic', 'body', 'email'];

/** The key of the last submit and the input it was made for, kept with the fields (see AskController). */
interface PrivateQuestionDraft {
  fields: Partial<PrivateQuestionFields>;
  idempotencyKey?: string;
  keyedInput?: string;
}

export type PrivateQuestionOutcome = 'invalid' | 'rejected' | 'sent' | 'failed' | 'busy';

export interface PrivateQuestionRequest {
  client: PleinClient | undefined;
  /** The topic to start with when there is no draft (the element's `topic`). */
  topic: string;
  /** The community's topic slugs once loaded, so an unknown preselected topic is caught before sending. */
  topics?: readonly string[];
}

type Translate = LocalizeController['t'];

// Deliberately loose: the server checks the address properly; this only catches typos such as a missing "@" or dot.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const emptyFields = (topic: string): PrivateQuestionFields => ({ topic, body: '', email: '' });

/** The server's rules (services/private-question-service.ts) in the browser, with the same limits. */
export function validatePrivateQuestion(
  fields: PrivateQuestionFields,
  t: Translate,
  topics?: readonly string[],
): FieldErrors {
  const body = fields.body.trim();
  const email = fields.email.trim();
  const { min, max } = limits.questionBody;
  const errors: FieldErrors = {
    topic: !fields.topic || (topics && !topics.includes(fields.topic)) ? t('contact.topicRequired') : undefined,
    body: !body
      ? t('contact.private.bodyRequired')
      : body.length < min
        ? t('contact.tooShort', min)
        : body.length > max
          ? t('contact.tooLong', max)
          : undefined,
    email: !email
      ? t('contact.emailRequired')
      : email.length > limits.email.max
        ? t('contact.tooLong', limits.email.max)
        : emailShape.test(email)
          ? undefined
          : t('contact.invalidEmail'),
  };
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message));
}

/**
 * The private e-mail question in `<plein-contact>`: topic, question and e-mail address. Like the ask form it keeps a
 * draft in localStorage for a week (a closed tab loses nothing; "Wis deze tekst" clears it on a shared computer),
 * sends every retry of the same question with the same idempotency key, and keeps every character when sending fails.
 * The personal-data guard only warns here: the citizen chose a channel that only advisors read, so nothing is offered
 * for removal and nothing blocks sending. After sending the form is empty and says to look in the e-mail.
 */
export class PrivateQuestionController implements ReactiveController {
  fields: PrivateQuestionFields = emptyFields('');
  errors: FieldErrors = {};
  /** Why the last send failed (a `PleinError`); cleared when the next one starts. */
  failure?: unknown;
  /** The form holds a draft from an earlier visit. */
  restored = false;
  /** The confirmation e-mail is on its way; cleared when the citizen types again. */
  sent = false;
  /** Personal data in the question, while typing: shown as a warning only. */
  readonly personalData: PersonalDataGuard<'body'>;
  readonly antiSpam = new AntiSpamSignals();

  private idempotencyKey?: string;
  private keyedInput?: string;
  private draftStore?: DraftStore<PrivateQuestionDraft>;
  private draftCommunity?: string;
  private readonly submission: Task<[PleinClient, AskPrivateQuestionFields], AskPrivateQuestionPayload>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly request: () => PrivateQuestionRequest,
    private readonly t: Translate,
  ) {
    host.addController(this);
    this.personalData = new PersonalDataGuard<'body'>(host);
    this.submission = new Task(host, {
      autoRun: false,
      task: ([client, input], { signal }) => client.askPrivateQuestion(input, { signal }),
    });
  }

  /** The draft belongs to the community, which is known once there is a client. */
  hostUpdate(): void {
    const { client, topic } = this.request();
    if (!client || client.community === this.draftCommunity) return;
    this.draftCommunity = client.community;
    this.draftStore = createDraftStore<PrivateQuestionDraft>(`private-question:${client.community}`, 'local', {
      maxAgeMs: DRAFT_MAX_AGE_MS,
    });
    const draft = this.draftStore.load();
    this.fields = emptyFields(topic);
    for (const field of privateQuestionFields) {
      const value = draft?.fields?.[field];
      if (typeof value === 'string' && value) this.fields[field] = value;
    }
    const keyed = typeof draft?.idempotencyKey === 'string' && typeof draft.keyedInput === 'string';
    this.idempotencyKey = keyed ? draft.idempotencyKey : undefined;
    this.keyedInput = keyed ? draft.keyedInput : undefined;
    this.restored = this.fields.body.trim() !== '' || this.fields.email.trim() !== '';
    this.personalData.checkNow('body', this.fields.body);
    this.errors = {};
    this.failure = undefined;
    this.sent = false;
  }

  get sending(): boolean {
    return this.submission.status === TaskStatus.PENDING;
  }

  update(field: PrivateQuestionField, value: string): void {
    this.fields = { ...this.fields, [field]: value };
    this.sent = false;
    if (this.errors[field]) {
      const { topics } = this.request();
      this.errors = { ...this.errors, [field]: validatePrivateQuestion(this.fields, this.t, topics)[field] };
    }
    if (field === 'body') this.personalData.watch('body', value);
    this.saveDraft();
    this.host.requestUpdate();
  }

  /** A topic chosen by the host page or a hand-off: it replaces the topic, but never what the citizen wrote. */
  chooseTopic(topic: string): void {
    if (this.fields.topic === topic) return;
    this.fields = { ...this.fields, topic };
    if (this.errors.topic) this.errors = { ...this.errors, topic: undefined };
    this.saveDraft();
    this.host.requestUpdate();
  }

  /** A topic from the host page, used only while the citizen has not chosen one themselves. */
  preselectTopic(previous: string | undefined, topic: string): void {
    if (this.fields.topic !== (previous ?? '')) return;
    this.chooseTopic(topic);
  }

  /** "Wis deze tekst". */
  discardDraft(): void {
    this.fields = emptyFields(this.request().topic);
    this.idempotencyKey = undefined;
    this.keyedInput = undefined;
    this.errors = {};
    this.failure = undefined;
    this.restored = false;
    this.personalData.clear();
    this.antiSpam.reset();
    this.draftStore?.clear();
    this.host.requestUpdate();
  }

  async submit(): Promise<PrivateQuestionOutcome> {
    const { client, topics } = this.request();
    if (!client || this.sending) return 'busy';
    this.failure = undefined;
    this.sent = false;
    this.errors = validatePrivateQuestion(this.fields, this.t, topics);
    if (hasErrors(this.errors)) {
      this.host.requestUpdate();
      return 'invalid';
    }
    const input = { topic: this.fields.topic, body: this.fields.body.trim(), email: this.fields.email.trim() };
    // The same question again (a retry, a double click, a reload after a lost answer) keeps its key, so the server
    // keeps it once. A changed question is a new one with a new key.
    const fingerprint = JSON.stringify(input);
    if (!this.idempotencyKey || this.keyedInput !== fingerprint) {
      this.idempotencyKey = client.newIdempotencyKey();
      this.keyedInput = fingerprint;
    }
    this.saveDraft();
    await this.submission.run([
      client,
      { ...input, idempotencyKey: this.idempotencyKey, antiSpam: this.antiSpam.signals() },
    ]);
    if (this.submission.status === TaskStatus.ERROR) {
      this.failure = this.submission.error;
      this.host.requestUpdate();
      return 'failed';
    }
    return this.take(this.submission.value!);
  }

  private take(payload: AskPrivateQuestionPayload): PrivateQuestionOutcome {
    if (!payload.confirmationSent) {
      const known = new Set<string>(privateQuestionFields);
      this.errors = fieldErrorsFrom(
        payload.errors.map((error) => (known.has(error.field ?? '') ? error : { ...error, field: null })),
      );
      if (!hasErrors(this.errors)) this.errors = { form: this.t('contact.private.notSent') };
      this.host.requestUpdate();
      return 'rejected';
    }
    this.draftStore?.clear();
    this.fields = emptyFields(this.fields.topic);
    this.idempotencyKey = undefined;
    this.keyedInput = undefined;
    this.errors = {};
    this.restored = false;
    this.sent = true;
    this.personalData.clear();
    this.antiSpam.reset();
    this.host.requestUpdate();
    return 'sent';
  }

  private saveDraft(): void {
    if (!this.draftStore) return;
    const empty = this.fields.body === '' && this.fields.email === '';
    if (empty && !this.idempotencyKey) {
      this.draftStore.clear();
      return;
    }
    this.draftStore.save({ fields: this.fields, idempotencyKey: this.idempotencyKey, keyedInput: this.keyedInput });
  }
}
