// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

/**
 * Beyond the forum: each community's contact channels (advice line, private e-mail question, appointments), private
 * questions and their answers (text and address encrypted at rest), a per-day tally of private questions per topic
 * for the reports (it outlives the questions), advisors' slots, and booked appointments (personal fields encrypted).
 */
export function beyondTheForumMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      // JSON array of next steps an expert added to an answer (APPOINTMENT, PRIVATE_QUESTION); '[]' for most answers.
      await db.schema
        .alterTable('answers')
        .addColumn('hand_off', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();

      await db.schema
        .createTable('contact_channels')
        .addColumn('community_id', 'text', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
        // JSON of { phoneNumber, description, openingHours: [{ weekday, opens, closes }], closedDays: [{ date, reason }] }, or null: no advice line.
        .addColumn('advice_line', 'text')
        // JSON of { description, answerWithinDays }, or null: no private e-mail questions.
        .addColumn('email_service', 'text')
        // JSON of { description, durationMinutes }, or null: no appointments.
        .addColumn('appointments', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('private_questions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id'))
        // AES-256-GCM with the key from configuration (services/encryption.ts); never plain text.
        .addColumn('body_encrypted', 'text', (c) => c.notNull())
        .addColumn('email_encrypted', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        // SHA-256 of the secret in the citizen's link; the secret itself is only in the e-mail.
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // The thread is deleted 90 days after this.
        .addColumn('last_message_at', 'text', (c) => c.notNull())
        .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('private_questions_idempotency', ['community_id', 'idempotency_key'])
        .execute();
      await db.schema
        .createIndex('private_questions_inbox')
        .on('private_questions')
        .columns(['community_id', 'topic_id', 'answered', 'created_at'])
        .execute();
      await db.schema
        .createIndex('private_questions_retention')
        .on('private_questions')
        .columns(['last_message_at'])
        .execute();

      await db.schema
        .createTable('private_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('question_id', 'text', (c) => c.notNull().references('private_questions.id').onDelete('cascade'))
        .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
        .addColumn('body_encrypted', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('private_messages_question')
        .on('private_messages')
        .columns(['question_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('private_question_counts')
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull())
        // Dutch day (Europe/Amsterdam), YYYY-MM-DD.
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('private_question_counts_pk', ['community_id', 'topic_id', 'day'])
        .execute();

      await db.schema
        .createTable('appointment_slots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull()) // IN_PERSON | VIDEO | PHONE
        .addColumn('location', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        // The appointment that holds the slot; set by one conditional update, so a slot is booked at most once.
        .addColumn('appointment_id', 'text')
        .execute();
      await db.schema
        .createIndex('appointment_slots_free')
        .on('appointment_slots')
        .columns(['community_id', 'appointment_id', 'starts_at'])
        .execute();
      await db.schema
        .createIndex('appointment_slots_expert')
        .on('appointment_slots')
        .columns(['expert_id', 'starts_at'])
        .execute();

      await db.schema
        .createTable('appointments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('slot_id', 'text', (c) => c.notNull().references('appointment_slots.id').onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id'))
        .addColumn('name_encrypted', 'text', (c) => c.notNull())
        .addColumn('email_encrypted', 'text', (c) => c.notNull())
        .addColumn('note_encrypted', 'text')
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('cancel_token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('booked_at', 'text', (c) => c.notNull())
        .addColumn('cancelled_at', 'text')
        .addColumn('reminder_sent_at', 'text')
        .addUniqueConstraint('appointments_idempotency', ['community_id', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('appointments_slot').on('appointments').columns(['slot_id']).execute();
    },
  };
}
