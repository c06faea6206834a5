import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database-schema.ts';
import type { Engine } from './engine.ts';

export interface Connection {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, without credentials: for logs. */
  describe: string;
  close(): Promise<void>;
}

/**
 * Kysely prepares every query anew; preparing costs more than running our small indexed queries. Statements are
 * reusable on one connection, so the same SQL text gets the same prepared statement (bounded, oldest dropped).
 */
function withStatementCache(database: BetterSqlite3.Database, limit = 500): BetterSqlite3.Database {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, property) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        let statement = statements.get(sql);
        if (!statement) {
          statement = prepare(sql);
          statements.set(sql, statement);
          if (statements.size > limit) statements.delete(statements.keys().next().value as string);
        }
        return statement;
      };
    },
  });
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/plein.db';

export interface ConnectOptions {
  /**
   * SQLite's `synchronous` in WAL mode. FULL (the default) syncs the WAL to disk at every commit, so a write the
   * server acknowledged survives a power loss too; NORMAL survives a process crash only. For the measurement in
   * bench/sqlite-synchronous.bench.ts; see docs/decisions/0022-crash-safety.md.
   */
  sqliteSynchronous?: 'FULL' | 'NORMAL';
}

/**
 * Opens the store named by a DATABASE_URL: `sqlite:PATH` (default) or `postgres://…`.
 * SQLite runs in WAL mode so readers never wait for the writer.
 */
export function connect(databaseUrl: string = DEFAULT_DATABASE_URL, options: ConnectOptions = {}): Connection {
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(databaseUrl);
    return {
      db,
      engine: 'postgres',
      describe: `postgres://${url.host}${url.pathname}`,
      close: () => db.destroy(),
    };
  }
  if (databaseUrl.startsWith('sqlite:')) {
    const path = resolve(databaseUrl.slice('sqlite:'.length));
    mkdirSync(dirname(path), { recursive: true });
    const database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    // FULL in WAL mode: every acknowledged write is on disk before the answer leaves, so neither a process crash nor
    // a power loss drops it (NORMAL would lose the last commits on power loss). Decision 0022 has the cost.
    database.pragma(`synchronous = ${options.sqliteSynchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    return { db, engine: 'sqlite', describe: `sqlite:${path}`, close: () => db.destroy() };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${databaseUrl.split(':')[0]}:")`);
}
