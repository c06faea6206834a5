import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

export interface ApiHarness {
  app: FastifyInstance;
  opened: OpenedStore;
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

/** The real app on a fresh SQLite file with the fixture community; requests go through Fastify's inject. */
export async function startApiHarness(): Promise<ApiHarness> {
  const database: TestDatabase = freshSqliteDatabase();
  const opened = await openStore(database.url);
  await seedCommunity(opened.store, fixtureCommunity, fixedClock);
  const app = await buildApp({ store: opened.store, services: createServices(opened.store), logLevel: 'silent' });
  return {
    app,
    opened,
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
