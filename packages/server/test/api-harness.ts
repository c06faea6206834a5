import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import type { Clock } from '../src/services/clock.ts';
import { createServices, type Services } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import type { PleinStore } from '../src/store/store.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

export interface ApiHarness {
  app: FastifyInstance;
  opened: OpenedStore;
  services: Services;
  /** POSTs a GraphQL operation the way a browser on `origin` would; returns status and parsed body. */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: { message: string; extensions?: { code?: string }; path?: unknown[] }[];
}

export interface ApiHarnessOptions {
  /** The clock the fixture community is seeded with; the fixture's fixed clock by default. */
  clock?: Clock;
  /** The services on the opened store; by default `createServices(store)`, which reads the system clock. */
  services?: (store: PleinStore) => Services;
  /** `silent` by default. */
  logLevel?: string;
  /** Where the server's log lines go, one JSON line each. */
  logStream?: { write(line: string): void };
}

/** The real app on a fresh SQLite file with the fixture community; requests go through Fastify's inject. */
export async function startApiHarness(options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const database: TestDatabase = freshSqliteDatabase();
  const opened = await openStore(database.url);
  await seedCommunity(opened.store, fixtureCommunity, options.clock ?? fixedClock);
  const services = options.services?.(opened.store) ?? createServices(opened.store);
  const app = await buildApp({
    store: opened.store,
    services,
    logLevel: options.logLevel ?? 'silent',
    logStream: options.logStream,
  });
  return {
    app,
    opened,
    services,
    async graphql(query, variables = {}, headers = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', host: 'localhost:4000', ...headers },
        payload: JSON.stringify({ query, variables }),
      });
      return { status: response.statusCode, body: response.json() as GraphQLBody };
    },
    async close() {
      await app.close();
      await opened.connection.close();
      await database.drop();
    },
  };
}
