import { redactPersonalData } from '@plein/pii';
import type { AnswerRow, ContentKind, FlagReason, Publication, QuestionRow } from '../store/database-schema.ts';
import type { ErasedRejectedContent } from '../store/rejected-content-store.ts';
import type { ModerationState, PleinStore } from '../store/store.ts';
import type { AuditLog } from './audit-log.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { DeviceHashes } from './device-keys.ts';
import type { UserError } from './errors.ts';
import type { ServiceEvents } from './events.ts';
import { ANONYMOUS, type Answer, type Connection, type Question, toAnswer, toQuestion } from './models.ts';
import { type PipelineFinding, type ModerationPipeline, pseudonymKey } from './moderation-pipeline.ts';
import { type ModerationSettings, readModerationSettings, toModerationSettingsRow } from './moderation-settings.ts';
import {
  approveContentInput,
  blockAuthorInput,
  decideContentInput,
  flagContentInput,
  moderationSettingsInput,
  redactContentInput,
} from './moderation-validation.ts';
import { pageSize, readPage } from './paging.ts';
import { ownQuestion, type WithModerationReason } from './question-service.ts';
import { newId } from './secrets.ts';
import { validate } from './validation.ts';
import { requireRole, type Viewer } from './viewer.ts';

export interface FlagSummary {
  reason: FlagReason;
  /** Redacted before it was stored. */
  note: string | null;
  createdAt: string;
}

/** A question or answer as a moderator sees it in the queue and after a decision. */
export interface ModerationItem {
  /** `QUESTION:<id>` or `ANSWER:<id>`. */
  id: string;
  kind: ContentKind;
  /** The question itself, or the one the answer belongs to. */
  question: WithModerationReason<Question>;
  answer: WithModerationReason<Answer> | null;
  publication: Publication;
  findings: PipelineFinding[];
  /** The flags no moderator has decided on yet, oldest first. */
  flags: FlagSummary[];
  /** Posted (held) or first flagged; for content that waits no more, when it was posted. */
  waitingSince: string;
}

export interface FlagResult {
  counted: boolean;
  errors: UserError[];
}

export interface ModerationResult {
  item: ModerationItem | null;
  errors: UserError[];
}

export interface ModerationSettingsResult {
  settings: ModerationSettings | null;
  errors: UserError[];
}

/** `AuditEntry` of the contract. */
export interface AuditEntryNode {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorName: string | null;
  /** JSON, without personal data. */
  detail: string;
  createdAt: string;
}

type ContentRef = { kind: ContentKind; id: string };

/** A question, or an answer with its question. */
interface Content {
  kind: ContentKind;
  question: QuestionRow;
  answer: AnswerRow | null;
  /** The one being moderated. */
  row: QuestionRow | AnswerRow;
}

/** What a decision did, for the audit log. */
type Decision =
  { error: UserError } | { publication: Publication; detail: Record<string, string | string[] | boolean> };

const unknownContent = (kind: ContentKind): UserError =>
  kind === 'QUESTION' ? { field: 'content', code: 'UNKNOWN_QUESTION' } : { field: 'content', code: 'UNKNOWN_ANSWER' };

/**
 * Rejected questions and answers lose their text this long after the rejection. Long enough to handle a complaint or
 * an appeal about the decision (the author and the moderator can still read what was written), short enough that
 * text nobody may read is not kept for ever. The row stays, so reports and the audit log still add up.
 */
export const REJECTED_CONTENT_RETENTION_MS = 30 * 24 * 60 * 60_000;

/** Rejected content whose text the retention sweep erased: publishing it would show an empty post. */
const isErased = (content: Content): boolean =>
  content.row.publication === 'REJECTED' &&
  (content.kind === 'QUESTION'
    ? content.question.title === '' && content.question.body === ''
    : content.row.body === '');
const textErased: UserError = { field: 'content', code: 'TEXT_ERASED' };

/** Moderators' and admins' rights are in their own community only; MODERATOR and ADMIN may both moderate. */
const MODERATING_ROLES = ['MODERATOR', 'ADMIN'] as const;

/**
 * Flags, moderator decisions, the queue, the audit log and the pipeline's settings
 * (docs/decisions/0014-moderation-pipeline.md). Every decision is stored with its audit entry in one transaction,
 * closes the content's flags, and keeps the question's counters right when an answer appears or disappears.
 */
export class ModerationService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    private readonly events: ServiceEvents,
    private readonly audit: AuditLog,
    private readonly pipeline: ModerationPipeline,
    private readonly devices: DeviceHashes,
  ) {}

  // Flags

  /**
   * Anyone may flag published content, once per device (the `Plein-Device` key is required, so one browser cannot
   * flag the same post twice). The note is redacted before it is stored. When the open flags reach the community's
   * threshold, the content is hidden until a moderator decides; that is written to the audit log as the system's.
   */
  async flag(rawInput: unknown, deviceKey: string | null | undefined, request?: RequestOrigin): Promise<FlagResult> {
    const validated = validate(flagContentInput, rawInput);
    if (!validated.ok) return { counted: false, errors: validated.errors };
    const input = validated.value;
    const ref = input.content;
    const content = await load(this.store, ref);
    if (!content || !publiclyVisible(content)) return { counted: false, errors: [unknownContent(ref.kind)] };
    if (request) await this.communities.assertOriginAllowed(content.question.community_id, request);
    if (!deviceKey) return { counted: false, errors: [{ field: null, code: 'DEVICE_REQUIRED' }] };

    const communityId = content.question.community_id;
    const flaggerHash = await this.devices.flagger(ref.kind, ref.id, deviceKey);
    const { flagThreshold } = await readModerationSettings(this.store, communityId);
    const now = this.clock().toISOString();
    const counted = await this.store.transaction(async (store) => {
      const inserted = await store.insertFlag({
        id: newId(),
        community_id: communityId,
        content_kind: ref.kind,
        content_id: ref.id,
        reason: input.reason,
        note: input.note === null ? null : redactPersonalData(input.note).text,
        flagger_hash: flaggerHash,
        created_at: now,
        resolved_at: null,
      });
      if (!inserted) return false;
      await store.markWaiting(ref.kind, ref.id, now);
      const open = await store.unresolvedFlagCount(ref.kind, ref.id);
      const current = await load(store, ref);
      if (current && current.row.publication === 'PUBLISHED' && open >= flagThreshold) {
        // Hidden, and still waiting: the author sees HIDDEN without a reason until a moderator writes one.
        await transition(store, current, { publication: 'HIDDEN' }, now);
        await this.audit.record(
          {
            communityId,
            actorUserId: null,
            action: 'moderation.hidden-by-flags',
            subjectType: subjectType(ref.kind),
            subjectId: ref.id,
            detail: { flags: open, threshold: flagThreshold },
          },
          store,
        );
      }
      return true;
    });
    return { counted, errors: [] };
  }

  // Decisions

  /** Publishes held, hidden, rejected or flagged content; its flags are closed. */
  async approve(rawInput: unknown, viewer: Viewer | null | undefined): Promise<ModerationResult> {
    const moderator = requireModerator(viewer);
    const validated = validate(approveContentInput, rawInput);
    if (!validated.ok) return { item: null, errors: validated.errors };
    const { content: ref, reason } = validated.value;
    return this.decide(moderator, ref, 'moderation.approved', async (store, content, now) => {
      if (isErased(content)) return { error: textErased };
      await transition(store, content, { publication: 'PUBLISHED', moderation_reason: null, waiting_since: null }, now);
      const detail: Record<string, string> = reason === null ? {} : { reason: redact(reason) };
      return { publication: 'PUBLISHED', detail };
    });
  }

  /** Refuses content: REJECTED, with a reason its author reads through the owner token. */
  async reject(rawInput: unknown, viewer: Viewer | null | undefined): Promise<ModerationResult> {
    return this.takeOutOfView(rawInput, viewer, 'REJECTED', 'moderation.rejected');
  }

  /** Takes content out of view: HIDDEN, with a reason for its author and other moderators. */
  async hide(rawInput: unknown, viewer: Viewer | null | undefined): Promise<ModerationResult> {
    return this.takeOutOfView(rawInput, viewer, 'HIDDEN', 'moderation.hidden');
  }

  /**
   * Replaces the text and publishes it. The new text goes through the pipeline's length and personal-data steps.
   * The audit log records which kinds of thing were removed and which fields changed, never the removed text.
   */
  async redact(rawInput: unknown, viewer: Viewer | null | undefined): Promise<ModerationResult> {
    const moderator = requireModerator(viewer);
    const validated = validate(redactContentInput, rawInput);
    if (!validated.ok) return { item: null, errors: validated.errors };
    const input = validated.value;
    if (input.content.kind === 'ANSWER' && input.title !== null) {
      return { item: null, errors: [{ field: 'title', code: 'FIELD_NOT_ALLOWED' }] };
    }
    return this.decide(moderator, input.content, 'moderation.redacted', async (store, content, now) => {
      if (isErased(content)) return { error: textErased };
      const community = await store.communityById(content.question.community_id);
      const place = { id: content.question.community_id, slug: community?.slug ?? '' };
      const changedFields: string[] = [];
      if (content.kind === 'QUESTION') {
        const screened = await this.pipeline.screenRedaction('QUESTION', place, {
          title: input.title ?? content.question.title,
          body: input.body,
        });
        if (!screened.ok) return { error: screened.error };
        const { title, body } = screened.fields;
        if (title !== content.question.title) changedFields.push('title');
        if (body !== content.question.body) changedFields.push('body');
        await store.replaceQuestionText(content.question.id, title, body);
      } else {
        const screened = await this.pipeline.screenRedaction('ANSWER', place, { body: input.body });
        if (!screened.ok) return { error: screened.error };
        if (screened.fields.body !== content.row.body) changedFields.push('body');
        await store.replaceAnswerText(content.row.id, screened.fields.body);
      }
      await transition(store, content, { publication: 'PUBLISHED', moderation_reason: null, waiting_since: null }, now);
      return { publication: 'PUBLISHED', detail: { removedKinds: input.removedKinds, changedFields } };
    });
  }

  /**
   * Refuses further posts from the device or the pseudonym that wrote this content, in this community. The content
   * is taken out of view too (HIDDEN, without a reason for its author: a block is not announced).
   */
  async block(rawInput: unknown, viewer: Viewer | null | undefined): Promise<ModerationResult> {
    const moderator = requireModerator(viewer);
    const validated = validate(blockAuthorInput, rawInput);
    if (!validated.ok) return { item: null, errors: validated.errors };
    const input = validated.value;
    return this.decide(moderator, input.content, 'moderation.author-blocked', async (store, content, now) => {
      let value: string | null;
      if (input.scope === 'DEVICE') {
        value = content.row.device_hash;
        if (value === null) return { error: { field: 'scope', code: 'NO_DEVICE' } };
      } else {
        // Experts and staff post under their account's name: an admin disables the account instead.
        if (content.row.author_role !== 'CITIZEN') return { error: { field: 'scope', code: 'ACCOUNT_NOT_BLOCKABLE' } };
        value = pseudonymKey(content.row.author_display_name);
        if (value === null) return { error: { field: 'scope', code: 'ANONYMOUS_NOT_BLOCKABLE' } };
      }
      const reason = redact(input.reason);
      const added = await store.insertAuthorBlock({
        id: newId(),
        community_id: content.question.community_id,
        scope: input.scope,
        value,
        reason,
        created_by: moderator.userId,
        created_at: now,
      });
      const publication = content.row.publication === 'REJECTED' ? 'REJECTED' : 'HIDDEN';
      await transition(store, content, { publication, waiting_since: null }, now);
      return { publication, detail: { scope: input.scope, reason, newBlock: added } };
    });
  }

  private async takeOutOfView(
    rawInput: unknown,
    viewer: Viewer | null | undefined,
    publication: 'HIDDEN' | 'REJECTED',
    action: string,
  ): Promise<ModerationResult> {
    const moderator = requireModerator(viewer);
    const validated = validate(decideContentInput, rawInput);
    if (!validated.ok) return { item: null, errors: validated.errors };
    const reason = redact(validated.value.reason);
    return this.decide(moderator, validated.value.content, action, async (store, content, now) => {
      await transition(store, content, { publication, moderation_reason: reason, waiting_since: null }, now);
      return { publication, detail: { reason } };
    });
  }

  /**
   * Loads the content (FORBIDDEN in another community than the moderator's), applies the decision, closes the flags and writes
   * the audit entry, all in one transaction; then announces an answer that became visible.
   */
  private async decide(
    moderator: Viewer,
    ref: ContentRef,
    action: string,
    apply: (store: PleinStore, content: Content, now: string) => Promise<Decision>,
  ): Promise<ModerationResult> {
    const found = await load(this.store, ref);
    if (!found) return { item: null, errors: [unknownContent(ref.kind)] };
    // A role holds in its own community only, as everywhere else.
    requireRole(moderator, found.question.community_id, ...MODERATING_ROLES);
    const now = this.clock().toISOString();
    const outcome = await this.store.transaction(async (store) => {
      const content = await load(store, ref);
      if (!content) return { error: unknownContent(ref.kind) };
      const decision = await apply(store, content, now);
      if ('error' in decision) return decision;
      const closedFlags = await store.resolveFlags(ref.kind, ref.id, now);
      await this.audit.record(
        {
          communityId: content.question.community_id,
          actorUserId: moderator.userId,
          action,
          subjectType: subjectType(ref.kind),
          subjectId: ref.id,
          detail: { from: content.row.publication, to: decision.publication, closedFlags, ...decision.detail },
        },
        store,
      );
      return { before: content };
    });
    if ('error' in outcome) return { item: null, errors: [outcome.error] };

    const after = await load(this.store, ref);
    if (!after) return { item: null, errors: [unknownContent(ref.kind)] };
    if (
      after.answer &&
      outcome.before.row.publication !== 'PUBLISHED' &&
      after.answer.publication === 'PUBLISHED' &&
      after.question.publication === 'PUBLISHED'
    ) {
      // Live updates and follow-up mails, as for an answer published at once.
      this.events.emit('answer-published', {
        answer: toAnswer(after.answer, after.question.accepted_answer_id),
        question: toQuestion(after.question),
      });
    }
    const [item] = await this.items([after]);
    return { item: item ?? null, errors: [] };
  }

  // Retention

  /**
   * Erases the text, author name and device hash of content rejected more than 30 days ago, keeping the row (see
   * REJECTED_CONTENT_RETENTION_MS); the server runs it every hour. One transaction that updates by cutoff and reads
   * nothing first, so instances sweeping at once erase each item once, and a later run finds nothing.
   */
  sweep(now: Date = this.clock()): Promise<ErasedRejectedContent> {
    const before = new Date(now.getTime() - REJECTED_CONTENT_RETENTION_MS).toISOString();
    return this.store.transaction((store) => store.rejectedContent.eraseRejectedBefore(before, ANONYMOUS));
  }

  // Reading

  /**
   * For moderators and admins: the content of their community that waits for a decision (held, hidden by flags,
   * or published with open flags), the longest waiting first. Content a moderator decided on has left it.
   */
  async queue(
    viewer: Viewer | null | undefined,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<ModerationItem>> {
    const moderator = requireModerator(viewer);
    const first = pageSize(args.first);
    const page = await readPage(() =>
      this.store.moderationQueuePage(moderator.communityId, first, args.after ?? undefined),
    );
    const entries = page.rows.map(({ row }) => row);
    const answers = await this.store.answersByIds(entries.filter((e) => e.kind === 'ANSWER').map((e) => e.id));
    const questions = await this.store.questionsByIds([
      ...new Set([
        ...entries.filter((e) => e.kind === 'QUESTION').map((e) => e.id),
        ...answers.map((a) => a.question_id),
      ]),
    ]);
    const questionById = new Map(questions.map((row) => [row.id, row]));
    const answerById = new Map(answers.map((row) => [row.id, row]));
    const contents = new Map<string, Content>();
    for (const entry of entries) {
      const answer = entry.kind === 'ANSWER' ? answerById.get(entry.id) : undefined;
      const question = questionById.get(answer ? answer.question_id : entry.id);
      if (!question || (entry.kind === 'ANSWER' && !answer)) continue;
      contents.set(`${entry.kind}:${entry.id}`, {
        kind: entry.kind,
        question,
        answer: answer ?? null,
        row: answer ?? question,
      });
    }
    const items = new Map((await this.items([...contents.values()])).map((item) => [item.id, item]));
    const edges = page.rows.flatMap(({ cursor, row }) => {
      const node = items.get(`${row.kind}:${row.id}`);
      return node ? [{ cursor, node }] : [];
    });
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  /** For staff, moderators and admins: their community's audit log, newest first. Nobody can change it. */
  async auditLog(
    viewer: Viewer | null | undefined,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<AuditEntryNode>> {
    const reader = requireRole(viewer, viewer?.communityId ?? '', 'STAFF', 'MODERATOR', 'ADMIN');
    const first = pageSize(args.first ?? 50);
    const page = await readPage(() => this.store.auditPage(reader.communityId, first, args.after ?? undefined));
    return {
      edges: page.rows.map(({ cursor, row }) => ({
        cursor,
        node: {
          id: row.id,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          actorName: row.actor_name,
          detail: row.detail,
          createdAt: row.created_at,
        },
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  // Settings

  /** For moderators and admins: the pipeline settings of their community (the defaults when none were saved). */
  async settings(viewer: Viewer | null | undefined): Promise<ModerationSettings> {
    const moderator = requireModerator(viewer);
    return readModerationSettings(this.store, moderator.communityId);
  }

  /** Admins: change their community's settings; written to the audit log (the lists as counts, not as words). */
  async updateSettings(rawInput: unknown, viewer: Viewer | null | undefined): Promise<ModerationSettingsResult> {
    const admin = requireRole(viewer, viewer?.communityId ?? '', 'ADMIN');
    const validated = validate(moderationSettingsInput, rawInput);
    if (!validated.ok) return { settings: null, errors: validated.errors };
    const { community: slug, ...settings } = validated.value;
    const community = await this.store.communityBySlug(slug);
    if (!community) return { settings: null, errors: [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }] };
    // An admin of one community has no say in another.
    requireRole(admin, community.id, 'ADMIN');
    await this.saveSettings(community.id, settings, admin.userId, 'graphql');
    return { settings, errors: [] };
  }

  /**
   * `plein moderation settings`: an operator on the server reads or changes a community's settings. Changes are
   * validated as for admins and written to the audit log without an account (`source: 'cli'`).
   */
  async settingsFromCli(
    slug: string,
    changes: Partial<ModerationSettings> = {},
  ): Promise<ModerationSettingsResult & { changed: boolean }> {
    const community = await this.store.communityBySlug(slug);
    if (!community)
      return { settings: null, errors: [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }], changed: false };
    const current = await readModerationSettings(this.store, community.id);
    if (Object.keys(changes).length === 0) return { settings: current, errors: [], changed: false };
    const validated = validate(moderationSettingsInput, { ...current, ...changes, community: slug });
    if (!validated.ok) return { settings: null, errors: validated.errors, changed: false };
    const { community: _slug, ...settings } = validated.value;
    await this.saveSettings(community.id, settings, null, 'cli');
    return { settings, errors: [], changed: true };
  }

  private async saveSettings(
    communityId: string,
    settings: ModerationSettings,
    actorUserId: string | null,
    source: 'graphql' | 'cli',
  ): Promise<void> {
    const now = this.clock().toISOString();
    await this.store.transaction(async (store) => {
      await store.saveModerationSettings(toModerationSettingsRow(communityId, settings, now));
      // The lists as counts: the words are the moderators' tool, not a record of who did what.
      await this.audit.record(
        {
          communityId,
          actorUserId,
          action: 'moderation.settings-changed',
          subjectType: 'community',
          subjectId: communityId,
          detail: {
            ...(source === 'cli' && { source }),
            preModeration: settings.preModeration,
            flagThreshold: settings.flagThreshold,
            blockedWords: settings.blockedWords.length,
            heldWords: settings.heldWords.length,
          },
        },
        store,
      );
    });
  }

  /** Queue items for these contents, with their open flags, in the same order. */
  private async items(contents: readonly Content[]): Promise<ModerationItem[]> {
    const flags = await this.store.unresolvedFlags(
      contents.map((content) => ({ kind: content.kind, id: content.row.id })),
    );
    return contents.map((content) => {
      const { kind, question, answer, row } = content;
      return {
        id: `${kind}:${row.id}`,
        kind,
        question: ownQuestion(question),
        answer: answer
          ? { ...toAnswer(answer, question.accepted_answer_id), moderationReason: answer.moderation_reason }
          : null,
        publication: row.publication,
        findings: JSON.parse(row.findings) as PipelineFinding[],
        flags: flags
          .filter((flag) => flag.content_kind === kind && flag.content_id === row.id)
          .map((flag) => ({ reason: flag.reason, note: flag.note, createdAt: flag.created_at })),
        waitingSince: row.waiting_since ?? row.created_at,
      };
    });
  }
}

function requireModerator(viewer: Viewer | null | undefined): Viewer {
  return requireRole(viewer, viewer?.communityId ?? '', ...MODERATING_ROLES);
}

async function load(store: PleinStore, ref: ContentRef): Promise<Content | null> {
  if (ref.kind === 'QUESTION') {
    const [question] = await store.questionsByIds([ref.id]);
    return question ? { kind: 'QUESTION', question, answer: null, row: question } : null;
  }
  const [answer] = await store.answersByIds([ref.id]);
  const [question] = answer ? await store.questionsByIds([answer.question_id]) : [];
  return answer && question ? { kind: 'ANSWER', question, answer, row: answer } : null;
}

/** What everyone can see: a published question, or a published answer on one. */
function publiclyVisible(content: Content): boolean {
  return content.question.publication === 'PUBLISHED' && content.row.publication === 'PUBLISHED';
}

/**
 * Changes the content's moderation state. When an answer appears or disappears, the question's counters follow
 * (answer count, expert answer, helpful votes, activity) and so does its status: an expert's answer makes an open
 * question ANSWERED, and an ANSWERED question without a visible expert answer is OPEN again. Accepted answers and
 * RESOLVED stay as the asker chose. Questions need nothing more: lists, counts, search and similar questions only
 * ever read published ones.
 */
async function transition(store: PleinStore, content: Content, state: ModerationState, now: string): Promise<void> {
  await store.setModerationState(content.kind, content.row.id, state);
  if (!content.answer || state.publication === undefined) return;
  const wasPublished = content.answer.publication === 'PUBLISHED';
  const isPublished = state.publication === 'PUBLISHED';
  if (wasPublished === isPublished) return;
  const { hasExpertAnswer } = await store.refreshQuestionCounters(content.question.id, isPublished ? now : undefined);
  const status = content.question.status;
  if (isPublished && content.answer.is_expert === 1 && status === 'OPEN') {
    await store.setQuestionStatus(content.question.id, 'ANSWERED');
  } else if (!isPublished && !hasExpertAnswer && status === 'ANSWERED') {
    await store.setQuestionStatus(content.question.id, 'OPEN');
  }
}

const subjectType = (kind: ContentKind) => (kind === 'QUESTION' ? 'question' : 'answer');

/** Moderators' texts go to authors and into the audit log, which holds no personal data. */
const redact = (text: string) => redactPersonalData(text).text;
