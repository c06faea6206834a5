// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

/**
 * Asking safely: held posts, the asker's edits, answers' owner tokens, helpful votes, situations, a place for
 * instance secrets, and notification subscriptions with double opt-in.
 */
export function askingSafelyMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      // PUBLISHED or HELD (waiting for a moderator; only the author sees it through the owner token).
      await db.schema
        .alterTable('questions')
        .addColumn('publication', 'text', (c) => c.notNull().defaultTo('PUBLISHED'))
        .execute();
      await db.schema.alterTable('questions').addColumn('edited_at', 'text').execute();
      await db.schema.createIndex('questions_owner').on('questions').column('owner_token_hash').execute();

      await db.schema
        .alterTable('answers')
        .addColumn('publication', 'text', (c) => c.notNull().defaultTo('PUBLISHED'))
        .execute();
      await db.schema.alterTable('answers').addColumn('owner_token_hash', 'text').execute();
      await db.schema.createIndex('answers_owner').on('answers').column('owner_token_hash').execute();

      // One row per device and answer; voter_hash is a keyed hash of answer id and the device's random key.
      await db.schema
        .createTable('helpful_votes')
        .addColumn('answer_id', 'text', (c) => c.notNull().references('answers.id').onDelete('cascade'))
        .addColumn('voter_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('helpful_votes_pk', ['answer_id', 'voter_hash'])
        .execute();

      await db.schema
        .createTable('situations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addUniqueConstraint('situations_slug_unique', ['community_id', 'slug'])
        .execute();

      // Secrets the instance makes for itself when configuration gives none (for example the vote-hash key).
      await db.schema
        .createTable('instance_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      // The first table stored addresses without consent; no release used it, so it is replaced, not altered.
      await db.schema.dropTable('notification_subscriptions').execute();
      await db.schema
        .createTable('notification_subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('confirm_token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('confirmed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('notification_subscriptions_unique', ['question_id', 'email'])
        .execute();
    },
  };
}
