/**
 * A throw-away database for a benchmark: a SQLite file in a temporary folder, or a uniquely named database on a
 * PostgreSQL server (the one given, else PLEIN_BENCH_POSTGRES_URL, else the local one). `drop` removes it, whatever
 * happened. The one place the benches create and drop databases.
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
  /** What to print: the database's name or file. */
  label: string;
  /** PostgreSQL: fresh planner statistics after a bulk load, as autovacuum would gather soon after. SQLite: nothing. */
  analyze(): Promise<void>;
  drop(): Promise<void>;
}

const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates the database, named after `label` (e.g. `plein_growth_<random>`); the caller must call `drop`. */
export async function createBenchDatabase(
  engine: BenchEngine,
  label: string,
  serverUrl = process.env.PLEIN_BENCH_POSTGRES_URL || defaultPostgresUrl,
): Promise<BenchDatabase> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), `plein-${label}-`));
    const path = join(dir, 'plein.db');
    return {
      engine,
      url: `sqlite:${path}`,
      label: path,
      // The server never runs ANALYZE on SQLite, so neither does the benchmark: it measures what runs in production.
      analyze: async () => {},
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `plein_${label.replaceAll('-', '_')}_${randomBytes(5).toString('hex')}`;
  await administer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    url: url.toString(),
    label: name,
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
