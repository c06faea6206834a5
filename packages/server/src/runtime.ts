import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { eemsdelta } from './seed/eemsdelta.ts';
import { seedCommunity } from './seed/seed.ts';
import { systemClock } from './services/clock.ts';
import { createServices } from './services/services.ts';
import { openStore } from './store/open-store.ts';
import type { PleinStore } from './store/store.ts';

/** Seeds the demo community "eemsdelta" when the database has no community at all. */
export async function seedIfEmpty(store: PleinStore): Promise<{ questions: number; answers: number } | null> {
  if ((await store.countRows('communities')) > 0) return null;
  return seedCommunity(store, eemsdelta, systemClock);
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Migrates, seeds when empty, and listens. Closing drains requests before the database closes. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const { connection, store, migrations } = await openStore(config.databaseUrl);
  const app = await buildApp({ store, services: createServices(store), logLevel: config.logLevel });
  app.log.info({ database: connection.describe, migrations }, 'database ready');
  if (config.seedWhenEmpty) {
    const seeded = await seedIfEmpty(store);
    if (seeded) app.log.info(seeded, 'seeded the demo community eemsdelta');
  }
  const url = await app.listen({ port: config.port, host: config.host });
  let closing: Promise<void> | undefined;
  return {
    app,
    url,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await connection.close();
      })()),
  };
}
