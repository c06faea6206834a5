// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Engine } from './engine.ts';
import { initialMigration } from './migrations/0001-initial.ts';
import { askingSafelyMigration } from './migrations/0002-asking-safely.ts';
import { followConfirmationSentMigration } from './migrations/0003-follow-confirmation-sent.ts';
import { professionalsMigration } from './migrations/0004-professionals.ts';
import { moderationMigration } from './migrations/0005-moderation.ts';
import { insightMigration } from './migrations/0006-insight.ts';
import { beyondTheForumMigration } from './migrations/0007-beyond-the-forum.ts';

/** Every migration in order. One per change; never edit one that has landed. */
function migrationsFor(engine: Engine): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(engine),
    '0002-asking-safely': askingSafelyMigration(),
    '0003-follow-confirmation-sent': followConfirmationSentMigration(),
    '0004-professionals': professionalsMigration(),
    '0005-moderation': moderationMigration(),
    '0006-insight': insightMigration(),
    '0007-beyond-the-forum': beyondTheForumMigration(),
  };
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.engine);
  }
}

/** Brings the database to the newest schema. Each migration runs in its own transaction on both engines. */
export async function migrateToLatest(db: Kysely<any>, engine: Engine): Promise<string[]> {
  // On PostgreSQL, Kysely looks for its migration tables in every schema unless told where: another schema that
  // holds them (a second database user, a test schema) would otherwise confuse a fresh one. So: the current schema.
  const migrationTableSchema =
    engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider(engine), migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
