import type { PleinClient } from '@plein/client';
import type { ReactiveControllerHost } from 'lit';
import { messageOf } from '../base/errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

/** Where this browser remembers the answers it found helpful, so "Nuttig" shows as pressed after a reload. */
const VOTED_KEY = 'plein:helpful';
const MAX_REMEMBERED = 500;

function readVoted(): Set<string> {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(VOTED_KEY) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeVoted(voted: Set<string>): void {
  try {
    globalThis.localStorage?.setItem(VOTED_KEY, JSON.stringify([...voted].slice(-MAX_REMEMBERED)));
  } catch {
    // Without storage the button forgets its state after a reload; the server still counts one vote per device.
  }
}

export type VoteOutcome =
  | { outcome: 'counted'; helpfulCount: number }
  /** This device had voted before: nothing changes but the pressed state. */
  | { outcome: 'already' }
  | { outcome: 'failed' }
  | { outcome: 'ignored' };

/**
 * "Nuttig" on answers: one vote per device and answer (the server de-duplicates on a device key; see the client's
 * `deviceVoterKey`). The answers voted for are remembered in localStorage: only their ids, nothing about the person.
 */
export class HelpfulVotesController {
  private voted = readVoted();
  private readonly sending = new Set<string>();
  /** The answer whose vote failed, and why. */
  failure: { answerId: string; message: string } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly client: () => PleinClient | undefined,
  ) {}

  hasVoted(answerId: string): boolean {
    return this.voted.has(answerId);
  }

  isSending(answerId: string): boolean {
    return this.sending.has(answerId);
  }

  async vote(questionId: string, answerId: string): Promise<VoteOutcome> {
    const client = this.client();
    if (!client || this.sending.has(answerId)) return { outcome: 'ignored' };
    if (this.voted.has(answerId)) return { outcome: 'already' };
    this.sending.add(answerId);
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      const payload = await client.markAnswerHelpful(questionId, answerId);
      if (payload.errors.length > 0 && !payload.answer) {
        this.failure = { answerId, message: payload.errors[0]!.message };
        return { outcome: 'failed' };
      }
      this.voted = readVoted().add(answerId);
      writeVoted(this.voted);
      if (!payload.counted || !payload.answer) return { outcome: 'already' };
      return { outcome: 'counted', helpfulCount: payload.answer.helpfulCount };
    } catch (error) {
      this.failure = { answerId, message: messageOf(error, this.localize.t('question.helpful.failed')) };
      return { outcome: 'failed' };
    } finally {
      this.sending.delete(answerId);
      this.host.requestUpdate();
    }
  }
}
