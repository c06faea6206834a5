import { limits } from '@plein/schema';
import type { QuestionStatus } from '../store/database-schema.ts';
import type { PleinStore, QuestionOrder } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { UserError } from './errors.ts';
import { ANONYMOUS, type Connection, type Question, toQuestion } from './models.ts';
import { isUniqueViolation, pageSize, readPage, toConnection } from './paging.ts';
import { hashToken, newId, newOwnerToken } from './secrets.ts';
import { askQuestionInput, validate } from './validation.ts';

export interface ListQuestionsArgs {
  topic?: string | null;
  search?: string | null;
  status?: QuestionStatus | null;
  orderBy?: QuestionOrder | null;
  first?: number | null;
  after?: string | null;
}

export interface AskQuestionResult {
  question: Question | null;
  /** Only when this call created the question; a replay with the same idempotency key gets null. */
  ownerToken: string | null;
  errors: UserError[];
}

export class QuestionService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
  ) {}

  async list(communityId: string, args: ListQuestionsArgs): Promise<Connection<Question>> {
    const first = pageSize(args.first);
    const topicId = await this.communities.topicFilter(communityId, args.topic);
    const search = args.search?.trim().slice(0, limits.search.max) || undefined;
    const page = await readPage(() =>
      this.store.questionPage(
        communityId,
        { topicId, status: args.status ?? undefined, search },
        args.orderBy ?? 'NEWEST',
        first,
        args.after ?? undefined,
      ),
    );
    return toConnection(page, toQuestion);
  }

  /** A question by id, or null when there is none (or the id is not one of ours). */
  async byId(id: string, request?: RequestOrigin): Promise<Question | null> {
    const [row] = await this.store.questionsByIds([id]);
    if (!row) return null;
    if (request) await this.communities.assertOriginAllowed(row.community_id, request);
    return toQuestion(row);
  }

  bodies(ids: readonly string[]): Promise<Map<string, string>> {
    return this.store.bodiesOfQuestions(ids);
  }

  async similar(communityId: string, text: string, first: number | null | undefined): Promise<Question[]> {
    const size = Math.min(pageSize(first ?? 5), 20);
    const rows = await this.store.similarQuestions(communityId, text.slice(0, limits.questionBody.max), size);
    return rows.map(toQuestion);
  }

  /**
   * Stores a citizen's question. The same idempotency key twice stores one question and returns it both times,
   * so a retry after a lost response never makes a duplicate.
   */
  async ask(rawInput: unknown, request?: RequestOrigin): Promise<AskQuestionResult> {
    const validated = validate(askQuestionInput, rawInput);
    if (!validated.ok) return { question: null, ownerToken: null, errors: validated.errors };
    const input = validated.value;

    const community = await this.store.communityBySlug(input.community);
    if (!community) return failure({ field: 'community', code: 'UNKNOWN_COMMUNITY' });
    if (request) await this.communities.assertOriginAllowed(community.id, request);
    const topic = await this.store.topicBySlug(community.id, input.topic);
    if (!topic) return failure({ field: 'topic', code: 'UNKNOWN_TOPIC' });

    // The question stored earlier under this key, if any: a retry gets it back instead of a second copy.
    const earlier = async (store: PleinStore): Promise<AskQuestionResult | null> => {
      const existing = await store.questionByIdempotencyKey(community.id, input.idempotencyKey);
      return existing ? { question: toQuestion(existing), ownerToken: null, errors: [] } : null;
    };

    const ownerToken = newOwnerToken();
    const now = this.clock().toISOString();
    const row = {
      id: newId(),
      community_id: community.id,
      topic_id: topic.id,
      municipality_id: null,
      title: input.title,
      body: input.body,
      status: 'OPEN' as const,
      author_display_name: input.displayName ?? ANONYMOUS,
      author_role: 'CITIZEN' as const,
      author_expert_id: null,
      owner_token_hash: hashToken(ownerToken),
      idempotency_key: input.idempotencyKey,
      accepted_answer_id: null,
      answer_count: 0,
      has_expert_answer: 0,
      helpful_count: 0,
      created_at: now,
      last_activity_at: now,
    };
    try {
      return await this.store.transaction(async (store) => {
        const replay = await earlier(store);
        if (replay) return replay;
        await store.insertQuestion(row);
        if (input.notifyEmail) {
          await store.insertNotificationSubscription({
            id: newId(),
            question_id: row.id,
            email: input.notifyEmail,
            created_at: now,
          });
        }
        return { question: toQuestion(row), ownerToken, errors: [] };
      });
    } catch (error) {
      // A concurrent request with the same key committed first.
      const replay = isUniqueViolation(error) ? await earlier(this.store) : null;
      if (replay) return replay;
      throw error;
    }
  }
}

function failure(error: UserError): AskQuestionResult {
  return { question: null, ownerToken: null, errors: [error] };
}
