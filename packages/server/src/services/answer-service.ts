import type { AnswerRow, ExpertRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { UserError } from './errors.ts';
import type { ServiceEvents } from './events.ts';
import { ANONYMOUS, type Answer, type Connection, type Question, toAnswer, toQuestion } from './models.ts';
import { isUniqueViolation, pageSize, readPage, toConnection } from './paging.ts';
import type { ModerationPipeline } from './moderation-pipeline.ts';
import { ownerTokenHashes, type WithModerationReason } from './question-service.ts';
import { hashToken, newId, newOwnerToken } from './secrets.ts';
import { type AnswerQuestionInput, answerQuestionInput, validate } from './validation.ts';
import { hasRole, type Viewer } from './viewer.ts';

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
    private readonly pipeline: ModerationPipeline,
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

  /**
   * The answers written on a device, held, hidden and rejected ones included (with the moderator's reason), oldest
   * first; unknown tokens are ignored.
   */
  async mine(ownerTokens: readonly string[], request?: RequestOrigin): Promise<WithModerationReason<Answer>[]> {
    const rows = await this.store.answersByOwnerHashes(ownerTokenHashes(ownerTokens));
    const questions = await this.store.questionsByIds([...new Set(rows.map((row) => row.question_id))]);
    const byId = new Map(questions.map((question) => [question.id, question]));
    if (request) {
      for (const communityId of new Set(questions.map((question) => question.community_id)))
        await this.communities.assertOriginAllowed(communityId, request);
    }
    return rows.map((row) => ({
      ...toAnswer(row, byId.get(row.question_id)?.accepted_answer_id ?? null),
      moderationReason: row.moderation_reason,
    }));
  }

  /**
   * Stores an answer after the moderation pipeline (services/moderation-pipeline.ts): personal data replaced,
   * refused or held by the community's rules. A signed-in expert with a current verification answers as an expert:
   * marked, listed first, the question becomes ANSWERED, a source, a review date and next steps may come with it,
   * their claim on the question ends, and pre-moderation does not hold the answer (every other step does). Anyone
   * else answers as a peer. The same idempotency key twice stores one answer and returns it both times. `deviceKey`
   * is the `Plein-Device` header; only its keyed hash is stored.
   */
  async answer(
    rawInput: unknown,
    request?: RequestOrigin,
    viewer?: Viewer | null,
    deviceKey?: string | null,
  ): Promise<AnswerQuestionResult> {
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
    const { expert, signedName } = await this.signedInAuthor(viewer, question.community_id);
    const sourceErrors = this.sourceErrors(input, expert);
    if (sourceErrors.length > 0) return { answer: null, ownerToken: null, errors: sourceErrors };

    // The answer stored earlier under this key, if any: a retry gets it back instead of a second copy.
    const earlier = async (store: PleinStore): Promise<AnswerQuestionResult | null> => {
      const existing = await store.answerByIdempotencyKey(question.id, input.idempotencyKey);
      return existing
        ? { answer: toAnswer(existing, question.accepted_answer_id), ownerToken: null, errors: [] }
        : null;
    };
    const replay = await earlier(this.store);
    if (replay) return replay;

    const deviceHash = await this.pipeline.deviceHash(question.community_id, deviceKey);
    const screened = await this.pipeline.run({
      kind: 'ANSWER',
      community: { id: question.community_id, slug: community?.slug ?? '' },
      // A signed-in author answers under their own name, whatever the form sent.
      fields: { body: input.body, displayName: signedName === null ? input.displayName : null },
      authorName: signedName ?? input.displayName,
      deviceHash,
      antiSpam: input.antiSpam,
      verifiedExpert: expert !== null,
    });
    // A refusal may come from the same key sent at the same moment to another instance, whose answer is now there
    // (the repeat check sees it): that is a retry, and it gets the answer back.
    if (!screened.ok)
      return (await earlier(this.store)) ?? { answer: null, ownerToken: null, errors: [screened.error] };
    const ownerToken = newOwnerToken();
    const createdAt = this.clock().toISOString();
    const row: AnswerRow = {
      id: newId(),
      question_id: question.id,
      body: screened.fields.body,
      author_display_name: signedName ?? screened.fields.displayName ?? ANONYMOUS,
      author_role: expert ? 'EXPERT' : 'CITIZEN',
      author_expert_id: expert?.id ?? null,
      is_expert: expert ? 1 : 0,
      idempotency_key: input.idempotencyKey,
      helpful_count: 0,
      created_at: createdAt,
      publication: screened.publication,
      owner_token_hash: hashToken(ownerToken),
      source_url: expert ? input.sourceUrl : null,
      reviewed_on: expert ? input.reviewedOn : null,
      hand_off: JSON.stringify(expert ? input.handOff : []),
      device_hash: deviceHash,
      findings: JSON.stringify(screened.findings),
      moderation_reason: null,
      flag_count: 0,
      waiting_since: screened.publication === 'HELD' ? createdAt : null,
    };
    let result: AnswerQuestionResult & { question?: Question };
    try {
      result = await this.store.transaction(async (store) => {
        const replay = await earlier(store);
        if (replay) return replay;
        // A peer answer keeps the status: a question counts as ANSWERED once an expert has answered it.
        await store.insertAnswer(row, expert && question.status === 'OPEN' ? 'ANSWERED' : question.status);
        if (expert) await store.releaseClaim(question.id, expert.id);
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

  /**
   * Who a signed-in viewer answers as. `expert`: the profile of an EXPERT of the question's community whose
   * verification is current now, so the answer is an expert answer. An expert without one (expired, revoked, never
   * verified) answers as a peer under their profile's name, without a badge (docs/decisions/0012-verified-experts.md).
   * `signedName`: the name the answer carries instead of the form's; null to use the form's.
   */
  private async signedInAuthor(
    viewer: Viewer | null | undefined,
    communityId: string,
  ): Promise<{ expert: ExpertRow | null; signedName: string | null }> {
    // A citizen signed in through the host portal answers under their pseudonym, never a name from the form.
    if (viewer?.portalCitizen) {
      return { expert: null, signedName: viewer.communityId === communityId ? viewer.displayName : null };
    }
    if (!viewer?.expertId || !hasRole(viewer, communityId, 'EXPERT')) return { expert: null, signedName: null };
    const [profile] = await this.store.expertsByIds([viewer.expertId]);
    if (!profile || profile.community_id !== communityId) return { expert: null, signedName: null };
    const current = await this.store.currentVerifications([profile.id], this.clock().toISOString());
    return { expert: current.has(profile.id) ? profile : null, signedName: profile.display_name };
  }

  /**
   * A source, a review date and next steps ("Maak een afspraak") belong to expert answers only; a review date cannot
   * lie in the future.
   */
  private sourceErrors(input: AnswerQuestionInput, expert: ExpertRow | null): UserError[] {
    const errors: UserError[] = [];
    if (!expert) {
      if (input.sourceUrl !== null) errors.push({ field: 'sourceUrl', code: 'FIELD_NOT_ALLOWED' });
      if (input.reviewedOn !== null) errors.push({ field: 'reviewedOn', code: 'FIELD_NOT_ALLOWED' });
      if (input.handOff.length > 0) errors.push({ field: 'handOff', code: 'FIELD_NOT_ALLOWED' });
    } else if (input.reviewedOn !== null && input.reviewedOn > dutchDate(this.clock())) {
      errors.push({ field: 'reviewedOn', code: 'INVALID_DATE' });
    }
    return errors;
  }
}

/** The calendar date (YYYY-MM-DD) in the Netherlands at `moment`. */
function dutchDate(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(moment);
}
