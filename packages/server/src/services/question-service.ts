import { limits } from '@plein/schema';
import type { Locale } from '../i18n/locale.ts';
import type { QuestionRow, QuestionStatus } from '../store/database-schema.ts';
import type { PleinStore, QuestionOrder } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import { ServiceError, type UserError } from './errors.ts';
import type { ServiceEvents } from './events.ts';
import { ANONYMOUS, type Connection, type Question, toQuestion } from './models.ts';
import { isUniqueViolation, pageSize, readPage, toConnection } from './paging.ts';
import type { ModerationPipeline } from './moderation-pipeline.ts';
import { hashToken, newId, newOwnerToken, tokenMatches } from './secrets.ts';
import { askQuestionInput, validate } from './validation.ts';
import type { Viewer } from './viewer.ts';

/** The asker may change a question this long after posting it. */
export const EDIT_WINDOW_MS = 15 * 60_000;

/** The moment until which the asker may change a question. */
export function editableUntil(createdAt: string): string {
  return new Date(Date.parse(createdAt) + EDIT_WINDOW_MS).toISOString();
}

/** How many owner tokens one device may send at once. */
export const MAX_OWNER_TOKENS = 50;

/**
 * Who may see a question: everyone when it is published, only the holder of its owner token when it is held,
 * hidden or rejected.
 */
export function visibleTo(row: QuestionRow, ownerToken: string | null | undefined): boolean {
  return row.publication === 'PUBLISHED' || (!!ownerToken && tokenMatches(row.owner_token_hash, ownerToken));
}

/** A question or answer as its author (owner token) or a moderator sees it: with the moderator's reason. */
export type WithModerationReason<Model> = Model & { moderationReason: string | null };

/** The question for the holder of its owner token: `Question.moderationReason` is theirs to read. */
export function ownQuestion(row: QuestionRow): WithModerationReason<Question> {
  return { ...toQuestion(row), moderationReason: row.moderation_reason };
}

/** The hashes of a device's owner tokens; more than 50 is a BAD_USER_INPUT error, things that are no token are left out. */
export function ownerTokenHashes(ownerTokens: readonly string[]): string[] {
  if (ownerTokens.length > MAX_OWNER_TOKENS) throw new ServiceError('BAD_USER_INPUT');
  return [...new Set(ownerTokens.filter((token) => /^[A-Za-z0-9_-]{20,100}$/.test(token)).map(hashToken))];
}

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
    private readonly events: ServiceEvents,
    private readonly pipeline: ModerationPipeline,
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

  /**
   * A question by id, or null when there is none (or the id is not one of ours). A held, hidden or rejected question
   * only comes back with its owner token, and only then with the moderator's reason.
   */
  async byId(id: string, request?: RequestOrigin, ownerToken?: string | null): Promise<Question | null> {
    const [row] = await this.store.questionsByIds([id]);
    if (!row || !visibleTo(row, ownerToken)) return null;
    if (request) await this.communities.assertOriginAllowed(row.community_id, request);
    return ownerToken && tokenMatches(row.owner_token_hash, ownerToken) ? ownQuestion(row) : toQuestion(row);
  }

  /**
   * The questions asked on a device, held, hidden and rejected ones included (with the moderator's reason), newest
   * first; unknown tokens are ignored.
   */
  async mine(ownerTokens: readonly string[], request?: RequestOrigin): Promise<Question[]> {
    const rows = await this.store.questionsByOwnerHashes(ownerTokenHashes(ownerTokens));
    if (request) {
      for (const communityId of new Set(rows.map((row) => row.community_id)))
        await this.communities.assertOriginAllowed(communityId, request);
    }
    return rows.map(ownQuestion);
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
   * Stores a citizen's question after the moderation pipeline (services/moderation-pipeline.ts): personal data
   * replaced, refused or held by the community's rules. The same idempotency key twice stores one question and
   * returns it both times, so a retry after a lost response never makes a duplicate (and never meets the repeat
   * check). `locale` is the asker's language, for the e-mails that may follow. A citizen signed in through the host
   * portal (`viewer.portalCitizen`) asks under their stable pseudonym, never a name from the form. `deviceKey` is the
   * `Plein-Device` header; only its keyed hash is stored.
   */
  async ask(
    rawInput: unknown,
    request?: RequestOrigin,
    locale: Locale = 'nl',
    viewer?: Viewer | null,
    deviceKey?: string | null,
  ): Promise<AskQuestionResult> {
    const validated = validate(askQuestionInput, rawInput);
    if (!validated.ok) return { question: null, ownerToken: null, errors: validated.errors };
    const input = validated.value;

    const community = await this.store.communityBySlug(input.community);
    if (!community) return failure({ field: 'community', code: 'UNKNOWN_COMMUNITY' });
    if (request) await this.communities.assertOriginAllowed(community.id, request);
    const topic = await this.store.topicBySlug(community.id, input.topic);
    if (!topic) return failure({ field: 'topic', code: 'UNKNOWN_TOPIC' });
    const pseudonym = viewer?.portalCitizen && viewer.communityId === community.id ? viewer.displayName : null;

    // The question stored earlier under this key, if any: a retry gets it back instead of a second copy.
    const earlier = async (store: PleinStore): Promise<AskQuestionResult | null> => {
      const existing = await store.questionByIdempotencyKey(community.id, input.idempotencyKey);
      return existing ? { question: toQuestion(existing), ownerToken: null, errors: [] } : null;
    };

    const replay = await earlier(this.store);
    if (replay) return replay;

    const deviceHash = await this.pipeline.deviceHash(community.id, deviceKey);
    const screened = await this.pipeline.run({
      kind: 'QUESTION',
      community,
      fields: { title: input.title, body: input.body, displayName: pseudonym === null ? input.displayName : null },
      authorName: pseudonym ?? input.displayName,
      deviceHash,
      antiSpam: input.antiSpam,
    });
    // A refusal may come from the same key sent at the same moment to another instance, whose question is now there
    // (the repeat check sees it): that is a retry, and it gets the question back.
    if (!screened.ok) return (await earlier(this.store)) ?? failure(screened.error);
    const ownerToken = newOwnerToken();
    const now = this.clock().toISOString();
    const row: QuestionRow = {
      id: newId(),
      community_id: community.id,
      topic_id: topic.id,
      municipality_id: null,
      title: screened.fields.title,
      body: screened.fields.body,
      status: 'OPEN',
      author_display_name: pseudonym ?? screened.fields.displayName ?? ANONYMOUS,
      author_role: 'CITIZEN',
      author_expert_id: null,
      owner_token_hash: hashToken(ownerToken),
      idempotency_key: input.idempotencyKey,
      accepted_answer_id: null,
      answer_count: 0,
      has_expert_answer: 0,
      helpful_count: 0,
      created_at: now,
      last_activity_at: now,
      publication: screened.publication,
      edited_at: null,
      device_hash: deviceHash,
      findings: JSON.stringify(screened.findings),
      moderation_reason: null,
      flag_count: 0,
      waiting_since: screened.publication === 'HELD' ? now : null,
    };
    let result: AskQuestionResult;
    try {
      result = await this.store.transaction(async (store) => {
        const replay = await earlier(store);
        if (replay) return replay;
        await store.insertQuestion(row);
        return { question: toQuestion(row), ownerToken, errors: [] };
      });
    } catch (error) {
      // A concurrent request with the same key committed first.
      const replay = isUniqueViolation(error) ? await earlier(this.store) : null;
      if (replay) return replay;
      throw error;
    }
    // Only the call that created the question announces it; a replay already did.
    if (result.ownerToken !== null && result.question) {
      this.events.emit('question-asked', { question: result.question, notifyEmail: input.notifyEmail, locale });
    }
    return result;
  }
}

function failure(error: UserError): AskQuestionResult {
  return { question: null, ownerToken: null, errors: [error] };
}
