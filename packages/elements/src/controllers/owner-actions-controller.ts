import type { CommunityOverview, PleinClient, QuestionChangePayload } from '@plein/client';
import { limits } from '@plein/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { messageOf } from '../base/errors.ts';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';
import type { ChangedQuestion, ThreadQuestion } from './thread-controller.ts';

export interface OwnerTarget {
  client: PleinClient | undefined;
  questionId: string;
  question: ThreadQuestion | undefined;
}

export interface EditFields {
  title: string;
  body: string;
  topic: string;
}

/** The edit form's fields in the order of the form, for the first field to fix. */
export const editFields: readonly (keyof EditFields)[] = ['title', 'topic', 'body'];

type Topic = CommunityOverview['topics'][number];

/** How an action ended: `done`, `invalid` (field errors to fix), `failed` (`failure` says why) or `ignored`. */
export type ActionOutcome = 'done' | 'invalid' | 'failed' | 'ignored';

export type OwnerAction = 'edit' | 'delete' | 'resolve' | 'accept';

/**
 * What the asker can do with their own question on the device they asked it from (the client keeps the owner token):
 * change it within the edit window, delete it after a confirmation, mark it resolved, and choose the answer that
 * helped. One action at a time; a failure keeps whatever was typed.
 */
export class OwnerActionsController implements ReactiveController {
  editing = false;
  fields: EditFields = { title: '', body: '', topic: '' };
  errors: FieldErrors = {};
  topics: Topic[] | undefined;
  topicsFailed = false;
  confirmingDelete = false;
  /** The action on its way, if any. */
  busy: OwnerAction | undefined;
  /** Which answer is being chosen. */
  acceptingId: string | undefined;
  /** Why the last action failed, in words for the asker, and which action (and answer) it was. */
  failure: { action: OwnerAction; message: string; answerId?: string } | undefined;

  private editWindowTimer: ReturnType<typeof setTimeout> | undefined;
  private timedFor: string | undefined;
  private questionId: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly target: () => OwnerTarget,
    private readonly apply: (question: ChangedQuestion) => void,
  ) {
    host.addController(this);
  }

  /** True when this device asked the question. */
  get owns(): boolean {
    const { client, questionId } = this.target();
    return Boolean(client && questionId && client.ownsQuestion(questionId));
  }

  /** True until `editableUntil`; the element re-renders at that moment, so "Bewerken" goes away by itself. */
  get canEdit(): boolean {
    const until = this.target().question?.editableUntil;
    return until !== undefined && Date.now() < Date.parse(until);
  }

  hostUpdate(): void {
    const { questionId, question } = this.target();
    if (questionId !== this.questionId) {
      this.questionId = questionId;
      this.reset();
    }
    const until = question?.editableUntil;
    if (until === this.timedFor) return;
    clearTimeout(this.editWindowTimer);
    this.timedFor = until;
    const left = until ? Date.parse(until) - Date.now() : 0;
    // setTimeout holds at most about 24.8 days; an edit window is 15 minutes.
    if (left > 0 && left < 2 ** 31) this.editWindowTimer = setTimeout(() => this.host.requestUpdate(), left + 50);
  }

  hostDisconnected(): void {
    clearTimeout(this.editWindowTimer);
    this.timedFor = undefined;
  }

  startEdit(): void {
    const { question, client } = this.target();
    if (!question) return;
    this.editing = true;
    this.confirmingDelete = false;
    this.fields = { title: question.title, body: question.body, topic: question.topic.slug };
    this.errors = {};
    this.failure = undefined;
    this.host.requestUpdate();
    if (client && !this.topics) {
      this.topicsFailed = false;
      client
        .communityOverview()
        .then(
          (overview) => (this.topics = overview.topics),
          () => (this.topicsFailed = true),
        )
        .finally(() => this.host.requestUpdate());
    }
  }

  setField(field: keyof EditFields, value: string): void {
    this.fields = { ...this.fields, [field]: value };
    this.host.requestUpdate();
  }

  cancelEdit(): void {
    this.editing = false;
    this.errors = {};
    if (this.failure?.action === 'edit') this.failure = undefined;
    this.host.requestUpdate();
  }

  async saveEdit(): Promise<ActionOutcome> {
    this.errors = this.validate();
    this.failure = undefined;
    if (hasErrors(this.errors)) {
      this.host.requestUpdate();
      return 'invalid';
    }
    const { title, body, topic } = this.fields;
    return this.run('edit', async (client, questionId) => {
      const payload = await client.editQuestion(questionId, {
        questionId,
        title: title.trim(),
        body: body.trim(),
        topic,
      });
      return this.changed(payload, () => (this.editing = false));
    });
  }

  askDelete(): void {
    this.confirmingDelete = true;
    this.editing = false;
    this.failure = undefined;
    this.host.requestUpdate();
  }

  cancelDelete(): void {
    this.confirmingDelete = false;
    if (this.failure?.action === 'delete') this.failure = undefined;
    this.host.requestUpdate();
  }

  async confirmDelete(): Promise<ActionOutcome> {
    return this.run('delete', async (client, questionId) => {
      const { deleted, errors } = await client.deleteQuestion(questionId);
      if (deleted) {
        this.confirmingDelete = false;
        return 'done';
      }
      this.fail('delete', errors[0]?.message);
      return 'failed';
    });
  }

  async resolve(): Promise<ActionOutcome> {
    return this.run('resolve', async (client, questionId) => this.changed(await client.resolveQuestion(questionId)));
  }

  async accept(answerId: string): Promise<ActionOutcome> {
    this.acceptingId = answerId;
    try {
      return await this.run('accept', async (client, questionId) =>
        this.changed(await client.acceptAnswer(questionId, answerId)),
      );
    } finally {
      this.acceptingId = undefined;
      this.host.requestUpdate();
    }
  }

  private async run(
    action: OwnerAction,
    call: (client: PleinClient, questionId: string) => Promise<ActionOutcome>,
  ): Promise<ActionOutcome> {
    const { client, questionId } = this.target();
    if (this.busy || !client || !questionId) return 'ignored';
    this.busy = action;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      const outcome = await call(client, questionId);
      return questionId === this.target().questionId ? outcome : 'ignored';
    } catch (error) {
      this.fail(action, messageOf(error, this.localize.t('question.owner.failed')));
      return 'failed';
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  /** Applies the question the server returned, or keeps its errors: tied to the edit form's fields, else general. */
  private changed(payload: QuestionChangePayload, onDone?: () => void): ActionOutcome {
    if (payload.question) {
      this.apply(payload.question);
      onDone?.();
      return 'done';
    }
    const byField = fieldErrorsFrom(payload.errors);
    const fieldErrors = Object.fromEntries(editFields.filter((f) => byField[f]).map((f) => [f, byField[f]]));
    if (this.busy === 'edit' && hasErrors(fieldErrors)) {
      this.errors = fieldErrors;
      return 'invalid';
    }
    this.fail(this.busy ?? 'edit', payload.errors[0]?.message);
    return 'failed';
  }

  private fail(action: OwnerAction, message = this.localize.t('question.owner.failed')): void {
    this.failure = { action, message, answerId: action === 'accept' ? this.acceptingId : undefined };
  }

  private reset(): void {
    this.editing = false;
    this.confirmingDelete = false;
    this.errors = {};
    this.failure = undefined;
  }

  /** The server's rules (limits.ts), checked here first so the asker hears about them without a round trip. */
  private validate(): FieldErrors {
    const t = this.localize.t.bind(this.localize);
    const errors: FieldErrors = {};
    const check = (field: 'title' | 'body', limit: { min: number; max: number }, required: string) => {
      const value = this.fields[field].trim();
      if (!value) errors[field] = required;
      else if (value.length < limit.min) errors[field] = t('question.edit.tooShort', limit.min);
      else if (value.length > limit.max) errors[field] = t('question.edit.tooLong', limit.max);
    };
    check('title', limits.questionTitle, t('question.edit.titleRequired'));
    if (!this.fields.topic) errors.topic = t('question.edit.topicRequired');
    check('body', limits.questionBody, t('question.edit.bodyRequired'));
    return errors;
  }
}
