import type { Kysely, Transaction } from 'kysely';
import type { Database, PrivateMessageRow, PrivateQuestionRow } from './database-schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The SQL of private e-mail questions (services/private-question-service.ts holds the rules). The store never sees
 * plain text: bodies arrive encrypted, the citizen's address encrypted together with the secret of the link (for the
 * answer e-mail), and the secret otherwise only as its hash. The tally in `private_question_counts` is what reports
 * read; it holds no text and outlives the questions.
 */
export class PrivateQuestionStore {
  constructor(private readonly db: Executor) {}

  byId(id: string): Promise<PrivateQuestionRow | undefined> {
    return this.db.selectFrom('private_questions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byIdempotencyKey(communityId: string, key: string): Promise<PrivateQuestionRow | undefined> {
    return this.db
      .selectFrom('private_questions')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  /**
   * Stores a question and counts it for its topic on `day` (Dutch time). Call inside `transaction`, so the tally
   * never counts a question that was not stored.
   */
  async insert(row: PrivateQuestionRow, day: string): Promise<void> {
    await this.db.insertInto('private_questions').values(row).execute();
    await this.db
      .insertInto('private_question_counts')
      .values({ community_id: row.community_id, topic_id: row.topic_id, day, count: 1 })
      .onConflict((oc) =>
        oc
          .columns(['community_id', 'topic_id', 'day'])
          .doUpdateSet((eb) => ({ count: eb('private_question_counts.count', '+', 1) })),
      )
      .execute();
  }

  /**
   * Takes back what `insert` did, when the confirmation e-mail could not be sent: the citizen never got the link,
   * so the question could never be read. Call inside `transaction`.
   */
  async removeUnconfirmed(row: PrivateQuestionRow, day: string): Promise<void> {
    const deleted = await this.db.deleteFrom('private_questions').where('id', '=', row.id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return;
    const tally = this.db
      .updateTable('private_question_counts')
      .where('community_id', '=', row.community_id)
      .where('topic_id', '=', row.topic_id)
      .where('day', '=', day);
    await tally.set((eb) => ({ count: eb('private_question_counts.count', '-', 1) })).execute();
    await this.db
      .deleteFrom('private_question_counts')
      .where('community_id', '=', row.community_id)
      .where('topic_id', '=', row.topic_id)
      .where('day', '=', day)
      .where('count', '<=', 0)
      .execute();
  }

  /**
   * An advisor's inbox: the community's private questions in these topics (at least one), unanswered first, then
   * newest first.
   */
  inbox(communityId: string, topicIds: readonly string[], first: number): Promise<PrivateQuestionRow[]> {
    if (topicIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('private_questions')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('topic_id', 'in', topicIds)
      .orderBy('answered', 'asc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(first)
      .execute();
  }

  /** The messages of these questions, oldest first. */
  messagesOf(questionIds: readonly string[]): Promise<PrivateMessageRow[]> {
    if (questionIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('private_messages')
      .selectAll()
      .where('question_id', 'in', questionIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Stores an advisor's answer and marks the question answered; its 90 days start again. Call inside `transaction`. */
  async insertMessage(row: PrivateMessageRow): Promise<void> {
    await this.db.insertInto('private_messages').values(row).execute();
    await this.db
      .updateTable('private_questions')
      .set({ answered: 1, last_message_at: row.created_at })
      .where('id', '=', row.question_id)
      .execute();
  }

  /**
   * Deletes the questions whose last message is older than `before`, with their messages. Returns how many questions
   * went. The tally stays. Call inside `transaction`.
   */
  async deleteInactiveSince(before: string): Promise<number> {
    const expired = this.db.selectFrom('private_questions').select('id').where('last_message_at', '<', before);
    // The foreign key cascades too; deleting the messages first does not depend on SQLite's foreign_keys pragma.
    await this.db.deleteFrom('private_messages').where('question_id', 'in', expired).execute();
    const result = await this.db
      .deleteFrom('private_questions')
      .where('last_message_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Private questions per topic asked on the Dutch days `fromDay` to `toDay` (both included), for reports; topics
   * without any are absent. Deleted threads still count: the tally outlives them.
   */
  async countsByTopic(communityId: string, fromDay: string, toDay: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('private_question_counts')
      .select(['topic_id', (eb) => eb.fn.sum<string | number>('count').as('count')])
      .where('community_id', '=', communityId)
      .where('day', '>=', fromDay)
      .where('day', '<=', toDay)
      .groupBy('topic_id')
      .execute();
    return new Map(rows.map((row) => [row.topic_id, Number(row.count)]));
  }
}
