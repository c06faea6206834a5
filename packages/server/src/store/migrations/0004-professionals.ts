// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

/**
 * Professionals: accounts with roles per community, sessions (bearer tokens, stored hashed), sign-in links, OpenID
 * Connect per community, verification records, the audit log, expert profile fields, claims on questions, the
 * sources of expert answers, and the secret a host portal signs its citizens' tokens with.
 */
export function professionalsMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        // Lower case; unique per community. The same person in two communities has two accounts.
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        // scrypt$N$r$p$salt$hash, or null for accounts that sign in only by link or single sign-on.
        .addColumn('password_hash', 'text')
        .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('expert_id', 'text', (c) => c.references('experts.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .addUniqueConstraint('users_email_unique', ['community_id', 'email'])
        .execute();

      await db.schema
        .createTable('user_roles')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
        .execute();

      // A session is a bearer token; only its SHA-256 hash is kept. `user_id` is null for portal citizens.
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull()) // 'account' | 'portal'
        .addColumn('method', 'text', (c) => c.notNull()) // 'password' | 'link' | 'oidc' | 'portal'
        // Portal citizens: the pseudonym they post under (derived from a keyed hash of the portal's subject).
        .addColumn('pseudonym', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('sign_in_links')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      await db.schema
        .createTable('community_oidc')
        .addColumn('community_id', 'text', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('client_secret', 'text', (c) => c.notNull())
        // Shown on the sign-in button, for example "Gemeente Eemsdelta".
        .addColumn('organisation', 'text', (c) => c.notNull())
        .execute();

      // The state of one OpenID Connect sign-in between the redirect and the callback (no cookies to hold it).
      await db.schema
        .createTable('oidc_sign_ins')
        .addColumn('state', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('verifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
        .addColumn('evidence', 'text', (c) => c.notNull()) // KVK | ORGANISATION_SIGN_IN | MANUAL
        .addColumn('kvk_number', 'text')
        .addColumn('note', 'text')
        .addColumn('organisation', 'text', (c) => c.notNull())
        .addColumn('independence', 'text', (c) => c.notNull()) // INDEPENDENT | MUNICIPALITY | UWV | OTHER
        .addColumn('independence_note', 'text')
        .addColumn('valid_until', 'text', (c) => c.notNull())
        .addColumn('verified_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('verifications_expert')
        .on('verifications')
        .columns(['expert_id', 'valid_until'])
        .execute();
      await db.schema
        .createTable('verification_topics')
        .addColumn('verification_id', 'text', (c) => c.notNull().references('verifications.id').onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('verification_topics_pk', ['verification_id', 'topic_id'])
        .execute();

      // Append-only: the store has no update or delete for it. `detail` is JSON without personal data.
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('actor_user_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_log_community')
        .on('audit_log')
        .columns(['community_id', 'created_at'])
        .execute();

      await db.schema.alterTable('experts').addColumn('photo_url', 'text').execute();
      await db.schema.alterTable('experts').addColumn('photo_alt', 'text').execute();

      await db.schema
        .createTable('question_claims')
        .addColumn('question_id', 'text', (c) => c.primaryKey().references('questions.id').onDelete('cascade'))
        .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema.alterTable('answers').addColumn('source_url', 'text').execute();
      await db.schema.alterTable('answers').addColumn('reviewed_on', 'text').execute();

      // HS256 secret a host portal signs its citizens' tokens with; null: portal sign-in is off.
      await db.schema.alterTable('communities').addColumn('portal_secret', 'text').execute();
    },
  };
}
