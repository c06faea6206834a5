import type { Expression, Kysely, SqlBool, Transaction } from 'kysely';
import type { Database } from '../database-schema.ts';

/**
 * Full-text search over questions, one implementation per engine: SQLite FTS5 over Dutch stems, PostgreSQL tsvector
 * with the 'dutch' configuration. Both make "ontslagen" find "ontslag".
 */
export interface SearchIndex {
  /** Called in the transaction that stores a question. */
  indexQuestion(trx: Transaction<Database>, question: { id: string; title: string; body: string }): Promise<void>;
  /** Called in the transaction that changes or deletes a question, before it is indexed again (if at all). */
  removeQuestion(trx: Transaction<Database>, questionId: string): Promise<void>;
  /**
   * A condition on `questions.id` that holds when the question has every meaningful word of `search`;
   * null when the search has no meaningful words (then nothing is filtered).
   */
  matches(search: string): Expression<SqlBool> | null;
  /** Ids of the community's published questions that share words with `text`, best match first. */
  similar(db: Kysely<Database>, communityId: string, text: string, limit: number): Promise<string[]>;
}
