import { type AnswerNode, createDraftStore, type DraftStore } from '@plein/client';
import { limits } from '@plein/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';
import type { ThreadRequest } from './thread-controller.ts';

/** What the answer form remembers between reloads: the text, the name and the key of a submit that may have landed. */
export interface AnswerDraft {
  body: string;
  displayName: string;
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
 * The answer form's state: what was typed (kept as a draft on every keystroke), the field errors, and one submit at
 * a time. A submit gets an idempotency key that is kept, also in the draft, until the answer is posted: a retry after
 * a lost response never posts the answer twice.
 */
export class AnswerFormController implements ReactiveController {
  body = '';
  displayName = '';
  errors: FieldErrors = {};
  failure: unknown = undefined;
  sending = false;
  posted = false;

  private idempotencyKey: string | undefined;
  private draft: DraftStore<AnswerDraft> | undefined;
  private draftName: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly target: () => ThreadRequest,
  ) {
    host.addController(this);
  }

  /** Before each render: another community or question gets its own draft. */
  hostUpdate(): void {
    const { client, questionId } = this.target();
    const name = client && questionId ? `answer:${client.community}:${questionId}` : undefined;
    if (name === this.draftName) return;
    this.draftName = name;
    this.draft = name ? createDraftStore<AnswerDraft>(name) : undefined;
    const saved = this.draft?.load();
    this.body = typeof saved?.body === 'string' ? saved.body : '';
    this.displayName = typeof saved?.displayName === 'string' ? saved.displayName : '';
    this.idempotencyKey = typeof saved?.idempotencyKey === 'string' ? saved.idempotencyKey : undefined;
    this.errors = {};
    this.failure = undefined;
    this.posted = false;
  }

  setBody(body: string): void {
    this.body = body;
    this.changed();
  }

  setDisplayName(displayName: string): void {
    this.displayName = displayName;
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
        idempotencyKey: this.idempotencyKey,
      });
      if (draftName !== this.draftName) return { outcome: 'ignored' };
      if (payload.answer) {
        this.idempotencyKey = undefined;
        // Text typed while the answer was on its way is a new draft, not part of the posted answer.
        if (this.body.trim() === body) {
          this.body = '';
          this.draft?.clear();
        } else {
          this.saveDraft();
        }
        this.posted = true;
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
    if (!this.body && !this.displayName && !this.idempotencyKey) {
      this.draft?.clear();
      return;
    }
    this.draft?.save({ body: this.body, displayName: this.displayName, idempotencyKey: this.idempotencyKey });
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
