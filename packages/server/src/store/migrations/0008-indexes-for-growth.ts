// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

/**
 * Indexes that keep the busiest reads flat as a community grows (issue 10, bench/growth.bench.ts). Every public list
 * asks for published questions only, and every list page also counts them (`totalCount`). The indexes of 0001 start
 * with the community and the sort column, so counting had to read every question row to check its publication: about
 * 1 s on SQLite at 100,000 questions, during which better-sqlite3 serves nobody else. With the publication in the
 * index the count reads the index alone (a covering index on SQLite, an index-only scan on PostgreSQL) and the pages
 * keep using the same order. The audit-log index serves the retention sweep of rejected content, which looks up
 * each rejection by its subject.
 */
export function indexesForGrowthMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createIndex('questions_published_newest')
        .on('questions')
        .columns(['community_id', 'publication', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('questions_published_active')
        .on('questions')
        .columns(['community_id', 'publication', 'last_activity_at', 'id'])
        .execute();
      await db.schema
        .createIndex('questions_published_topic_newest')
        .on('questions')
        .columns(['community_id', 'topic_id', 'publication', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_log_subject')
        .on('audit_log')
        .columns(['subject_type', 'subject_id', 'action'])
        .execute();
    },
  };
}
