import type { PleinClient } from '@plein/client';
import { limits } from '@plein/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { messageOf } from '../base/errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

// Deliberately loose: the server checks the address properly; this only catches typos such as a missing "@" or dot.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type FollowOutcome = 'sent' | 'invalid' | 'failed' | 'ignored';

/**
 * "Volg deze vraag": an e-mail address for a message when an answer arrives. The server sends a confirmation first
 * (double opt-in). The address stays in memory only, never in storage: it is kept after a failure so the citizen can
 * try again, and forgotten when the element goes or another question is shown.
 */
export class FollowController implements ReactiveController {
  email = '';
  /** What is wrong with the address, tied to the field. */
  error: string | undefined;
  /** Why sending failed (network, server), with the address kept. */
  failure: string | undefined;
  sending = false;
  sent = false;

  private questionId: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly target: () => { client: PleinClient | undefined; questionId: string },
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { questionId } = this.target();
    if (questionId === this.questionId) return;
    this.questionId = questionId;
    this.email = '';
    this.error = this.failure = undefined;
    this.sent = false;
  }

  setEmail(email: string): void {
    this.email = email;
    this.host.requestUpdate();
  }

  async submit(): Promise<FollowOutcome> {
    const { client, questionId } = this.target();
    if (this.sending || !client || !questionId) return 'ignored';
    const email = this.email.trim();
    this.failure = undefined;
    this.error = !email
      ? this.localize.t('question.follow.emailRequired')
      : !emailShape.test(email) || email.length > limits.email.max
        ? this.localize.t('question.follow.emailInvalid')
        : undefined;
    if (this.error) {
      this.host.requestUpdate();
      return 'invalid';
    }
    this.sending = true;
    this.host.requestUpdate();
    try {
      const payload = await client.followQuestion(questionId, email);
      if (questionId !== this.target().questionId) return 'ignored';
      if (payload.confirmationSent) {
        this.sent = true;
        this.email = '';
        return 'sent';
      }
      const fieldError = payload.errors.find((error) => error.field === 'email');
      if (fieldError) {
        this.error = fieldError.message;
        return 'invalid';
      }
      this.failure = payload.errors[0]?.message ?? this.localize.t('question.follow.failed');
      return 'failed';
    } catch (error) {
      this.failure = messageOf(error, this.localize.t('question.follow.failed'));
      return 'failed';
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }
}
