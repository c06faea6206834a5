/**
 * A throw-away database for a benchmark: a SQLite file in a temporary folder, or a uniquely named database on the
 * PostgreSQL server of PLEIN_BENCH_POSTGRES_URL (default: the local one). `drop` removes it, whatever happened.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type BenchEngine = 'sqlite' | 'postgres';

export interface BenchDatabase {
  engine: BenchEngine;
  /** A DATABASE_URL for `plein start` and `openStore`. */
  url: string;
  /** PostgreSQL: fresh planner statistics after a bulk load, as autovacuum would gather soon after. SQLite: nothing. */
  analyze(): Promise<void>;
  drop(): Promise<void>;
}

const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates the database; the caller must call `drop`. */
export async function createBenchDatabase(engine: BenchEngine, label: string): Promise<BenchDatabase> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), `plein-${label}-`));
    return {
      engine,
      url: `sqlite:${join(dir, 'plein.db')}`,
      // The server never runs ANALYZE on SQLite, so neither does the benchmark: it measures what runs in production.
      analyze: async () => {},
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.PLEIN_BENCH_POSTGRES_URL || defaultPostgresUrl;
  const name = `plein_${label.replaceAll('-', '_')}_${randomBytes(5).toString('hex')}`;
  await administer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    url: url.toString(),
    analyze: () => administer(url.toString(), 'ANALYZE'),
    // FORCE: a server that was killed may leave a connection behind for a moment.
    drop: () => administer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function administer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
