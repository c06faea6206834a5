// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Engine } from './engine.ts';
import { initialMigration } from './migrations/0001-initial.ts';
import { askingSafelyMigration } from './migrations/0002-asking-safely.ts';
import { followConfirmationSentMigration } from './migrations/0003-follow-confirmation-sent.ts';
import { professionalsMigration } from './migrations/0004-professionals.ts';
import { moderationMigration } from './migrations/0005-moderation.ts';
import { insightMigration } from './migrations/0006-insight.ts';
import { beyondTheForumMigration } from './migrations/0007-beyond-the-forum.ts';
import { indexesForGrowthMigration } from './migrations/0008-indexes-for-growth.ts';

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
    '0008-indexes-for-growth': indexesForGrowthMigration(),
  };
}

/** The names of every migration this version knows, in order: a database with others comes from a newer version. */
export function knownMigrations(): string[] {
  return Object.keys(migrationsFor('sqlite'));
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.engine);
  }
}

/**
 * Brings the database to the newest schema, so that a start killed at any moment leaves a database the next start
 * completes (docs/decisions/0022-crash-safety.md, test/migration-restart.test.ts). On PostgreSQL Kysely runs all
 * pending migrations and their bookkeeping rows in one transaction under an advisory lock. Kysely runs SQLite's
 * migrations without any transaction (its SQLite adapter says "no transactional DDL", although SQLite has it), so a
 * kill between two statements of a migration would leave half a schema that the next start cannot complete; here
 * each SQLite migration runs together with its `kysely_migration` row in one `BEGIN IMMEDIATE … COMMIT`.
 */
export async function migrateToLatest(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const migrator = await migratorFor(db, engine);
  if (engine === 'sqlite') return migrateSqliteStepByStep(db, migrator);
  return succeeded(await migrator.migrateToLatest());
}

/**
 * Brings a SQLite database up to and including migration `last`, no further: the schema an older version of Plein
 * left. For tests of what a newer version does with an older database (restore, upgrade).
 */
export async function migrateSqliteUpTo(db: Kysely<any>, last: string): Promise<string[]> {
  const known = knownMigrations();
  if (!known.includes(last)) throw new Error(`unknown migration ${last}`);
  const migrator = await migratorFor(db, 'sqlite');
  const ran: string[] = [];
  while (!ran.includes(last)) {
    const step = succeeded(await migrator.migrateUp());
    if (step.length === 0) break;
    ran.push(...step);
  }
  return ran;
}

async function migratorFor(db: Kysely<any>, engine: Engine): Promise<Migrator> {
  // On PostgreSQL, Kysely looks for its migration tables in every schema unless told where: another schema that
  // holds them (a second database user, a test schema) would otherwise confuse a fresh one. So: the current schema.
  const migrationTableSchema =
    engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({ db, provider: new StaticMigrationProvider(engine), migrationTableSchema });
}

function succeeded({ error, results }: MigrationResultSet): string[] {
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * One migration per transaction. better-sqlite3 is a single connection, so the transaction opened here is the one
 * the Migrator's statements run in; `BEGIN IMMEDIATE` takes the write lock first, so two processes starting on the
 * same file run each migration once (the second waits, busy_timeout, and then finds it done).
 */
async function migrateSqliteStepByStep(db: Kysely<any>, migrator: Migrator): Promise<string[]> {
  const ran: string[] = [];
  for (;;) {
    await sql`begin immediate`.execute(db);
    let step: string[];
    try {
      step = succeeded(await migrator.migrateUp());
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
    await sql`commit`.execute(db);
    if (step.length === 0) return ran;
    ran.push(...step);
  }
}
