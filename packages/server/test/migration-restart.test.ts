import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { connect } from '../src/store/connect.ts';
import type { Database } from '../src/store/database-schema.ts';
import { openStore } from '../src/store/open-store.ts';
import { freshPostgresDatabase, freshSqliteDatabase, postgresTestUrl, type TestDatabase } from './engines.ts';

/*
 * Issue 10, crash safety: a start killed with SIGKILL during its migrations leaves a database that the next start
 * completes (docs/decisions/0022-crash-safety.md). The migrations run in a child process that kills itself right
 * after its k-th SQL statement (migration-kill-child.ts), for several k spread over the whole run; then the next
 * start (openStore, what `plein start` does first) must succeed and leave the same schema as an uninterrupted run.
 */

const child = fileURLToPath(new URL('./migration-kill-child.ts', import.meta.url));
/** Kill points per engine, spread evenly over the statements of a full migration. */
const KILL_POINTS = 8;

async function runChild(
  databaseUrl: string,
  killAfter?: number,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  if (killAfter === undefined) delete env.KILL_AFTER;
  else env.KILL_AFTER = String(killAfter);
  const process_ = spawn(process.execPath, ['--import', 'tsx', child], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  process_.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  process_.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code, signal] = (await once(process_, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal, output };
}

/** The names of the migrations recorded as done; empty when Kysely's table does not exist yet. */
async function migrationsDone(db: Kysely<Database>): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return rows.map((row) => row.name);
  } catch {
    return [];
  }
}

/** Everything the schema consists of, in a form that two databases of one engine can be compared by. */
async function schemaOf(db: Kysely<Database>, engine: 'sqlite' | 'postgres'): Promise<unknown> {
  const migrations = await migrationsDone(db);
  if (engine === 'sqlite') {
    const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
      select type, name, sql from sqlite_master order by type, name`.execute(db);
    return { migrations, objects: rows };
  }
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]!.schema;
  const columns = await sql<Record<string, unknown>>`
    select table_name, column_name, data_type, is_nullable, column_default, is_generated
    from information_schema.columns where table_schema = ${schema}
    order by table_name, column_name`.execute(db);
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = ${schema} order by indexname`.execute(db);
  const constraints = await sql<Record<string, unknown>>`
    select conrelid::regclass::text as on_table, conname, pg_get_constraintdef(oid) as definition
    from pg_constraint where connamespace = ${schema}::regnamespace order by conrelid::regclass::text, conname`.execute(
    db,
  );
  const unqualified = (text: unknown) => String(text).replaceAll(`${schema}.`, '');
  return {
    migrations,
    columns: columns.rows,
    indexes: indexes.rows.map((row) => ({ ...row, indexdef: unqualified(row.indexdef) })),
    constraints: constraints.rows.map((row) => ({ ...row, on_table: unqualified(row.on_table) })),
  };
}

for (const engine of ['sqlite', 'postgres'] as const) {
  const serverUrl = postgresTestUrl;
  if (engine === 'postgres' && !serverUrl) {
    describe('migration restart on PostgreSQL', () => {
      it('was NOT tested: set PLEIN_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it', {
        skip: 'PLEIN_TEST_POSTGRES_URL is not set, so killed migrations on PostgreSQL were not tested',
      });
    });
    continue;
  }
  const fresh = () =>
    engine === 'sqlite' ? Promise.resolve(freshSqliteDatabase()) : freshPostgresDatabase(serverUrl!);

  describe(`migration restart on ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, () => {
    it('completes the schema on the next start after a SIGKILL at any of several points of the migrations', async () => {
      // An uninterrupted run: how many statements it takes, and the schema it leaves.
      const reference = await fresh();
      let statements: number;
      let expected: unknown;
      let allMigrations: string[];
      try {
        const full = await runChild(reference.url);
        assert.equal(full.code, 0, full.output);
        ({ statements, ran: allMigrations } = JSON.parse(full.output.trim().split('\n').at(-1)!) as {
          statements: number;
          ran: string[];
        });
        assert.ok(allMigrations.length >= 7, 'the reference run ran every migration');
        const connection = connect(reference.url);
        try {
          expected = await schemaOf(connection.db, engine);
        } finally {
          await connection.close();
        }
      } finally {
        await reference.drop();
      }

      const lines: string[] = [];
      for (let point = 1; point <= KILL_POINTS; point++) {
        const killAfter = Math.max(1, Math.round((statements * point) / (KILL_POINTS + 1)));
        const database: TestDatabase = await fresh();
        try {
          const killed = await runChild(database.url, killAfter);
          assert.equal(killed.signal, 'SIGKILL', `the child was killed after statement ${killAfter}: ${killed.output}`);
          const before = connect(database.url);
          let left: string[];
          try {
            left = await migrationsDone(before.db);
          } finally {
            await before.close();
          }
          // The next start: it must complete the database, whatever the kill left.
          const { connection, migrations } = await openStore(database.url);
          try {
            assert.deepEqual([...left, ...migrations], allMigrations, 'the next start ran exactly the missing ones');
            assert.deepEqual(await schemaOf(connection.db, engine), expected, 'the same schema as a full run');
          } finally {
            await connection.close();
          }
          lines.push(
            `after statement ${killAfter}/${statements}: ${left.length} done, next start ran ${migrations.length}`,
          );
        } finally {
          await database.drop();
        }
      }
      console.log(`[migration-restart ${engine}] SIGKILL ${lines.join('; ')}`);
    });

    it('runs each migration once when two starts migrate the same fresh database at the same moment', async () => {
      const database = await fresh();
      try {
        const runs = await Promise.all([runChild(database.url), runChild(database.url)]);
        for (const run of runs) assert.equal(run.code, 0, run.output);
        const ran = runs.map((run) => (JSON.parse(run.output.trim().split('\n').at(-1)!) as { ran: string[] }).ran);
        const connection = connect(database.url);
        try {
          const done = await migrationsDone(connection.db);
          assert.ok(done.length >= 7);
          assert.deepEqual([...ran[0]!, ...ran[1]!].sort(), done, 'every migration ran in exactly one of the two');
        } finally {
          await connection.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}
