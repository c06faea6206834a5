import { Task, type TaskStatus } from '@lit/task';
import type { PleinClient, PrivateQuestion } from '@plein/client';
import { limits } from '@plein/schema';
import type { ReactiveControllerHost } from 'lit';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

/** Whose private questions to ask for: the viewer's id, so a sign-in or sign-out loads them again. */
export interface PrivateInboxRequest {
  client: PleinClient | undefined;
  /** The signed-in expert's id; undefined when nobody (or no expert) is signed in: then nothing is asked. */
  expertViewerId: string | undefined;
}

/** The answer form of one private question. */
export interface PrivateAnswerState {
  body: string;
  errors: FieldErrors;
  failure: unknown;
  sending: boolean;
}

export type PrivateAnswerResult = 'answered' | 'invalid' | 'failed' | 'ignored';

/** Unanswered questions first; otherwise the server's order (newest first) stays. */
export function unansweredFirst(questions: readonly PrivateQuestion[]): PrivateQuestion[] {
  return [...questions].sort((a, b) => Number(a.answered) - Number(b.answered));
}

/**
 * The private e-mail questions of the expert's topics in `<plein-expert-inbox>`, unanswered first, each with its own
 * inline answer form. The text of a private answer stays in memory only, never in storage: it is about someone's own
 * situation. A failed send keeps it; an answered question stays where it is, now with the answer under it.
 */
export class PrivateInboxController {
  questions: PrivateQuestion[] = [];

  private readonly forms = new Map<string, PrivateAnswerState>();
  private readonly task: Task<[PleinClient | undefined, string | undefined], PrivateQuestion[]>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly request: () => PrivateInboxRequest,
  ) {
    this.task = new Task(host, {
      args: () => {
        const { client, expertViewerId } = this.request();
        return [client, expertViewerId] as [PleinClient | undefined, string | undefined];
      },
      task: async ([client, expertViewerId], { signal }) => {
        const questions = client && expertViewerId ? await client.privateQuestions({ signal }) : [];
        if (!signal.aborted) this.questions = unansweredFirst(questions);
        return this.questions;
      },
    });
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get error(): unknown {
    return this.task.error;
  }

  get unansweredCount(): number {
    return this.questions.filter((question) => !question.answered).length;
  }

  reload(): Promise<unknown> {
    return this.task.run();
  }

  /** The answer form of one question. */
  form(questionId: string): PrivateAnswerState {
    let form = this.forms.get(questionId);
    if (!form) this.forms.set(questionId, (form = { body: '', errors: {}, failure: undefined, sending: false }));
    return form;
  }

  setBody(questionId: string, body: string): void {
    this.form(questionId).body = body;
    this.host.requestUpdate();
  }

  /** Sends the answer; the citizen gets an e-mail with the link to it. */
  async submit(questionId: string): Promise<PrivateAnswerResult> {
    const { client } = this.request();
    const form = this.form(questionId);
    if (!client || form.sending) return 'ignored';
    form.failure = undefined;
    form.errors = this.validate(form.body);
    if (hasErrors(form.errors)) {
      this.host.requestUpdate();
      return 'invalid';
    }
    form.sending = true;
    this.host.requestUpdate();
    try {
      const payload = await client.answerPrivateQuestion(questionId, form.body.trim());
      if (payload.question) {
        const answered = payload.question;
        this.questions = this.questions.map((question) => (question.id === questionId ? answered : question));
        this.forms.delete(questionId);
        return 'answered';
      }
      form.errors = payload.errors.length
        ? fieldErrorsFrom(payload.errors)
        : { form: this.localize.t('expertInbox.private.notSent') };
      return 'invalid';
    } catch (error) {
      form.failure = error;
      return 'failed';
    } finally {
      form.sending = false;
      this.host.requestUpdate();
    }
  }

  /** The server's rules for an answer, checked here first so the expert hears about them without a round trip. */
  private validate(text: string): FieldErrors {
    const body = text.trim();
    const { min, max } = limits.answerBody;
    if (!body) return { body: this.localize.t('expertInbox.form.bodyRequired') };
    if (body.length < min) return { body: this.localize.t('expertInbox.form.bodyTooShort', min) };
    if (body.length > max) return { body: this.localize.t('expertInbox.form.bodyTooLong', max) };
    return {};
  }
}
