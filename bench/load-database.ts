/**
 * The load bench's work on its databases (bench-database.ts creates and drops one per setup): seeding the demo
 * community before the servers start, and the check that no acknowledged question was lost or stored twice, read
 * from the database itself rather than through the server.
 */
import { connect, openStore, seedIfEmpty } from '@plein/server';
import type { BenchDatabase } from './bench-database.ts';
import type { AskLedger } from './load-citizens.ts';

/** Migrates and seeds the demo community; the servers then start with PLEIN_SEED=off and find it ready. */
export async function seedDatabase(database: BenchDatabase): Promise<{ questions: number; answers: number }> {
  const { connection, store } = await openStore(database.url);
  try {
    const seeded = await seedIfEmpty(store);
    if (!seeded) throw new Error(`${database.label} was not empty`);
    return seeded;
  } finally {
    await connection.close();
  }
}

/** What the database holds of the questions the citizens sent. */
export interface AskAudit {
  sent: number;
  acknowledged: number;
  /** Acknowledged, but no row with that key and id. */
  lost: number;
  /** Keys stored more than once. */
  duplicated: number;
  /** Sent but not acknowledged (an error), yet stored: not a loss, reported so the numbers add up. */
  storedUnacknowledged: number;
  stored: number;
}

/** Reads every question with the run's key prefix straight from the database and compares it with the ledger. */
export async function auditAsks(database: BenchDatabase, keyPrefix: string, asks: AskLedger): Promise<AskAudit> {
  const connection = connect(database.url);
  try {
    const rows = await connection.db
      .selectFrom('questions')
      .select(['id', 'idempotency_key'])
      .where('idempotency_key', 'like', `${keyPrefix}%`)
      .execute();
    const rowsPerKey = new Map<string, number>();
    for (const row of rows) rowsPerKey.set(row.idempotency_key, (rowsPerKey.get(row.idempotency_key) ?? 0) + 1);
    const storedIds = new Map(rows.map((row) => [row.idempotency_key, row.id]));
    let acknowledged = 0;
    let lost = 0;
    let storedUnacknowledged = 0;
    for (const [key, id] of asks) {
      if (id === null) {
        if (storedIds.has(key)) storedUnacknowledged++;
        continue;
      }
      acknowledged++;
      if (storedIds.get(key) !== id) lost++;
    }
    return {
      sent: asks.size,
      acknowledged,
      lost,
      duplicated: [...rowsPerKey.values()].filter((count) => count > 1).length,
      storedUnacknowledged,
      stored: rows.length,
    };
  } finally {
    await connection.close();
  }
}
