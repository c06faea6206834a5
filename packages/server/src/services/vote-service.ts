import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { UserError } from './errors.ts';
import { type Answer, toAnswer } from './models.ts';
import { keyedHash, newSecretKey } from './secrets.ts';
import { markAnswerHelpfulInput, validate } from './validation.ts';

export interface MarkHelpfulResult {
  answer: Answer | null;
  /** False when this device had already voted for this answer (or the vote was refused). */
  counted: boolean;
  errors: UserError[];
}

/** The name of the vote key in `instance_secrets`, when PLEIN_SECRET is not set. */
export const VOTE_KEY_NAME = 'vote-key';

/**
 * Helpful votes: one per device and answer, anonymous. The device sends a random key of its own; the store keeps
 * only HMAC-SHA256(vote key, answer id + ':' + device key), so a vote cannot be traced to a device, and two votes of
 * one device on different answers cannot be linked.
 */
export class VoteService {
  private voteKey: Promise<string> | undefined;

  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    /** PLEIN_SECRET; without it a random key is made once and kept in the database. */
    private readonly secret: string | undefined,
  ) {}

  async markHelpful(rawInput: unknown, request?: RequestOrigin): Promise<MarkHelpfulResult> {
    const validated = validate(markAnswerHelpfulInput, rawInput);
    if (!validated.ok) return { answer: null, counted: false, errors: validated.errors };
    const { answerId, voterKey } = validated.value;

    const [answer] = await this.store.answersByIds([answerId]);
    const [question] = answer ? await this.store.questionsByIds([answer.question_id]) : [];
    if (!answer || !question || answer.publication !== 'PUBLISHED' || question.publication !== 'PUBLISHED') {
      return { answer: null, counted: false, errors: [{ field: 'answerId', code: 'UNKNOWN_ANSWER' }] };
    }
    if (request) await this.communities.assertOriginAllowed(question.community_id, request);

    const voterHash = keyedHash(await this.key(), `${answer.id}:${voterKey}`);
    const now = this.clock().toISOString();
    const counted = await this.store.transaction((store) =>
      store.insertHelpfulVote(answer.id, question.id, voterHash, now),
    );
    const [current] = await this.store.answersByIds([answer.id]);
    return { answer: toAnswer(current ?? answer, question.accepted_answer_id), counted, errors: [] };
  }

  /** The HMAC key for votes: derived from PLEIN_SECRET for this one purpose, or the instance's own stored key. */
  private key(): Promise<string> {
    this.voteKey ??= this.secret
      ? Promise.resolve(keyedHash(this.secret, `plein:${VOTE_KEY_NAME}`))
      : this.store.instanceSecret(VOTE_KEY_NAME, newSecretKey, this.clock().toISOString()).catch((error: unknown) => {
          this.voteKey = undefined;
          throw error;
        });
    return this.voteKey;
  }
}
