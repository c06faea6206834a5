import { sql } from 'kysely';
import { dutchStems } from './dutch-text.ts';
import type { SearchIndex } from './search-index.ts';

/** FTS5 phrase syntax: a stem in double quotes is taken literally, so no user text becomes an FTS operator. */
function quoted(stem: string): string {
  return `"${stem.replaceAll('"', '""')}"`;
}

/**
 * SQLite has no Dutch stemmer, so the index holds Snowball Dutch stems of title and body, and queries are stemmed
 * the same way. The last word of a search also matches as a prefix, so results follow the citizen's typing.
 */
export const sqliteSearch: SearchIndex = {
  async indexQuestion(trx, question) {
    const terms = dutchStems(`${question.title} ${question.body}`).join(' ');
    await sql`INSERT INTO question_search (question_id, terms) VALUES (${question.id}, ${terms})`.execute(trx);
  },

  async removeQuestion(trx, questionId) {
    await sql`DELETE FROM question_search WHERE question_id = ${questionId}`.execute(trx);
  },

  matches(search) {
    const stems = [...new Set(dutchStems(search))];
    if (stems.length === 0) return null;
    const query = stems.map((stem, i) => (i === stems.length - 1 ? `${quoted(stem)}*` : quoted(stem))).join(' ');
    return sql<boolean>`questions.id IN (SELECT question_id FROM question_search WHERE question_search MATCH ${query})`;
  },

  async similar(db, communityId, text, limit) {
    const stems = [...new Set(dutchStems(text))];
    if (stems.length === 0) return [];
    const query = stems.map(quoted).join(' OR ');
    const result = await sql<{ id: string }>`
      SELECT questions.id AS id
      FROM question_search
      JOIN questions ON questions.id = question_search.question_id
      WHERE question_search MATCH ${query} AND questions.community_id = ${communityId}
        AND questions.publication = 'PUBLISHED'
      ORDER BY bm25(question_search), questions.created_at DESC
      LIMIT ${limit}`.execute(db);
    return result.rows.map((row) => row.id);
  },
};
