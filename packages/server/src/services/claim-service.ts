import type { QuestionRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import { ServiceError, type UserError } from './errors.ts';
import { type Claim, type Connection, type Question, toClaim, toQuestion } from './models.ts';
import { pageSize, readPage, toConnection } from './paging.ts';
import { hasRole, requireRole, type Viewer } from './viewer.ts';

/** "Ik pak deze op" holds a question this long; claiming it again extends it. */
export const CLAIM_MS = 2 * 60 * 60_000;

export interface ClaimResult {
  question: Question | null;
  errors: UserError[];
}

const noQuestion: ClaimResult = { question: null, errors: [{ field: 'questionId', code: 'UNKNOWN_QUESTION' }] };

/**
 * The expert inbox and claims. A claim tells other experts that someone is writing an answer, for two hours; it is
 * shown to the community's experts, moderators and admins only, never to citizens. Whether a claim holds is decided
 * at read time by the clock, like verifications.
 */
export class ClaimService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
  ) {}

  /**
   * For an expert with a current verification: published OPEN questions in the verification's topics that no expert
   * has answered, oldest first. An expert whose verification expired or was revoked gets an empty inbox (their
   * profile shows why); anyone without the EXPERT role is refused.
   */
  async inbox(
    viewer: Viewer | null | undefined,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<Question>> {
    const expert = requireRole(viewer, viewer?.communityId ?? '', 'EXPERT');
    const first = pageSize(args.first);
    const verification = await this.currentVerification(expert);
    if (!verification || verification.topic_ids.length === 0) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: async () => 0 };
    }
    const page = await readPage(() =>
      this.store.inboxPage(expert.communityId, verification.topic_ids, first, args.after ?? undefined),
    );
    return toConnection(page, toQuestion);
  }

  /**
   * Verified experts of the question's community: claims it for two hours. Another expert's claim that still holds
   * is an ALREADY_CLAIMED user error; the expert's own claim is extended. Two experts at once: exactly one wins.
   */
  async claim(questionId: unknown, viewer: Viewer | null | undefined): Promise<ClaimResult> {
    const expert = requireRole(viewer, viewer?.communityId ?? '', 'EXPERT');
    const question = await this.publishedQuestion(questionId);
    if (!question) return noQuestion;
    requireRole(expert, question.community_id, 'EXPERT');
    // Only a current verification lets an expert claim: the claim says "an expert is answering".
    if (!(await this.currentVerification(expert))) throw new ServiceError('FORBIDDEN');

    const now = this.clock();
    const claimed = await this.store.transaction((store) =>
      store.claimQuestion(
        {
          question_id: question.id,
          expert_id: expert.expertId!,
          claimed_at: now.toISOString(),
          expires_at: new Date(now.getTime() + CLAIM_MS).toISOString(),
        },
        now.toISOString(),
      ),
    );
    return {
      question: toQuestion(question),
      errors: claimed ? [] : [{ field: 'questionId', code: 'ALREADY_CLAIMED' }],
    };
  }

  /** An expert gives their own claim back. Another expert's claim stays; nothing to give back is no error. */
  async release(questionId: unknown, viewer: Viewer | null | undefined): Promise<ClaimResult> {
    const expert = requireRole(viewer, viewer?.communityId ?? '', 'EXPERT');
    if (!expert.expertId) throw new ServiceError('FORBIDDEN');
    const question = await this.publishedQuestion(questionId);
    if (!question) return noQuestion;
    requireRole(expert, question.community_id, 'EXPERT');
    await this.store.releaseClaim(question.id, expert.expertId);
    return { question: toQuestion(question), errors: [] };
  }

  /**
   * `Question.claim` for one viewer: the claim that holds now, for signed-in experts, moderators and admins of the
   * question's community; null for everyone else, so citizens never see who is working on their question.
   */
  async claimsFor(questions: readonly Question[], viewer: Viewer | null | undefined): Promise<(Claim | null)[]> {
    const maySee = (question: Question) =>
      (['EXPERT', 'MODERATOR', 'ADMIN'] as const).some((role) => hasRole(viewer, question.communityId, role));
    const visible = questions.filter(maySee).map((question) => question.id);
    const claims = await this.store.claimsOfQuestions([...new Set(visible)], this.clock().toISOString());
    return questions.map((question) => {
      const row = maySee(question) ? claims.get(question.id) : undefined;
      return row ? toClaim(row, viewer?.expertId ?? null) : null;
    });
  }

  private async currentVerification(viewer: Viewer) {
    if (!viewer.expertId) return undefined;
    const [expert] = await this.store.expertsByIds([viewer.expertId]);
    if (!expert || expert.community_id !== viewer.communityId) return undefined;
    return (await this.store.currentVerifications([expert.id], this.clock().toISOString())).get(expert.id);
  }

  private async publishedQuestion(questionId: unknown): Promise<QuestionRow | undefined> {
    if (typeof questionId !== 'string' || questionId.length === 0 || questionId.length > 100) return undefined;
    const [question] = await this.store.questionsByIds([questionId]);
    return question?.publication === 'PUBLISHED' ? question : undefined;
  }
}
