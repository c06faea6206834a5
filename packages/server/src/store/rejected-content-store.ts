import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { ContentKind, Database } from './database-schema.ts';
import type { SearchIndex } from './search/search-index.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Ids per `IN (…)` list, well below SQLite's limit on parameters. */
const ID_BATCH = 500;

/** How many questions and answers lost their text in one run. */
export interface ErasedRejectedContent {
  questions: number;
  answers: number;
}

/**
 * Erases what a moderator rejected, once the rejection is older than a cutoff (services/moderation-service.ts holds
 * the period). The row stays, so reports, the audit log and the author's "rejected, because …" still add up; the
 * text, the author's name, the device hash, the flag notes and (on SQLite) the search entry go.
 *
 * The rejection time is the newest `moderation.rejected` entry in the audit log (append-only, so it cannot move).
 * Each kind is one UPDATE by cutoff that reads nothing first and skips rows already erased: two instances that run at
 * once erase each row once between them (PostgreSQL re-checks the condition on a row the other one just changed), and
 * a later run finds nothing.
 */
export class RejectedContentStore {
  constructor(
    private readonly db: Executor,
    private readonly search: SearchIndex,
  ) {}

  /**
   * Erases rejected questions and answers whose rejection is at or before `before`; `authorName` replaces the
   * author's name (the name of nobody). Call inside `transaction`.
   */
  async eraseRejectedBefore(before: string, authorName: string): Promise<ErasedRejectedContent> {
    const questions = await this.db
      .updateTable('questions')
      .set({ title: '', body: '', author_display_name: authorName, device_hash: null })
      .where('publication', '=', 'REJECTED')
      .where((eb) => eb.or([eb('title', '<>', ''), eb('body', '<>', '')]))
      .where((eb) => eb(rejectedAt(eb, 'question', 'questions.id'), '<=', before))
      .returning('id')
      .execute();
    const answers = await this.db
      .updateTable('answers')
      .set({ body: '', author_display_name: authorName, device_hash: null, source_url: null })
      .where('publication', '=', 'REJECTED')
      .where('body', '<>', '')
      .where((eb) => eb(rejectedAt(eb, 'answer', 'answers.id'), '<=', before))
      .returning('id')
      .execute();
    // SQLite's search table holds the stemmed words of the text: they go for exactly the questions erased here.
    const trx = this.db as Transaction<Database>;
    for (const { id } of questions) await this.search.removeQuestion(trx, id);
    // The notes flaggers wrote describe the text, so they go too; the flags themselves still count.
    await this.clearFlagNotes(
      'QUESTION',
      questions.map((row) => row.id),
    );
    await this.clearFlagNotes(
      'ANSWER',
      answers.map((row) => row.id),
    );
    return { questions: questions.length, answers: answers.length };
  }

  private async clearFlagNotes(kind: ContentKind, ids: readonly string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += ID_BATCH) {
      await this.db
        .updateTable('content_flags')
        .set({ note: null })
        .where('content_kind', '=', kind)
        .where('content_id', 'in', ids.slice(start, start + ID_BATCH))
        .where('note', 'is not', null)
        .execute();
    }
  }
}

/** The newest rejection of the row in the audit log; null (so never "before") when there is none. */
function rejectedAt(
  eb: ExpressionBuilder<Database, 'questions'> | ExpressionBuilder<Database, 'answers'>,
  subjectType: 'question' | 'answer',
  idColumn: 'questions.id' | 'answers.id',
) {
  return (eb as ExpressionBuilder<Database, 'questions' | 'answers'>)
    .selectFrom('audit_log')
    .select((inner) => inner.fn.max('audit_log.created_at').as('rejected_at'))
    .where('audit_log.action', '=', 'moderation.rejected')
    .where('audit_log.subject_type', '=', subjectType)
    .whereRef('audit_log.subject_id', '=', idColumn);
}
