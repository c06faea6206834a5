// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

/**
 * When the last confirmation e-mail went to a pending subscription. Following the same question again with the same
 * address sends a new confirmation at most once per 10 minutes, so the form cannot be used to flood a mailbox.
 */
export function followConfirmationSentMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('notification_subscriptions').addColumn('confirmation_sent_at', 'text').execute();
      await db.schema
        .createIndex('notification_subscriptions_pending')
        .on('notification_subscriptions')
        .columns(['confirmed_at', 'created_at'])
        .execute();
    },
  };
}
