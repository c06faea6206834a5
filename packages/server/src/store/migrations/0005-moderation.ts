// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

/**
 * Moderation: which device wrote a post (a keyed hash, for the repeat check, first-post pre-moderation and blocks),
 * the pipeline's findings and a moderator's reason on each post, flags, blocks, and each community's settings.
 */
export function moderationMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const table of ['questions', 'answers']) {
        // HMAC of the browser's random `Plein-Device` key; null when the caller sent none (CLI, seed, old rows).
        await db.schema.alterTable(table).addColumn('device_hash', 'text').execute();
        // JSON array of { step, detail } from the pipeline; '[]' when nothing stopped the post.
        await db.schema
          .alterTable(table)
          .addColumn('findings', 'text', (c) => c.notNull().defaultTo('[]'))
          .execute();
        await db.schema.alterTable(table).addColumn('moderation_reason', 'text').execute();
        await db.schema
          .alterTable(table)
          .addColumn('flag_count', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        // When it began to wait for a moderator (held at posting, or hidden by flags); null when nothing waits.
        await db.schema.alterTable(table).addColumn('waiting_since', 'text').execute();
        await db.schema.createIndex(`${table}_waiting`).on(table).columns(['waiting_since']).execute();
        await db.schema.createIndex(`${table}_device`).on(table).columns(['device_hash', 'created_at']).execute();
      }

      await db.schema
        .createTable('content_flags')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('content_kind', 'text', (c) => c.notNull()) // QUESTION | ANSWER
        .addColumn('content_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        // One flag per device and content; the hash is keyed per content so flags cannot be linked.
        .addColumn('flagger_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // Set when a moderator decides; closed flags no longer count.
        .addColumn('resolved_at', 'text')
        .addUniqueConstraint('content_flags_unique', ['content_kind', 'content_id', 'flagger_hash'])
        .execute();
      await db.schema
        .createIndex('content_flags_content')
        .on('content_flags')
        .columns(['content_kind', 'content_id'])
        .execute();

      await db.schema
        .createTable('author_blocks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('scope', 'text', (c) => c.notNull()) // DEVICE | PSEUDONYM
        // DEVICE: the device hash; PSEUDONYM: the pseudonym in lower case with spaces collapsed.
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('author_blocks_unique', ['community_id', 'scope', 'value'])
        .execute();

      await db.schema
        .createTable('moderation_settings')
        .addColumn('community_id', 'text', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
        .addColumn('pre_moderation', 'text', (c) => c.notNull()) // NONE | FIRST_POST | EVERYTHING
        .addColumn('flag_threshold', 'integer', (c) => c.notNull())
        .addColumn('blocked_words', 'text', (c) => c.notNull()) // JSON array
        .addColumn('held_words', 'text', (c) => c.notNull()) // JSON array
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
