// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

/** Communities, their topics, experts, questions and answers, and full-text search for questions. */
export function initialMigration(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('communities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('community_origins')
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('community_origins_pk', ['community_id', 'origin'])
        .execute();

      await db.schema
        .createTable('municipalities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addUniqueConstraint('municipalities_slug_unique', ['community_id', 'slug'])
        .execute();

      await db.schema
        .createTable('topics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addUniqueConstraint('topics_slug_unique', ['community_id', 'slug'])
        .execute();

      await db.schema
        .createTable('experts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('organisation', 'text')
        .addColumn('independent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('bio', 'text')
        .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('experts_community')
        .on('experts')
        .columns(['community_id', 'display_name', 'id'])
        .execute();

      await db.schema
        .createTable('expert_topics')
        .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('expert_topics_pk', ['expert_id', 'topic_id'])
        .execute();
      await db.schema.createIndex('expert_topics_topic').on('expert_topics').column('topic_id').execute();

      await db.schema
        .createTable('questions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id'))
        .addColumn('municipality_id', 'text', (c) => c.references('municipalities.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('author_display_name', 'text', (c) => c.notNull())
        .addColumn('author_role', 'text', (c) => c.notNull())
        .addColumn('author_expert_id', 'text', (c) => c.references('experts.id'))
        .addColumn('owner_token_hash', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('accepted_answer_id', 'text')
        .addColumn('answer_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('has_expert_answer', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_activity_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('questions_idempotency_unique', ['community_id', 'idempotency_key'])
        .execute();
      // Keyset pagination: every list order has an index that ends in id, so pages stay fast as the table grows.
      await db.schema
        .createIndex('questions_newest')
        .on('questions')
        .columns(['community_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('questions_active')
        .on('questions')
        .columns(['community_id', 'last_activity_at', 'id'])
        .execute();
      await db.schema
        .createIndex('questions_topic_newest')
        .on('questions')
        .columns(['community_id', 'topic_id', 'created_at', 'id'])
        .execute();

      await db.schema
        .createTable('answers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id').onDelete('cascade'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('author_display_name', 'text', (c) => c.notNull())
        .addColumn('author_role', 'text', (c) => c.notNull())
        .addColumn('author_expert_id', 'text', (c) => c.references('experts.id'))
        .addColumn('is_expert', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('answers_idempotency_unique', ['question_id', 'idempotency_key'])
        .execute();
      await db.schema
        .createIndex('answers_thread')
        .on('answers')
        .columns(['question_id', 'is_expert', 'created_at', 'id'])
        .execute();
      await db.schema.createIndex('answers_expert').on('answers').column('author_expert_id').execute();

      await db.schema
        .createTable('notification_subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      if (engine === 'sqlite') {
        // Holds Dutch stems of title and body (SQLite has no Dutch stemmer); see store/search/sqlite-search.ts.
        await sql`CREATE VIRTUAL TABLE question_search USING fts5(
          question_id UNINDEXED, terms, tokenize = 'unicode61 remove_diacritics 2'
        )`.execute(db);
      } else {
        await sql`ALTER TABLE questions ADD COLUMN search_vector tsvector
          GENERATED ALWAYS AS (to_tsvector('dutch', title || ' ' || body)) STORED`.execute(db);
        await sql`CREATE INDEX questions_search ON questions USING gin (search_vector)`.execute(db);
      }
    },
  };
}
