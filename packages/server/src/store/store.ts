import { type Expression, type Kysely, type SelectQueryBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import type { Connection } from './connect.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type {
  AnswerRow,
  CommunityRow,
  Database,
  ExpertRow,
  MunicipalityRow,
  NotificationSubscriptionRow,
  Publication,
  QuestionRow,
  QuestionStatus,
  SituationRow,
  TopicRow,
} from './database-schema.ts';
import type { Engine } from './engine.ts';
import { postgresSearch } from './search/postgres-search.ts';
import type { SearchIndex } from './search/search-index.ts';
import { sqliteSearch } from './search/sqlite-search.ts';

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
] as const;

/** Only published questions and answers are shown to everyone; held ones only to their author. */
const PUBLISHED: Publication = 'PUBLISHED';

/** What the asker may change in a question. */
export type QuestionContent = Pick<QuestionRow, 'title' | 'body' | 'topic_id' | 'publication' | 'edited_at'>;

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

  constructor(
    private readonly db: Executor,
    engine: Engine,
  ) {
    this.engine = engine;
    this.search = engine === 'sqlite' ? sqliteSearch : postgresSearch;
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

  // Experts

  expertsByIds(ids: readonly string[]): Promise<ExpertRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('experts').selectAll().where('id', 'in', ids).execute();
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

  /** Experts of a community by name; with a topic, only those who cover it. */
  async expertPage(
    communityId: string,
    topicId: string | undefined,
    first: number,
    after?: string,
  ): Promise<Page<ExpertRow>> {
    const filtered = (executor: Executor) => {
      let query = executor.selectFrom('experts').where('experts.community_id', '=', communityId);
      if (topicId !== undefined) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('expert_topics')
              .select('expert_topics.expert_id')
              .whereRef('expert_topics.expert_id', '=', 'experts.id')
              .where('expert_topics.topic_id', '=', topicId),
          ),
        );
      }
      return query;
    };
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
   * Removes a question for good: its votes, answers, notification addresses and search entry go with it.
   * Call inside `transaction`. Returns false when there was no such question.
   */
  async deleteQuestion(id: string): Promise<boolean> {
    const answerIds = this.db.selectFrom('answers').select('id').where('question_id', '=', id);
    await this.db.deleteFrom('helpful_votes').where('answer_id', 'in', answerIds).execute();
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

  /** Row counts per table, for tests and the CLI. */
  countRows(table: keyof Database): Promise<number> {
    return countOf(this.db.selectFrom(table));
  }
}
