import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  type Transaction,
  sql,
} from 'kysely';
import { AppointmentStore } from './appointment-store.ts';
import type { Connection } from './connect.ts';
import { ContactStore } from './contact-store.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type {
  AnswerRow,
  AuditLogRow,
  AuthorBlockRow,
  CommunityOidcRow,
  CommunityRow,
  ContentFlagRow,
  ContentKind,
  Database,
  ExpertRow,
  ModeratedColumns,
  ModerationSettingsRow,
  MunicipalityRow,
  NotificationSubscriptionRow,
  OidcSignInRow,
  Publication,
  QuestionClaimRow,
  QuestionRow,
  QuestionStatus,
  Role,
  SessionRow,
  SignInLinkRow,
  SituationRow,
  TopicRow,
  UserRow,
  VerificationRow,
} from './database-schema.ts';
import type { Engine } from './engine.ts';
import { PrivateQuestionStore } from './private-question-store.ts';
import { RejectedContentStore } from './rejected-content-store.ts';
import { ReportScheduleStore } from './report-schedule-store.ts';
import { ReportStore } from './report-store.ts';
import { postgresSearch } from './search/postgres-search.ts';
import type { SearchIndex } from './search/search-index.ts';
import { sqliteSearch } from './search/sqlite-search.ts';
import { VisitStore } from './visit-store.ts';

export type QuestionOrder = 'NEWEST' | 'OLDEST' | 'ACTIVE';

export interface QuestionFilter {
  topicId?: string;
  status?: QuestionStatus;
  search?: string;
}

/** One page of a keyset-paginated list. `totalCount` runs its own query, only when a caller asks for it. */
export interface Page<Row> {
  rows: { cursor: string; row: Row }[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

type Executor = Kysely<Database> | Transaction<Database>;

const questionOrders = {
  NEWEST: { column: 'created_at', direction: 'desc' },
  OLDEST: { column: 'created_at', direction: 'asc' },
  ACTIVE: { column: 'last_activity_at', direction: 'desc' },
} as const;

/** A question without its text: what lists need. */
export type QuestionSummaryRow = Omit<QuestionRow, 'body'>;

const summaryColumns = [
  'questions.id',
  'questions.community_id',
  'questions.topic_id',
  'questions.municipality_id',
  'questions.title',
  'questions.status',
  'questions.author_display_name',
  'questions.author_role',
  'questions.author_expert_id',
  'questions.owner_token_hash',
  'questions.idempotency_key',
  'questions.accepted_answer_id',
  'questions.answer_count',
  'questions.has_expert_answer',
  'questions.helpful_count',
  'questions.created_at',
  'questions.last_activity_at',
  'questions.publication',
  'questions.edited_at',
  'questions.device_hash',
  'questions.findings',
  'questions.moderation_reason',
  'questions.flag_count',
  'questions.waiting_since',
] as const;

/** Only published questions and answers are shown to everyone; held ones only to their author. */
const PUBLISHED: Publication = 'PUBLISHED';

/** What an expert may change about themself. */
export type ExpertProfileFields = Pick<ExpertRow, 'display_name' | 'title' | 'bio' | 'photo_url' | 'photo_alt'>;

/** A verification with the ids of the topics it covers, in the community's order. */
export type VerificationRecord = VerificationRow & { topic_ids: string[] };

/** What the asker may change in a question. */
export type QuestionContent = Pick<
  QuestionRow,
  'title' | 'body' | 'topic_id' | 'publication' | 'edited_at' | 'findings' | 'waiting_since'
>;

/** What a moderator's decision (or enough flags) changes on a question or answer. */
export type ModerationState = Partial<Pick<ModeratedColumns, 'moderation_reason' | 'waiting_since' | 'findings'>> & {
  publication?: Publication;
};

/** A question or answer of one device, for the repeat check and the post count of the pipeline. */
export interface DevicePost {
  kind: ContentKind;
  id: string;
  /** Null for answers. */
  title: string | null;
  body: string;
  created_at: string;
}

/** One entry of the moderation queue. */
export interface QueueEntry {
  kind: ContentKind;
  id: string;
  waiting_since: string;
}

/** An audit entry with the display name of the account that acted (null for the CLI and the system). */
export type AuditEntryRow = AuditLogRow & { actor_name: string | null };

/** How many rows a filtered query matches (PostgreSQL returns counts as text, SQLite as numbers). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function countOf(query: SelectQueryBuilder<Database, any, object>): Promise<number> {
  const row = await query.select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirst();
  return toCount(row?.count);
}

function toCount(value: string | number | bigint | undefined): number {
  return Number(value ?? 0);
}

/**
 * All SQL lives here. One implementation for SQLite and PostgreSQL through Kysely; the engine-specific part (search)
 * sits behind SearchIndex. Methods read and write rows; the rules are in the services.
 */
export class PleinStore {
  readonly engine: Engine;
  private readonly search: SearchIndex;
  /** Private e-mail questions, their answers and the per-topic tally (private-question-store.ts). */
  readonly privateQuestions: PrivateQuestionStore;
  /** Each community's contact channels (contact-store.ts). */
  readonly contact: ContactStore;
  /** Advisors' slots and booked appointments (appointment-store.ts). */
  readonly appointments: AppointmentStore;
  /** The anonymous visit counters (visit-store.ts). */
  readonly visits: VisitStore;
  /** The report e-mail's schedules, recipients and deliveries (report-schedule-store.ts). */
  readonly reportSchedules: ReportScheduleStore;
  /** The municipal report's figures (report-store.ts). */
  readonly reports: ReportStore;
  /** Erasing the text of rejected questions and answers after the retention period (rejected-content-store.ts). */
  readonly rejectedContent: RejectedContentStore;

  constructor(
    private readonly db: Executor,
    engine: Engine,
  ) {
    this.engine = engine;
    this.search = engine === 'sqlite' ? sqliteSearch : postgresSearch;
    this.privateQuestions = new PrivateQuestionStore(db);
    this.contact = new ContactStore(db);
    this.appointments = new AppointmentStore(db, engine);
    this.visits = new VisitStore(db, engine);
    this.reportSchedules = new ReportScheduleStore(db);
    this.reports = new ReportStore(db, engine);
    this.rejectedContent = new RejectedContentStore(db, this.search);
  }

  static open(connection: Connection): PleinStore {
    return new PleinStore(connection.db, connection.engine);
  }

  /** Runs `work` in one transaction: everything it writes is stored, or nothing is. */
  async transaction<T>(work: (store: PleinStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this);
    return (this.db as Kysely<Database>).transaction().execute((trx) => work(new PleinStore(trx, this.engine)));
  }

  async ping(): Promise<void> {
    await this.db.selectFrom('communities').select('id').limit(1).execute();
  }

  // Communities

  communityBySlug(slug: string): Promise<CommunityRow | undefined> {
    return this.db.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  communityById(id: string): Promise<CommunityRow | undefined> {
    return this.db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listCommunities(): Promise<CommunityRow[]> {
    return this.db.selectFrom('communities').selectAll().orderBy('slug').execute();
  }

  async insertCommunity(row: CommunityRow): Promise<void> {
    await this.db.insertInto('communities').values(row).execute();
  }

  async insertOrigin(communityId: string, origin: string): Promise<void> {
    await this.db
      .insertInto('community_origins')
      .values({ community_id: communityId, origin })
      .onConflict((oc) => oc.columns(['community_id', 'origin']).doNothing())
      .execute();
  }

  allOrigins(): Promise<{ community_id: string; origin: string }[]> {
    return this.db.selectFrom('community_origins').selectAll().execute();
  }

  // Municipalities and topics

  municipalities(communityId: string): Promise<MunicipalityRow[]> {
    return this.db
      .selectFrom('municipalities')
      .selectAll()
      .where('community_id', '=', communityId)
      .orderBy('position')
      .execute();
  }

  municipalityBySlug(communityId: string, slug: string): Promise<MunicipalityRow | undefined> {
    return this.db
      .selectFrom('municipalities')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async insertMunicipality(row: MunicipalityRow): Promise<void> {
    await this.db.insertInto('municipalities').values(row).execute();
  }

  topics(communityId: string): Promise<TopicRow[]> {
    return this.db
      .selectFrom('topics')
      .selectAll()
      .where('community_id', '=', communityId)
      .orderBy('position')
      .execute();
  }

  topicsByIds(ids: readonly string[]): Promise<TopicRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('topics').selectAll().where('id', 'in', ids).execute();
  }

  topicBySlug(communityId: string, slug: string): Promise<TopicRow | undefined> {
    return this.db
      .selectFrom('topics')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async insertTopic(row: TopicRow): Promise<void> {
    await this.db.insertInto('topics').values(row).execute();
  }

  async questionCountsByTopic(topicIds: readonly string[]): Promise<Map<string, number>> {
    if (topicIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('questions')
      .select(['topic_id', (eb) => eb.fn.countAll<string | number>().as('count')])
      .where('topic_id', 'in', topicIds)
      .where('publication', '=', PUBLISHED)
      .groupBy('topic_id')
      .execute();
    return new Map(rows.map((row) => [row.topic_id, toCount(row.count)]));
  }

  // Experts, verifications and claims (services/expert-service.ts, verification-service.ts and claim-service.ts hold
  // the rules). Whether a verification or a claim is current is never stored: the service passes its clock's `now`,
  // and every read compares with it, so an expired one drops out by itself.

  expertsByIds(ids: readonly string[]): Promise<ExpertRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('experts').selectAll().where('id', 'in', ids).execute();
  }

  /** Every expert of a community, verified or not, by name: for the CLI. */
  expertsOfCommunity(communityId: string): Promise<ExpertRow[]> {
    return this.db
      .selectFrom('experts')
      .selectAll()
      .where('community_id', '=', communityId)
      .orderBy('display_name')
      .orderBy('id')
      .execute();
  }

  async insertExpert(row: ExpertRow, topicIds: string[]): Promise<void> {
    await this.db.insertInto('experts').values(row).execute();
    if (topicIds.length > 0) {
      await this.db
        .insertInto('expert_topics')
        .values(topicIds.map((topic_id) => ({ expert_id: row.id, topic_id })))
        .execute();
    }
  }

  /** What an expert may change about themself. */
  async updateExpertProfile(id: string, profile: ExpertProfileFields): Promise<void> {
    await this.db.updateTable('experts').set(profile).where('id', '=', id).execute();
  }

  async topicsOfExperts(expertIds: readonly string[]): Promise<Map<string, TopicRow[]>> {
    const result = new Map<string, TopicRow[]>(expertIds.map((id) => [id, []]));
    if (expertIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('expert_topics')
      .innerJoin('topics', 'topics.id', 'expert_topics.topic_id')
      .selectAll('topics')
      .select('expert_topics.expert_id')
      .where('expert_topics.expert_id', 'in', expertIds)
      .orderBy('topics.position')
      .execute();
    for (const { expert_id, ...topic } of rows) result.get(expert_id)?.push(topic);
    return result;
  }

  async answerCountsByExpert(expertIds: readonly string[]): Promise<Map<string, number>> {
    if (expertIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('answers')
      .select(['author_expert_id', (eb) => eb.fn.countAll<string | number>().as('count')])
      .where('author_expert_id', 'in', expertIds)
      .where('publication', '=', PUBLISHED)
      .groupBy('author_expert_id')
      .execute();
    return new Map(rows.map((row) => [row.author_expert_id ?? '', toCount(row.count)]));
  }

  /**
   * For each question an expert answered (published answers): when it was asked and when that expert first answered
   * it. The service turns these into the median time to a first answer.
   */
  async firstAnswerTimes(
    expertIds: readonly string[],
  ): Promise<{ expertId: string; askedAt: string; firstAnsweredAt: string }[]> {
    if (expertIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('answers')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .select([
        'answers.author_expert_id',
        'questions.created_at',
        (eb) => eb.fn.min<string>('answers.created_at').as('first_answered_at'),
      ])
      .where('answers.author_expert_id', 'in', expertIds)
      .where('answers.publication', '=', PUBLISHED)
      .groupBy(['answers.author_expert_id', 'answers.question_id', 'questions.created_at'])
      .execute();
    return rows.map((row) => ({
      expertId: row.author_expert_id ?? '',
      askedAt: row.created_at,
      firstAnsweredAt: row.first_answered_at,
    }));
  }

  /** A verification current at `now`: not revoked and valid until a later moment. */
  private isCurrent(now: string) {
    return (eb: ExpressionBuilder<Database, 'verifications'>) =>
      eb.and([eb('verifications.revoked_at', 'is', null), eb('verifications.valid_until', '>', now)]);
  }

  /**
   * Experts of a community with a verification current at `now`, by name; with a topic, only those whose current
   * verification covers it.
   */
  async expertPage(
    communityId: string,
    topicId: string | undefined,
    now: string,
    first: number,
    after?: string,
  ): Promise<Page<ExpertRow>> {
    const filtered = (executor: Executor) =>
      executor
        .selectFrom('experts')
        .where('experts.community_id', '=', communityId)
        .where((eb) => {
          let current = eb
            .selectFrom('verifications')
            .select('verifications.id')
            .whereRef('verifications.expert_id', '=', 'experts.id')
            .where(this.isCurrent(now));
          if (topicId !== undefined) {
            current = current.where((inner) =>
              inner.exists(
                inner
                  .selectFrom('verification_topics')
                  .select('verification_topics.topic_id')
                  .whereRef('verification_topics.verification_id', '=', 'verifications.id')
                  .where('verification_topics.topic_id', '=', topicId),
              ),
            );
          }
          return eb.exists(current);
        });
    let query = filtered(this.db).selectAll('experts');
    if (after !== undefined) {
      const [name, id] = decodeCursor(after, 'EXPERTS', ['string', 'string']) as [string, string];
      query = query.where((eb) => eb(eb.refTuple('experts.display_name', 'experts.id'), '>', eb.tuple(name, id)));
    }
    const rows = await query
      .orderBy('experts.display_name')
      .orderBy('experts.id')
      .limit(first + 1)
      .execute();
    return {
      rows: rows.slice(0, first).map((row) => ({ cursor: encodeCursor('EXPERTS', [row.display_name, row.id]), row })),
      hasNextPage: rows.length > first,
      totalCount: () => countOf(filtered(this.db)),
    };
  }

  /** Each expert's verification current at `now` (the newest, should there be two), with its topic ids. */
  async currentVerifications(expertIds: readonly string[], now: string): Promise<Map<string, VerificationRecord>> {
    if (expertIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('verifications')
      .selectAll()
      .where('expert_id', 'in', expertIds)
      .where(this.isCurrent(now))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return this.withTopics(rows);
  }

  /** Every verification of an expert, oldest first: its history. */
  verificationsOf(expertId: string): Promise<VerificationRow[]> {
    return this.db
      .selectFrom('verifications')
      .selectAll()
      .where('expert_id', '=', expertId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Each expert's newest verification, whether current, expired or revoked: what an admin looks at. */
  async latestVerifications(expertIds: readonly string[]): Promise<Map<string, VerificationRecord>> {
    if (expertIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('verifications')
      .selectAll()
      .where('expert_id', 'in', expertIds)
      .orderBy('created_at')
      // Made in the same millisecond as the one it replaced: the one not revoked is the newer.
      .orderBy(sql`CASE WHEN revoked_at IS NULL THEN 1 ELSE 0 END`)
      .orderBy('id')
      .execute();
    return this.withTopics(rows);
  }

  /** The last row per expert wins (rows come oldest first), with its topics in the community's order. */
  private async withTopics(rows: VerificationRow[]): Promise<Map<string, VerificationRecord>> {
    const byExpert = new Map<string, VerificationRow>(rows.map((row) => [row.expert_id, row]));
    const ids = [...byExpert.values()].map((row) => row.id);
    const topicRows =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('verification_topics')
            .innerJoin('topics', 'topics.id', 'verification_topics.topic_id')
            .select(['verification_topics.verification_id', 'verification_topics.topic_id'])
            .where('verification_topics.verification_id', 'in', ids)
            .orderBy('topics.position')
            .execute();
    const topicIds = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const row of topicRows) topicIds.get(row.verification_id)?.push(row.topic_id);
    return new Map(
      [...byExpert].map(([expertId, row]) => [expertId, { ...row, topic_ids: topicIds.get(row.id) ?? [] }]),
    );
  }

  /** Ends every verification of the expert that is current at `at`. Returns how many there were. */
  async revokeCurrentVerifications(expertId: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('verifications')
      .set({ revoked_at: at })
      .where('expert_id', '=', expertId)
      .where(this.isCurrent(at))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Stores a verification with its topics. Call inside `transaction`. */
  async insertVerification(row: VerificationRow, topicIds: readonly string[]): Promise<void> {
    await this.db.insertInto('verifications').values(row).execute();
    if (topicIds.length > 0) {
      await this.db
        .insertInto('verification_topics')
        .values(topicIds.map((topic_id) => ({ verification_id: row.id, topic_id })))
        .execute();
    }
  }

  /** The claims of these questions that hold at `now`. */
  async claimsOfQuestions(questionIds: readonly string[], now: string): Promise<Map<string, QuestionClaimRow>> {
    if (questionIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('question_claims')
      .selectAll()
      .where('question_id', 'in', questionIds)
      .where('expires_at', '>', now)
      .execute();
    return new Map(rows.map((row) => [row.question_id, row]));
  }

  /**
   * Claims a question for `row.expert_id`, in one statement so two experts at once cannot both win: a new claim is
   * inserted; an existing one is taken over only when it has expired at `now` or is this expert's own (then it is
   * extended and keeps its start). Returns false, changing nothing, when another expert's claim still holds.
   */
  async claimQuestion(row: QuestionClaimRow, now: string): Promise<boolean> {
    const result = await this.db
      .insertInto('question_claims')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('question_id')
          .doUpdateSet({
            expert_id: (eb) => eb.ref('excluded.expert_id'),
            claimed_at: sql<string>`CASE WHEN ${sql.ref('question_claims.expert_id')} = ${sql.ref('excluded.expert_id')}
              AND ${sql.ref('question_claims.expires_at')} > ${now}
              THEN ${sql.ref('question_claims.claimed_at')} ELSE ${sql.ref('excluded.claimed_at')} END`,
            expires_at: (eb) => eb.ref('excluded.expires_at'),
          })
          .where((eb) =>
            eb.or([
              eb('question_claims.expert_id', '=', eb.ref('excluded.expert_id')),
              eb('question_claims.expires_at', '<=', now),
            ]),
          ),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Removes this expert's claim on a question; another expert's claim stays. */
  async releaseClaim(questionId: string, expertId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('question_claims')
      .where('question_id', '=', questionId)
      .where('expert_id', '=', expertId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * An expert's inbox: published OPEN questions in the given topics (at least one) that no expert has answered yet,
   * oldest first. Claimed questions stay in it; the claim is shown with them.
   */
  async inboxPage(
    communityId: string,
    topicIds: readonly string[],
    first: number,
    after?: string,
  ): Promise<Page<QuestionSummaryRow>> {
    const filtered = (executor: Executor) =>
      executor
        .selectFrom('questions')
        .where('questions.community_id', '=', communityId)
        .where('questions.publication', '=', PUBLISHED)
        .where('questions.status', '=', 'OPEN')
        .where('questions.has_expert_answer', '=', 0)
        .where('questions.topic_id', 'in', topicIds);
    let query = filtered(this.db).select(summaryColumns);
    if (after !== undefined) {
      const [createdAt, id] = decodeCursor(after, 'INBOX', ['string', 'string']) as [string, string];
      query = query.where((eb) =>
        eb(eb.refTuple('questions.created_at', 'questions.id'), '>', eb.tuple(createdAt, id)),
      );
    }
    const rows = await query
      .orderBy('questions.created_at', 'asc')
      .orderBy('questions.id', 'asc')
      .limit(first + 1)
      .execute();
    return {
      rows: rows.slice(0, first).map((row) => ({ cursor: encodeCursor('INBOX', [row.created_at, row.id]), row })),
      hasNextPage: rows.length > first,
      totalCount: () => countOf(filtered(this.db)),
    };
  }

  // End of experts, verifications and claims

  // Questions

  async bodiesOfQuestions(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('questions').select(['id', 'body']).where('id', 'in', ids).execute();
    return new Map(rows.map((row) => [row.id, row.body]));
  }

  questionsByIds(ids: readonly string[]): Promise<QuestionRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('questions').selectAll().where('id', 'in', ids).execute();
  }

  questionByIdempotencyKey(communityId: string, key: string): Promise<QuestionRow | undefined> {
    return this.db
      .selectFrom('questions')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  /** Stores a question and indexes it for search. Call inside `transaction`. */
  async insertQuestion(row: QuestionRow): Promise<void> {
    await this.db.insertInto('questions').values(row).execute();
    await this.search.indexQuestion(this.db as Transaction<Database>, row);
  }

  /** Changes what the asker wrote and indexes it again. Call inside `transaction`. */
  async updateQuestionContent(id: string, content: QuestionContent): Promise<void> {
    await this.db.updateTable('questions').set(content).where('id', '=', id).execute();
    const trx = this.db as Transaction<Database>;
    await this.search.removeQuestion(trx, id);
    await this.search.indexQuestion(trx, { id, title: content.title, body: content.body });
  }

  async setQuestionStatus(id: string, status: QuestionStatus, acceptedAnswerId?: string): Promise<void> {
    await this.db
      .updateTable('questions')
      .set(acceptedAnswerId === undefined ? { status } : { status, accepted_answer_id: acceptedAnswerId })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Removes a question for good: its votes, answers, flags, notification addresses and search entry go with it.
   * Call inside `transaction`. Returns false when there was no such question.
   */
  async deleteQuestion(id: string): Promise<boolean> {
    const answerIds = this.db.selectFrom('answers').select('id').where('question_id', '=', id);
    await this.db.deleteFrom('helpful_votes').where('answer_id', 'in', answerIds).execute();
    await this.db
      .deleteFrom('content_flags')
      .where((eb) =>
        eb.or([
          eb.and([eb('content_kind', '=', 'QUESTION'), eb('content_id', '=', id)]),
          eb.and([eb('content_kind', '=', 'ANSWER'), eb('content_id', 'in', answerIds)]),
        ]),
      )
      .execute();
    await this.db.deleteFrom('answers').where('question_id', '=', id).execute();
    await this.db.deleteFrom('notification_subscriptions').where('question_id', '=', id).execute();
    await this.search.removeQuestion(this.db as Transaction<Database>, id);
    const result = await this.db.deleteFrom('questions').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The questions whose owner token hashes are given, held ones included, newest first. */
  questionsByOwnerHashes(hashes: readonly string[]): Promise<QuestionRow[]> {
    if (hashes.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('questions')
      .selectAll()
      .where('owner_token_hash', 'in', hashes)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  async questionPage(
    communityId: string,
    filter: QuestionFilter,
    order: QuestionOrder,
    first: number,
    after?: string,
  ): Promise<Page<QuestionSummaryRow>> {
    const searchCondition = filter.search === undefined ? null : this.search.matches(filter.search);
    const filtered = (executor: Executor) => {
      let query = executor
        .selectFrom('questions')
        .where('questions.community_id', '=', communityId)
        .where('questions.publication', '=', PUBLISHED);
      if (filter.topicId !== undefined) query = query.where('questions.topic_id', '=', filter.topicId);
      if (filter.status !== undefined) query = query.where('questions.status', '=', filter.status);
      if (searchCondition !== null) query = query.where(searchCondition as Expression<SqlBool>);
      return query;
    };

    const { column, direction } = questionOrders[order];
    // Lists never show a question's text, and leaving it out makes the busiest query a third cheaper.
    let query = filtered(this.db).select(summaryColumns);
    if (after !== undefined) {
      const [value, id] = decodeCursor(after, order, ['string', 'string']) as [string, string];
      query = query.where((eb) =>
        eb(eb.refTuple(`questions.${column}`, 'questions.id'), direction === 'desc' ? '<' : '>', eb.tuple(value, id)),
      );
    }
    const rows = await query
      .orderBy(`questions.${column}`, direction)
      .orderBy('questions.id', direction)
      .limit(first + 1)
      .execute();
    return {
      rows: rows.slice(0, first).map((row) => ({ cursor: encodeCursor(order, [row[column], row.id]), row })),
      hasNextPage: rows.length > first,
      totalCount: () => countOf(filtered(this.db)),
    };
  }

  async similarQuestions(communityId: string, text: string, limit: number): Promise<QuestionRow[]> {
    const ids = await this.search.similar(this.db as Kysely<Database>, communityId, text, limit);
    const rows = await this.questionsByIds(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  // Answers

  answersByIds(ids: readonly string[]): Promise<AnswerRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('answers').selectAll().where('id', 'in', ids).execute();
  }

  answerByIdempotencyKey(questionId: string, key: string): Promise<AnswerRow | undefined> {
    return this.db
      .selectFrom('answers')
      .selectAll()
      .where('question_id', '=', questionId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  /** Stores an answer row as it is, without touching its question (for seeding and restores). */
  async insertAnswerRow(row: AnswerRow): Promise<void> {
    await this.db.insertInto('answers').values(row).execute();
  }

  /**
   * Stores an answer. A published one updates its question's counters, activity and status; a held one changes
   * nothing others can see. Call inside `transaction`.
   */
  async insertAnswer(row: AnswerRow, questionStatus: QuestionStatus): Promise<void> {
    await this.db.insertInto('answers').values(row).execute();
    if (row.publication !== PUBLISHED) return;
    await this.db
      .updateTable('questions')
      .set((eb) => ({
        answer_count: eb('answer_count', '+', 1),
        has_expert_answer: row.is_expert === 1 ? 1 : eb.ref('has_expert_answer'),
        last_activity_at: row.created_at,
        status: questionStatus,
      }))
      .where('id', '=', row.question_id)
      .execute();
  }

  /**
   * Published answers of a question: the accepted answer first, then experts, then the others, oldest first within
   * each group. The cursor holds the group (2 accepted, 1 expert, 0 other), so pages stay consistent while the
   * accepted answer stays the same.
   */
  async answerPage(
    questionId: string,
    acceptedAnswerId: string | null,
    first: number,
    after?: string,
  ): Promise<Page<AnswerRow>> {
    const rank =
      acceptedAnswerId === null
        ? sql<number>`answers.is_expert`
        : sql<number>`CASE WHEN answers.id = ${acceptedAnswerId} THEN 2 ELSE answers.is_expert END`;
    const published = (executor: Executor) =>
      executor
        .selectFrom('answers')
        .where('answers.question_id', '=', questionId)
        .where('answers.publication', '=', PUBLISHED);
    let query = published(this.db).selectAll('answers').select(rank.as('rank'));
    if (after !== undefined) {
      const [group, createdAt, id] = decodeCursor(after, 'ANSWERS', ['number', 'string', 'string']) as [
        number,
        string,
        string,
      ];
      query = query.where((eb) =>
        eb.or([
          eb(rank, '<', group),
          eb.and([
            eb(rank, '=', group),
            eb(eb.refTuple('answers.created_at', 'answers.id'), '>', eb.tuple(createdAt, id)),
          ]),
        ]),
      );
    }
    const rows = await query
      .orderBy(rank, 'desc')
      .orderBy('answers.created_at', 'asc')
      .orderBy('answers.id', 'asc')
      .limit(first + 1)
      .execute();
    return {
      rows: rows.slice(0, first).map(({ rank: group, ...row }) => ({
        cursor: encodeCursor('ANSWERS', [Number(group), row.created_at, row.id]),
        row,
      })),
      hasNextPage: rows.length > first,
      totalCount: () => countOf(published(this.db)),
    };
  }

  /** The answers whose owner token hashes are given, held ones included, oldest first. */
  answersByOwnerHashes(hashes: readonly string[]): Promise<AnswerRow[]> {
    if (hashes.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('answers')
      .selectAll()
      .where('owner_token_hash', 'in', hashes)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
  }

  // Helpful votes

  /**
   * Counts one helpful vote per voter hash and answer. Returns false, and changes nothing, when this voter had
   * already voted. Call inside `transaction`.
   */
  async insertHelpfulVote(
    answerId: string,
    questionId: string,
    voterHash: string,
    createdAt: string,
  ): Promise<boolean> {
    const result = await this.db
      .insertInto('helpful_votes')
      .values({ answer_id: answerId, voter_hash: voterHash, created_at: createdAt })
      .onConflict((oc) => oc.columns(['answer_id', 'voter_hash']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await this.db
      .updateTable('answers')
      .set((eb) => ({ helpful_count: eb('helpful_count', '+', 1) }))
      .where('id', '=', answerId)
      .execute();
    await this.db
      .updateTable('questions')
      .set((eb) => ({ helpful_count: eb('helpful_count', '+', 1) }))
      .where('id', '=', questionId)
      .execute();
    return true;
  }

  // Situations

  situations(communityId: string): Promise<SituationRow[]> {
    return this.db
      .selectFrom('situations')
      .selectAll()
      .where('community_id', '=', communityId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  async insertSituation(row: SituationRow): Promise<void> {
    await this.db.insertInto('situations').values(row).execute();
  }

  // Instance secrets

  /** The secret stored under `name`; when there is none yet, `make` creates it once (the first writer wins). */
  async instanceSecret(name: string, make: () => string, createdAt: string): Promise<string> {
    await this.db
      .insertInto('instance_secrets')
      .values({ name, value: make(), created_at: createdAt })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('instance_secrets')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.value;
  }

  // Notification subscriptions (follow a question by e-mail; services/follow-service.ts holds the rules).
  // Addresses are read here only to send mail: never listed, shown or counted anywhere else.

  subscriptionByQuestionAndEmail(questionId: string, email: string): Promise<NotificationSubscriptionRow | undefined> {
    return this.db
      .selectFrom('notification_subscriptions')
      .selectAll()
      .where('question_id', '=', questionId)
      .where('email', '=', email)
      .executeTakeFirst();
  }

  subscriptionByConfirmHash(hash: string): Promise<NotificationSubscriptionRow | undefined> {
    return this.db
      .selectFrom('notification_subscriptions')
      .selectAll()
      .where('confirm_token_hash', '=', hash)
      .executeTakeFirst();
  }

  subscriptionByUnsubscribeHash(hash: string): Promise<NotificationSubscriptionRow | undefined> {
    return this.db
      .selectFrom('notification_subscriptions')
      .selectAll()
      .where('unsubscribe_token_hash', '=', hash)
      .executeTakeFirst();
  }

  /** Stores a pending subscription; false, and nothing stored, when this address already follows the question. */
  async insertSubscriptionIfAbsent(row: NotificationSubscriptionRow): Promise<boolean> {
    const result = await this.db
      .insertInto('notification_subscriptions')
      .values(row)
      .onConflict((oc) => oc.columns(['question_id', 'email']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * Gives a pending subscription a new confirmation token. Only succeeds while it is still pending and nobody else
   * renewed it since `previousSentAt` was read, so two requests at once send one e-mail.
   */
  async renewSubscriptionConfirmation(
    id: string,
    previousSentAt: string | null,
    confirmTokenHash: string,
    sentAt: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('notification_subscriptions')
      .set({ confirm_token_hash: confirmTokenHash, confirmation_sent_at: sentAt })
      .where('id', '=', id)
      .where('confirmed_at', 'is', null)
      .where('confirmation_sent_at', previousSentAt === null ? 'is' : '=', previousSentAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async confirmSubscription(id: string, confirmedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('notification_subscriptions')
      .set({ confirmed_at: confirmedAt })
      .where('id', '=', id)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteSubscription(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('notification_subscriptions').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The confirmed subscriptions of a question: the only addresses that ever get a notification. */
  confirmedSubscriptions(questionId: string): Promise<NotificationSubscriptionRow[]> {
    return this.db
      .selectFrom('notification_subscriptions')
      .selectAll()
      .where('question_id', '=', questionId)
      .where('confirmed_at', 'is not', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Deletes subscriptions that were never confirmed and were created at or before `createdBefore`. */
  async deleteUnconfirmedSubscriptions(createdBefore: string): Promise<number> {
    const result = await this.db
      .deleteFrom('notification_subscriptions')
      .where('confirmed_at', 'is', null)
      .where('created_at', '<=', createdBefore)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Deletes every subscription of a RESOLVED question whose last activity was at or before `lastActivityBefore`. */
  async deleteSubscriptionsOfResolvedQuestions(lastActivityBefore: string): Promise<number> {
    const resolved = this.db
      .selectFrom('questions')
      .select('questions.id')
      .where('questions.status', '=', 'RESOLVED')
      .where('questions.last_activity_at', '<=', lastActivityBefore);
    const result = await this.db
      .deleteFrom('notification_subscriptions')
      .where('question_id', 'in', resolved)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // Accounts and sessions (services/account-service.ts, session-service.ts, portal-service.ts, oidc-service.ts and
  // audit-log.ts hold the rules). Passwords, session tokens and link tokens are only ever stored hashed.

  // Users and roles

  userByEmail(communityId: string, email: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('email', '=', email)
      .executeTakeFirst();
  }

  usersByIds(ids: readonly string[]): Promise<UserRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
  }

  usersOfCommunity(communityId: string): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().where('community_id', '=', communityId).orderBy('email').execute();
  }

  /** Stores an account with its roles. Call inside `transaction`. */
  async insertUser(row: UserRow, roles: readonly Role[]): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
    await this.replaceUserRoles(row.id, roles);
  }

  /** Replaces an account's roles. Call inside `transaction`. */
  async replaceUserRoles(userId: string, roles: readonly Role[]): Promise<void> {
    await this.db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roles.length > 0) {
      await this.db
        .insertInto('user_roles')
        .values([...new Set(roles)].map((role) => ({ user_id: userId, role })))
        .execute();
    }
  }

  async rolesOfUsers(userIds: readonly string[]): Promise<Map<string, Role[]>> {
    const result = new Map<string, Role[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('user_roles')
      .selectAll()
      .where('user_id', 'in', userIds)
      .orderBy('role')
      .execute();
    for (const row of rows) result.get(row.user_id)?.push(row.role);
    return result;
  }

  /** Accounts of a community that hold `role` and are not disabled. */
  async countUsersWithRole(communityId: string, role: Role): Promise<number> {
    return countOf(
      this.db
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .where('users.community_id', '=', communityId)
        .where('users.disabled_at', 'is', null)
        .where('user_roles.role', '=', role),
    );
  }

  /**
   * Makes concurrent role changes in one community wait for each other until the transaction ends (PostgreSQL row
   * lock; SQLite allows one writer at a time anyway). Call inside `transaction`, before reading what you will change.
   */
  async lockCommunity(communityId: string): Promise<void> {
    if (this.engine !== 'postgres') return;
    await this.db.selectFrom('communities').select('id').where('id', '=', communityId).forUpdate().execute();
  }

  /** Counts a failed password sign-in and returns the new count. */
  async countFailedSignIn(userId: string): Promise<number> {
    const row = await this.db
      .updateTable('users')
      .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_sign_ins')
      .executeTakeFirst();
    return Number(row?.failed_sign_ins ?? 0);
  }

  async lockUser(userId: string, lockedUntil: string): Promise<void> {
    await this.db.updateTable('users').set({ locked_until: lockedUntil }).where('id', '=', userId).execute();
  }

  /** After a successful password sign-in: the failures and any lock are forgotten. */
  async clearFailedSignIns(userId: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('failed_sign_ins', '!=', 0), eb('locked_until', 'is not', null)]))
      .execute();
  }

  /** A new password (or none): failures and lock are forgotten too. */
  async setPasswordHash(userId: string, passwordHash: string | null): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
  }

  async setUserExpert(userId: string, expertId: string | null): Promise<void> {
    await this.db.updateTable('users').set({ expert_id: expertId }).where('id', '=', userId).execute();
  }

  // Sessions (bearer tokens; only their SHA-256 hash is stored)

  async insertSession(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  sessionByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async revokeSession(id: string, revokedAt: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ revoked_at: revokedAt })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Ends every session of an account that is still open; returns how many. */
  async revokeSessionsOfUser(userId: string, revokedAt: string): Promise<number> {
    const result = await this.db
      .updateTable('sessions')
      .set({ revoked_at: revokedAt })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', revokedAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Forgets sessions, sign-in links and OpenID Connect states that expired at or before `before`. */
  /**
   * Deletes sessions, sign-in links and OpenID Connect states that expired at or before `before`, and says how many
   * of each went. Deleting by cutoff reads nothing first, so instances that run it at once delete each row once.
   */
  async deleteExpiredSignInData(
    before: string,
  ): Promise<{ sessions: number; signInLinks: number; oidcStates: number }> {
    const deleted = async (table: 'sessions' | 'sign_in_links' | 'oidc_sign_ins') =>
      Number((await this.db.deleteFrom(table).where('expires_at', '<=', before).executeTakeFirst()).numDeletedRows);
    return {
      sessions: await deleted('sessions'),
      signInLinks: await deleted('sign_in_links'),
      oidcStates: await deleted('oidc_sign_ins'),
    };
  }

  // Sign-in links

  async insertSignInLink(row: SignInLinkRow): Promise<void> {
    await this.db.insertInto('sign_in_links').values(row).execute();
  }

  signInLinkByHash(tokenHash: string): Promise<SignInLinkRow | undefined> {
    return this.db.selectFrom('sign_in_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  /** Marks a link used; false when it was used already (by this or a concurrent request), so a link works once. */
  async useSignInLink(tokenHash: string, usedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('sign_in_links')
      .set({ used_at: usedAt })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  countSignInLinksSince(userId: string, since: string): Promise<number> {
    return countOf(this.db.selectFrom('sign_in_links').where('user_id', '=', userId).where('created_at', '>', since));
  }

  // OpenID Connect and the host portal

  oidcSettings(communityId: string): Promise<CommunityOidcRow | undefined> {
    return this.db.selectFrom('community_oidc').selectAll().where('community_id', '=', communityId).executeTakeFirst();
  }

  async saveOidcSettings(row: CommunityOidcRow): Promise<void> {
    await this.db
      .insertInto('community_oidc')
      .values(row)
      .onConflict((oc) =>
        oc.column('community_id').doUpdateSet({
          issuer: row.issuer,
          client_id: row.client_id,
          client_secret: row.client_secret,
          organisation: row.organisation,
        }),
      )
      .execute();
  }

  async insertOidcSignIn(row: OidcSignInRow): Promise<void> {
    await this.db.insertInto('oidc_sign_ins').values(row).execute();
  }

  /** Reads and deletes the sign-in started with `state`: a state works once. */
  async takeOidcSignIn(state: string): Promise<OidcSignInRow | undefined> {
    const row = await this.db.selectFrom('oidc_sign_ins').selectAll().where('state', '=', state).executeTakeFirst();
    if (!row) return undefined;
    const result = await this.db.deleteFrom('oidc_sign_ins').where('state', '=', state).executeTakeFirst();
    return Number(result.numDeletedRows) > 0 ? row : undefined;
  }

  async setPortalSecret(communityId: string, secret: string | null): Promise<void> {
    await this.db.updateTable('communities').set({ portal_secret: secret }).where('id', '=', communityId).execute();
  }

  // The audit log

  /** Appends one entry to the audit log. There is no update or delete for it. */
  async insertAuditEntry(row: AuditLogRow): Promise<void> {
    await this.db.insertInto('audit_log').values(row).execute();
  }

  /** The audit log of a community, oldest first (`limit` newest entries when given). */
  async auditEntries(communityId: string, limit?: number): Promise<AuditLogRow[]> {
    let query = this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('community_id', '=', communityId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc');
    if (limit !== undefined) query = query.limit(limit);
    return (await query.execute()).reverse();
  }

  // End of accounts and sessions

  // Moderation (services/moderation-pipeline.ts and services/moderation-service.ts hold the rules). Posts carry a
  // keyed device hash per community; flags carry a hash per content, so flags cannot be linked. The audit log is
  // only appended to (insertAuditEntry) and read (auditPage): there is no method to change or remove an entry.

  moderationSettings(communityId: string): Promise<ModerationSettingsRow | undefined> {
    return this.db
      .selectFrom('moderation_settings')
      .selectAll()
      .where('community_id', '=', communityId)
      .executeTakeFirst();
  }

  async saveModerationSettings(row: ModerationSettingsRow): Promise<void> {
    await this.db
      .insertInto('moderation_settings')
      .values(row)
      .onConflict((oc) =>
        oc.column('community_id').doUpdateSet({
          pre_moderation: row.pre_moderation,
          flag_threshold: row.flag_threshold,
          blocked_words: row.blocked_words,
          held_words: row.held_words,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  /** Stores a block; false, and nothing changed, when the same block already exists. */
  async insertAuthorBlock(row: AuthorBlockRow): Promise<boolean> {
    const result = await this.db
      .insertInto('author_blocks')
      .values(row)
      .onConflict((oc) => oc.columns(['community_id', 'scope', 'value']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** True when the device hash or the pseudonym (as `pseudonymKey` makes it) is blocked in the community. */
  async isAuthorBlocked(communityId: string, deviceHash: string | null, pseudonymKey: string | null): Promise<boolean> {
    if (deviceHash === null && pseudonymKey === null) return false;
    const row = await this.db
      .selectFrom('author_blocks')
      .select('id')
      .where('community_id', '=', communityId)
      .where((eb) =>
        eb.or([
          ...(deviceHash === null ? [] : [eb.and([eb('scope', '=', 'DEVICE'), eb('value', '=', deviceHash)])]),
          ...(pseudonymKey === null ? [] : [eb.and([eb('scope', '=', 'PSEUDONYM'), eb('value', '=', pseudonymKey)])]),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The questions and answers one device posted at or after `since`, whatever became of them. */
  async postsOfDeviceSince(deviceHash: string, since: string): Promise<DevicePost[]> {
    const questions = await this.db
      .selectFrom('questions')
      .select(['id', 'title', 'body', 'created_at'])
      .where('device_hash', '=', deviceHash)
      .where('created_at', '>=', since)
      .execute();
    const answers = await this.db
      .selectFrom('answers')
      .select(['id', 'body', 'created_at'])
      .where('device_hash', '=', deviceHash)
      .where('created_at', '>=', since)
      .execute();
    return [
      ...questions.map((row) => ({ kind: 'QUESTION' as const, ...row })),
      ...answers.map((row) => ({ kind: 'ANSWER' as const, title: null, ...row })),
    ];
  }

  /** True when the device has a published question or answer (its hash already belongs to one community). */
  async hasPublishedPostOfDevice(deviceHash: string): Promise<boolean> {
    const question = await this.db
      .selectFrom('questions')
      .select('id')
      .where('device_hash', '=', deviceHash)
      .where('publication', '=', PUBLISHED)
      .limit(1)
      .executeTakeFirst();
    if (question) return true;
    const answer = await this.db
      .selectFrom('answers')
      .select('id')
      .where('device_hash', '=', deviceHash)
      .where('publication', '=', PUBLISHED)
      .limit(1)
      .executeTakeFirst();
    return answer !== undefined;
  }

  /**
   * Stores a flag and counts it on the content. Returns false, changing nothing, when the same flagger hash had
   * flagged this content already. Call inside `transaction`.
   */
  async insertFlag(row: ContentFlagRow): Promise<boolean> {
    const result = await this.db
      .insertInto('content_flags')
      .values(row)
      .onConflict((oc) => oc.columns(['content_kind', 'content_id', 'flagger_hash']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    if (row.content_kind === 'QUESTION') {
      await this.db
        .updateTable('questions')
        .set((eb) => ({ flag_count: eb('flag_count', '+', 1) }))
        .where('id', '=', row.content_id)
        .execute();
    } else {
      await this.db
        .updateTable('answers')
        .set((eb) => ({ flag_count: eb('flag_count', '+', 1) }))
        .where('id', '=', row.content_id)
        .execute();
    }
    return true;
  }

  unresolvedFlagCount(kind: ContentKind, id: string): Promise<number> {
    return countOf(
      this.db
        .selectFrom('content_flags')
        .where('content_kind', '=', kind)
        .where('content_id', '=', id)
        .where('resolved_at', 'is', null),
    );
  }

  /** The flags of these questions and answers that no moderator has decided on yet, oldest first. */
  async unresolvedFlags(refs: readonly { kind: ContentKind; id: string }[]): Promise<ContentFlagRow[]> {
    const ids = (kind: ContentKind) => refs.filter((ref) => ref.kind === kind).map((ref) => ref.id);
    const questionIds = ids('QUESTION');
    const answerIds = ids('ANSWER');
    if (questionIds.length === 0 && answerIds.length === 0) return [];
    return this.db
      .selectFrom('content_flags')
      .selectAll()
      .where('resolved_at', 'is', null)
      .where((eb) =>
        eb.or([
          ...(questionIds.length === 0
            ? []
            : [eb.and([eb('content_kind', '=', 'QUESTION'), eb('content_id', 'in', questionIds)])]),
          ...(answerIds.length === 0
            ? []
            : [eb.and([eb('content_kind', '=', 'ANSWER'), eb('content_id', 'in', answerIds)])]),
        ]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Closes the open flags of a question or answer: a moderator decided. Returns how many there were. */
  async resolveFlags(kind: ContentKind, id: string, resolvedAt: string): Promise<number> {
    const result = await this.db
      .updateTable('content_flags')
      .set({ resolved_at: resolvedAt })
      .where('content_kind', '=', kind)
      .where('content_id', '=', id)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Changes the publication, reason, findings or waiting time of a question or answer. Call inside `transaction`. */
  async setModerationState(kind: ContentKind, id: string, state: ModerationState): Promise<void> {
    if (kind === 'QUESTION') await this.db.updateTable('questions').set(state).where('id', '=', id).execute();
    else await this.db.updateTable('answers').set(state).where('id', '=', id).execute();
  }

  /** Starts the wait for a moderator at `at`, unless the content is waiting already. */
  async markWaiting(kind: ContentKind, id: string, at: string): Promise<void> {
    if (kind === 'QUESTION') {
      await this.db
        .updateTable('questions')
        .set({ waiting_since: at })
        .where('id', '=', id)
        .where('waiting_since', 'is', null)
        .execute();
    } else {
      await this.db
        .updateTable('answers')
        .set({ waiting_since: at })
        .where('id', '=', id)
        .where('waiting_since', 'is', null)
        .execute();
    }
  }

  /** A moderator's new title and text for a question, indexed again for search. Call inside `transaction`. */
  async replaceQuestionText(id: string, title: string, body: string): Promise<void> {
    await this.db.updateTable('questions').set({ title, body }).where('id', '=', id).execute();
    const trx = this.db as Transaction<Database>;
    await this.search.removeQuestion(trx, id);
    await this.search.indexQuestion(trx, { id, title, body });
  }

  /** A moderator's new text for an answer. */
  async replaceAnswerText(id: string, body: string): Promise<void> {
    await this.db.updateTable('answers').set({ body }).where('id', '=', id).execute();
  }

  /**
   * Counts a question's published answers again after an answer was published or taken out of view: answer count,
   * whether an expert answered, and the helpful votes. With `activityAt`, its last activity moves forward to that
   * moment. Call inside `transaction`.
   */
  async refreshQuestionCounters(
    questionId: string,
    activityAt?: string,
  ): Promise<{ answerCount: number; hasExpertAnswer: boolean }> {
    const counts = await this.db
      .selectFrom('answers')
      .select((eb) => [
        eb.fn.countAll<string | number>().as('count'),
        eb.fn.max<number | null>('is_expert').as('expert'),
        eb.fn.sum<string | number | null>('helpful_count').as('helpful'),
      ])
      .where('question_id', '=', questionId)
      .where('publication', '=', PUBLISHED)
      .executeTakeFirst();
    const answerCount = toCount(counts?.count);
    const hasExpertAnswer = Number(counts?.expert ?? 0) === 1;
    await this.db
      .updateTable('questions')
      .set({
        answer_count: answerCount,
        has_expert_answer: hasExpertAnswer ? 1 : 0,
        helpful_count: Number(counts?.helpful ?? 0),
      })
      .where('id', '=', questionId)
      .execute();
    if (activityAt !== undefined) {
      await this.db
        .updateTable('questions')
        .set({ last_activity_at: activityAt })
        .where('id', '=', questionId)
        .where('last_activity_at', '<', activityAt)
        .execute();
    }
    return { answerCount, hasExpertAnswer };
  }

  /**
   * The moderation queue of a community: questions and answers that wait for a moderator (held, hidden by flags, or
   * flagged), the longest waiting first.
   */
  async moderationQueuePage(communityId: string, first: number, after?: string): Promise<Page<QueueEntry>> {
    const waiting = (executor: Executor) => {
      const questions = executor
        .selectFrom('questions')
        .select([sql<ContentKind>`'QUESTION'`.as('kind'), 'questions.id as id', 'questions.waiting_since as since'])
        .where('questions.community_id', '=', communityId)
        .where('questions.waiting_since', 'is not', null);
      const answers = executor
        .selectFrom('answers')
        .innerJoin('questions', 'questions.id', 'answers.question_id')
        .select([sql<ContentKind>`'ANSWER'`.as('kind'), 'answers.id as id', 'answers.waiting_since as since'])
        .where('questions.community_id', '=', communityId)
        .where('answers.waiting_since', 'is not', null);
      return executor.selectFrom(questions.unionAll(answers).as('waiting'));
    };
    let query = waiting(this.db).selectAll();
    if (after !== undefined) {
      const [since, kind, id] = decodeCursor(after, 'QUEUE', ['string', 'string', 'string']) as [
        string,
        string,
        string,
      ];
      query = query.where((eb) =>
        eb(eb.refTuple('waiting.since', 'waiting.kind', 'waiting.id'), '>', eb.tuple(since, kind as ContentKind, id)),
      );
    }
    const rows = await query
      .orderBy('waiting.since')
      .orderBy('waiting.kind')
      .orderBy('waiting.id')
      .limit(first + 1)
      .execute();
    return {
      rows: rows.slice(0, first).map(({ kind, id, since }) => {
        const entry: QueueEntry = { kind, id, waiting_since: since ?? '' };
        return { cursor: encodeCursor('QUEUE', [entry.waiting_since, kind, id]), row: entry };
      }),
      hasNextPage: rows.length > first,
      totalCount: () => countOf(waiting(this.db)),
    };
  }

  /** The audit log of a community, newest first, with the name of the account that acted. */
  async auditPage(communityId: string, first: number, after?: string): Promise<Page<AuditEntryRow>> {
    let query = this.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .selectAll('audit_log')
      .select('users.display_name as actor_name')
      .where('audit_log.community_id', '=', communityId);
    if (after !== undefined) {
      const [createdAt, id] = decodeCursor(after, 'AUDIT', ['string', 'string']) as [string, string];
      query = query.where((eb) =>
        eb(eb.refTuple('audit_log.created_at', 'audit_log.id'), '<', eb.tuple(createdAt, id)),
      );
    }
    const rows = await query
      .orderBy('audit_log.created_at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(first + 1)
      .execute();
    return {
      rows: rows.slice(0, first).map((row) => ({ cursor: encodeCursor('AUDIT', [row.created_at, row.id]), row })),
      hasNextPage: rows.length > first,
      totalCount: () => countOf(this.db.selectFrom('audit_log').where('community_id', '=', communityId)),
    };
  }

  /** Questions and answers waiting for a moderator in all communities: the queue size `/metrics` reports. */
  async countWaitingForModeration(): Promise<number> {
    const [questions, answers] = await Promise.all([
      countOf(this.db.selectFrom('questions').where('waiting_since', 'is not', null)),
      countOf(this.db.selectFrom('answers').where('waiting_since', 'is not', null)),
    ]);
    return questions + answers;
  }

  // End of moderation

  /** Row counts per table, for tests and the CLI. */
  countRows(table: keyof Database): Promise<number> {
    return countOf(this.db.selectFrom(table));
  }
}
