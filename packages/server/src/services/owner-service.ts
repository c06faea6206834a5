import type { QuestionRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { UserError } from './errors.ts';
import { type Question, toQuestion } from './models.ts';
import type { ModerationPipeline } from './moderation-pipeline.ts';
import { EDIT_WINDOW_MS } from './question-service.ts';
import { tokenMatches } from './secrets.ts';
import { acceptAnswerInput, editQuestionInput, ownerQuestionInput, validate } from './validation.ts';

export interface QuestionResult {
  question: Question | null;
  errors: UserError[];
}

export interface DeleteQuestionResult {
  deletedQuestionId: string | null;
  errors: UserError[];
}

const unknownQuestion: UserError = { field: 'questionId', code: 'UNKNOWN_QUESTION' };
const unknownAnswer: UserError = { field: 'answerId', code: 'UNKNOWN_ANSWER' };
const notOwner: UserError = { field: null, code: 'NOT_OWNER' };

/**
 * What the asker can do with the owner token: change the question in its first 15 minutes, delete it, mark it
 * resolved, and accept an answer. The token is the only proof; the store keeps its hash.
 */
export class OwnerService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    private readonly pipeline: ModerationPipeline,
  ) {}

  /**
   * Changes title, text and topic within the edit window. The new text goes through the moderation pipeline again
   * (not counted as a new post, and not compared with itself): personal data is removed again, and the question may
   * be held or refused as when it was asked. A question a moderator hid or rejected cannot be changed.
   */
  async edit(rawInput: unknown, request?: RequestOrigin): Promise<QuestionResult> {
    const validated = validate(editQuestionInput, rawInput);
    if (!validated.ok) return { question: null, errors: validated.errors };
    const input = validated.value;
    const owned = await this.owned(input.questionId, input.ownerToken, request);
    if ('error' in owned) return { question: null, errors: [owned.error] };
    const { row } = owned;

    const now = this.clock();
    if (now.getTime() - Date.parse(row.created_at) > EDIT_WINDOW_MS) {
      return { question: null, errors: [{ field: null, code: 'EDIT_WINDOW_CLOSED' }] };
    }
    const topic = await this.store.topicBySlug(row.community_id, input.topic);
    if (!topic) return { question: null, errors: [{ field: 'topic', code: 'UNKNOWN_TOPIC' }] };
    if (row.publication === 'HIDDEN' || row.publication === 'REJECTED') {
      return { question: null, errors: [{ field: null, code: 'MODERATED' }] };
    }
    const community = await this.store.communityById(row.community_id);
    const screened = await this.pipeline.run({
      kind: 'QUESTION',
      community: { id: row.community_id, slug: community?.slug ?? '' },
      // The pseudonym cannot change, but it takes part in the decision to hold, as when the question was asked.
      fields: { title: input.title, body: input.body, displayName: row.author_display_name },
      authorName: row.author_display_name,
      // The device that asked: its block and its first post count, whichever device the owner token is on now.
      deviceHash: row.device_hash,
      editing: row.id,
    });
    if (!screened.ok) return { question: null, errors: [screened.error] };
    const content = {
      title: screened.fields.title ?? input.title,
      body: screened.fields.body ?? input.body,
      topic_id: topic.id,
      publication: screened.publication,
      edited_at: now.toISOString(),
      findings: JSON.stringify(screened.findings),
      // A held question keeps its place in the queue; one that is published again waits only for its flags.
      waiting_since:
        screened.publication === 'HELD'
          ? (row.waiting_since ?? now.toISOString())
          : row.publication === 'PUBLISHED'
            ? row.waiting_since
            : null,
    };
    await this.store.transaction((store) => store.updateQuestionContent(row.id, content));
    return { question: toQuestion({ ...row, ...content }), errors: [] };
  }

  /** Removes the question, its answers, votes, notification addresses and search entry for good. */
  async delete(rawInput: unknown, request?: RequestOrigin): Promise<DeleteQuestionResult> {
    const validated = validate(ownerQuestionInput, rawInput);
    if (!validated.ok) return { deletedQuestionId: null, errors: validated.errors };
    const owned = await this.owned(validated.value.questionId, validated.value.ownerToken, request);
    if ('error' in owned) return { deletedQuestionId: null, errors: [owned.error] };
    const deleted = await this.store.transaction((store) => store.deleteQuestion(owned.row.id));
    return deleted
      ? { deletedQuestionId: owned.row.id, errors: [] }
      : { deletedQuestionId: null, errors: [unknownQuestion] };
  }

  /** Marks the question resolved without choosing an answer. */
  async resolve(rawInput: unknown, request?: RequestOrigin): Promise<QuestionResult> {
    const validated = validate(ownerQuestionInput, rawInput);
    if (!validated.ok) return { question: null, errors: validated.errors };
    const owned = await this.owned(validated.value.questionId, validated.value.ownerToken, request);
    if ('error' in owned) return { question: null, errors: [owned.error] };
    await this.store.setQuestionStatus(owned.row.id, 'RESOLVED');
    return { question: toQuestion({ ...owned.row, status: 'RESOLVED' }), errors: [] };
  }

  /** The asker's chosen answer: the question becomes RESOLVED and the answer is listed first. */
  async acceptAnswer(rawInput: unknown, request?: RequestOrigin): Promise<QuestionResult> {
    const validated = validate(acceptAnswerInput, rawInput);
    if (!validated.ok) return { question: null, errors: validated.errors };
    const [answer] = await this.store.answersByIds([validated.value.answerId]);
    // A held answer is not there for the asker, so it cannot be chosen.
    if (!answer || answer.publication !== 'PUBLISHED') return { question: null, errors: [unknownAnswer] };
    const owned = await this.owned(answer.question_id, validated.value.ownerToken, request);
    if ('error' in owned) return { question: null, errors: [owned.error] };
    await this.store.setQuestionStatus(owned.row.id, 'RESOLVED', answer.id);
    return {
      question: toQuestion({ ...owned.row, status: 'RESOLVED', accepted_answer_id: answer.id }),
      errors: [],
    };
  }

  /**
   * The question, when the token is its owner token. A wrong token gets NOT_OWNER for a published question (its
   * existence is public anyway) and UNKNOWN_QUESTION for a held one, exactly as for an id that does not exist: a
   * held question stays invisible to everyone but its asker.
   */
  private async owned(
    questionId: string,
    ownerToken: string,
    request: RequestOrigin | undefined,
  ): Promise<{ row: QuestionRow } | { error: UserError }> {
    const [row] = await this.store.questionsByIds([questionId]);
    const owner = !!row && tokenMatches(row.owner_token_hash, ownerToken);
    if (!row || (!owner && row.publication !== 'PUBLISHED')) return { error: unknownQuestion };
    if (request) await this.communities.assertOriginAllowed(row.community_id, request);
    return owner ? { row } : { error: notOwner };
  }
}
