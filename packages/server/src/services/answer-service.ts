import type { AnswerRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { UserError } from './errors.ts';
import type { ServiceEvents } from './events.ts';
import { ANONYMOUS, type Answer, type Connection, type Question, toAnswer, toQuestion } from './models.ts';
import { isUniqueViolation, pageSize, readPage, toConnection } from './paging.ts';
import type { PersonalDataGuard } from './personal-data.ts';
import { ownerTokenHashes } from './question-service.ts';
import { hashToken, newId, newOwnerToken } from './secrets.ts';
import { answerQuestionInput, validate } from './validation.ts';

export interface AnswerQuestionResult {
  answer: Answer | null;
  /** Lets the writer see the answer while it is held. Only when this call stored it; a replay gets null. */
  ownerToken: string | null;
  errors: UserError[];
}

export class AnswerService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    private readonly events: ServiceEvents,
    private readonly personalData: PersonalDataGuard,
  ) {}

  /** The published answers of a question: the accepted one first, then experts, then the others. */
  async list(
    question: Question,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Answer>> {
    const size = pageSize(first);
    const page = await readPage(() =>
      this.store.answerPage(question.id, question.acceptedAnswerId, size, after ?? undefined),
    );
    return toConnection(page, (row) => toAnswer(row, question.acceptedAnswerId));
  }

  /** A published answer by id, or null. */
  async byId(id: string, acceptedAnswerId: string | null): Promise<Answer | null> {
    const [row] = await this.store.answersByIds([id]);
    return row && row.publication === 'PUBLISHED' ? toAnswer(row, acceptedAnswerId) : null;
  }

  /** The answers written on a device, held ones included, oldest first; unknown tokens are ignored. */
  async mine(ownerTokens: readonly string[], request?: RequestOrigin): Promise<Answer[]> {
    const rows = await this.store.answersByOwnerHashes(ownerTokenHashes(ownerTokens));
    const questions = await this.store.questionsByIds([...new Set(rows.map((row) => row.question_id))]);
    const byId = new Map(questions.map((question) => [question.id, question]));
    if (request) {
      for (const communityId of new Set(questions.map((question) => question.community_id)))
        await this.communities.assertOriginAllowed(communityId, request);
    }
    return rows.map((row) => toAnswer(row, byId.get(row.question_id)?.accepted_answer_id ?? null));
  }

  /**
   * Stores a peer's answer, with personal data replaced (and held when it may name someone). The same idempotency
   * key twice stores one answer and returns it both times.
   */
  async answer(rawInput: unknown, request?: RequestOrigin): Promise<AnswerQuestionResult> {
    const validated = validate(answerQuestionInput, rawInput);
    if (!validated.ok) return { answer: null, ownerToken: null, errors: validated.errors };
    const input = validated.value;

    const [question] = await this.store.questionsByIds([input.questionId]);
    // A held question is not there for others, so nobody can answer it yet.
    if (!question || question.publication !== 'PUBLISHED') {
      return { answer: null, ownerToken: null, errors: [{ field: 'questionId', code: 'UNKNOWN_QUESTION' }] };
    }
    if (request) await this.communities.assertOriginAllowed(question.community_id, request);
    const community = await this.store.communityById(question.community_id);

    // The answer stored earlier under this key, if any: a retry gets it back instead of a second copy.
    const earlier = async (store: PleinStore): Promise<AnswerQuestionResult | null> => {
      const existing = await store.answerByIdempotencyKey(question.id, input.idempotencyKey);
      return existing
        ? { answer: toAnswer(existing, question.accepted_answer_id), ownerToken: null, errors: [] }
        : null;
    };
    const screened = this.personalData.screen(community?.slug ?? '', {
      body: input.body,
      displayName: input.displayName,
    });
    const ownerToken = newOwnerToken();
    const row: AnswerRow = {
      id: newId(),
      question_id: question.id,
      body: screened.fields.body,
      author_display_name: screened.fields.displayName ?? ANONYMOUS,
      author_role: 'CITIZEN',
      author_expert_id: null,
      is_expert: 0,
      idempotency_key: input.idempotencyKey,
      helpful_count: 0,
      created_at: this.clock().toISOString(),
      publication: screened.publication,
      owner_token_hash: hashToken(ownerToken),
    };
    let result: AnswerQuestionResult & { question?: Question };
    try {
      result = await this.store.transaction(async (store) => {
        const replay = await earlier(store);
        if (replay) return replay;
        // A peer answer keeps the status: a question counts as ANSWERED once an expert has answered it.
        await store.insertAnswer(row, question.status);
        const [updated] = await store.questionsByIds([question.id]);
        const answer = toAnswer(row, question.accepted_answer_id);
        return { answer, ownerToken, errors: [], question: updated ? toQuestion(updated) : undefined };
      });
    } catch (error) {
      // A concurrent request with the same key committed first.
      const replay = isUniqueViolation(error) ? await earlier(this.store) : null;
      if (replay) return replay;
      throw error;
    }
    const { question: updated, ...payload } = result;
    // Only the call that stored the answer announces it, and only when others can see it.
    if (updated && payload.answer && payload.ownerToken !== null && payload.answer.publication === 'PUBLISHED') {
      this.events.emit('answer-published', { answer: payload.answer, question: updated });
    }
    return payload;
  }
}
