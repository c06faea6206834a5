// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

/**
 * Insight for the municipality: visit counters per day (no visitor is ever recorded, only a number that goes up),
 * each community's report e-mail schedule and its recipients, and one delivery row per period and recipient, so that
 * every report is sent exactly once however many instances run.
 */
export function insightMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('visit_counts')
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        // The day in Dutch time (Europe/Amsterdam), YYYY-MM-DD.
        .addColumn('day', 'text', (c) => c.notNull())
        // '' when the page named no municipality: a unique key cannot hold nulls on both engines alike.
        .addColumn('municipality_id', 'text', (c) => c.notNull().defaultTo(''))
        // Origin and path only, for example https://www.eemsdelta.nl/werk; never a query or a fragment.
        .addColumn('page', 'text', (c) => c.notNull())
        // The element's tag name, for example plein-questions.
        .addColumn('element', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addUniqueConstraint('visit_counts_unique', ['community_id', 'day', 'municipality_id', 'page', 'element'])
        .execute();

      await db.schema
        .createTable('report_schedules')
        .addColumn('community_id', 'text', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
        .addColumn('frequency', 'text', (c) => c.notNull()) // WEEKLY | MONTHLY
        // Only periods that end after this moment are sent: a new schedule does not mail the past.
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('report_recipients')
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('report_recipients_pk', ['community_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('report_deliveries')
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        // For example 2026-10 (a month) or 2026-W44 (an ISO week).
        .addColumn('period_key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        // SENDING: an instance claimed it; SENT: the mail server took it; FAILED: gave up after the attempts.
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
        .addPrimaryKeyConstraint('report_deliveries_pk', ['community_id', 'period_key', 'user_id'])
        .execute();
    },
  };
}
