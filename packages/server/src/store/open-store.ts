import { type ConnectOptions, connect, type Connection } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { PleinStore } from './store.ts';

export interface OpenedStore {
  connection: Connection;
  store: PleinStore;
  /** The migrations this call ran; empty when the schema was already current. */
  migrations: string[];
}

/** Connects and brings the schema up to date: every start does this first. */
export async function openStore(databaseUrl: string, options?: ConnectOptions): Promise<OpenedStore> {
  const connection = connect(databaseUrl, options);
  try {
    const migrations = await migrateToLatest(connection.db, connection.engine);
    return { connection, store: PleinStore.open(connection), migrations };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
