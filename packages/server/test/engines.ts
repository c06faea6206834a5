import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A database that exists only for one test file. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function freshSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'plein-test-'));
  return {
    url: `sqlite:${join(dir, 'plein.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The PostgreSQL server named by PLEIN_TEST_POSTGRES_URL, or undefined when it is not set. */
export const postgresTestUrl = process.env.PLEIN_TEST_POSTGRES_URL || undefined;

/**
 * A fresh schema on the test PostgreSQL server, selected through the connection's search_path, so test files never
 * see each other's rows and nothing is left behind.
 */
export async function freshPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const schema = `plein_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}
