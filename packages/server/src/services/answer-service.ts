import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { UserError } from './errors.ts';
import { ANONYMOUS, type Answer, type Connection, type Question, toAnswer } from './models.ts';
import { isUniqueViolation, pageSize, readPage, toConnection } from './paging.ts';
import { newId } from './secrets.ts';
import { answerQuestionInput, validate } from './validation.ts';

export interface AnswerQuestionResult {
  answer: Answer | null;
  errors: UserError[];
}

export class AnswerService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
  ) {}

  async list(
    question: Question,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Answer>> {
    const size = pageSize(first);
    const page = await readPage(() => this.store.answerPage(question.id, size, after ?? undefined));
    return toConnection(page, (row) => toAnswer(row, question.acceptedAnswerId));
  }

  async byId(id: string, acceptedAnswerId: string | null): Promise<Answer | null> {
    const [row] = await this.store.answersByIds([id]);
    return row ? toAnswer(row, acceptedAnswerId) : null;
  }

  /** Stores a peer's answer. The same idempotency key twice stores one answer and returns it both times. */
  async answer(rawInput: unknown, request?: RequestOrigin): Promise<AnswerQuestionResult> {
    const validated = validate(answerQuestionInput, rawInput);
    if (!validated.ok) return { answer: null, errors: validated.errors };
    const input = validated.value;

    const [question] = await this.store.questionsByIds([input.questionId]);
    if (!question) return { answer: null, errors: [{ field: 'questionId', code: 'UNKNOWN_QUESTION' }] };
    if (request) await this.communities.assertOriginAllowed(question.community_id, request);

    // The answer stored earlier under this key, if any: a retry gets it back instead of a second copy.
    const earlier = async (store: PleinStore): Promise<AnswerQuestionResult | null> => {
      const existing = await store.answerByIdempotencyKey(question.id, input.idempotencyKey);
      return existing ? { answer: toAnswer(existing, question.accepted_answer_id), errors: [] } : null;
    };
    const row = {
      id: newId(),
      question_id: question.id,
      body: input.body,
      author_display_name: input.displayName ?? ANONYMOUS,
      author_role: 'CITIZEN' as const,
      author_expert_id: null,
      is_expert: 0,
      idempotency_key: input.idempotencyKey,
      helpful_count: 0,
      created_at: this.clock().toISOString(),
    };
    try {
      return await this.store.transaction(async (store) => {
        const replay = await earlier(store);
        if (replay) return replay;
        // A peer answer keeps the status: a question counts as ANSWERED once an expert has answered it.
        await store.insertAnswer(row, question.status);
        return { answer: toAnswer(row, null), errors: [] };
      });
    } catch (error) {
      // A concurrent request with the same key committed first.
      const replay = isUniqueViolation(error) ? await earlier(this.store) : null;
      if (replay) return replay;
      throw error;
    }
  }
}
