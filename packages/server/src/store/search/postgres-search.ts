import { sql } from 'kysely';
import { meaningfulWords } from './dutch-text.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * Words for to_tsquery: letters and digits only (so no user text becomes a tsquery operator), without stop words.
 * PostgreSQL's 'dutch' configuration stems them.
 */
function queryWords(text: string): string[] {
  return [...new Set(meaningfulWords(text))];
}

/** PostgreSQL keeps a generated `search_vector` column with to_tsvector('dutch', title || ' ' || body). */
export const postgresSearch: SearchIndex = {
  async indexQuestion() {
    // The generated column indexes the question in the same INSERT.
  },

  async removeQuestion() {
    // The generated column follows every UPDATE, and goes with the row on DELETE.
  },

  matches(search) {
    const terms = queryWords(search);
    if (terms.length === 0) return null;
    const query = terms.map((word, i) => (i === terms.length - 1 ? `${word}:*` : word)).join(' & ');
    return sql<boolean>`questions.search_vector @@ to_tsquery('dutch', ${query})`;
  },

  async similar(db, communityId, text, limit) {
    const terms = queryWords(text);
    if (terms.length === 0) return [];
    const query = terms.join(' | ');
    const result = await sql<{ id: string }>`
      SELECT id FROM questions
      WHERE community_id = ${communityId} AND publication = 'PUBLISHED'
        AND search_vector @@ to_tsquery('dutch', ${query})
      ORDER BY ts_rank(search_vector, to_tsquery('dutch', ${query})) DESC, created_at DESC
      LIMIT ${limit}`.execute(db);
    return result.rows.map((row) => row.id);
  },
};
