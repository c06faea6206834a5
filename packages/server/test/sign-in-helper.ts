import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { buildApp } from '../src/app.ts';
import { MemoryMailer } from '../src/mail/mailer.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import type { User } from '../src/services/account-service.ts';
import { ServiceEvents } from '../src/services/events.ts';
import { createServices, type Services } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import type { Role } from '../src/store/database-schema.ts';
import type { GraphQLBody } from './api-harness.ts';
import { freshPostgresDatabase, freshSqliteDatabase, postgresTestUrl, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

/** An account made for a test, with the password it signs in with. */
export type TestAccount = User & { password: string; community: string };

/**
 * Makes an account the way the CLI does (audit log included) and gives it a password, so `sessionFor` can sign in
 * through the real password path. Without `password` a random one is made.
 */
export async function createAccount(
  services: Services,
  account: {
    community: string;
    email: string;
    roles: Role[];
    password?: string;
    displayName?: string;
    expertId?: string;
  },
): Promise<TestAccount> {
  const password = account.password ?? `test-${randomBytes(12).toString('base64url')}`;
  const user = await services.accounts.addUserFromCli(account.community, {
    email: account.email,
    displayName: account.displayName,
    roles: account.roles,
    password,
    expertId: account.expertId,
  });
  return { ...user, password, community: account.community };
}

/** Signs the account in with its password and returns the bearer token. */
export async function sessionFor(services: Services, account: TestAccount): Promise<string> {
  const result = await services.accounts.signIn({
    community: account.community,
    email: account.email,
    password: account.password,
  });
  if (!result.session) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
  return result.session.token;
}

/** An account with a session in one step. */
export async function signedInAccount(
  services: Services,
  account: Parameters<typeof createAccount>[1],
): Promise<TestAccount & { token: string }> {
  const created = await createAccount(services, account);
  return { ...created, token: await sessionFor(services, created) };
}

/** A portal JWT as a host portal makes it (HS256 with the community's portal secret). */
export async function portalToken(
  secret: string,
  claims: { sub: string; name?: string; expiresIn?: number; now?: Date },
): Promise<string> {
  const now = Math.floor((claims.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ name: claims.name ?? 'Jan Jansen' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresIn ?? 600))
    .sign(new TextEncoder().encode(secret));
}

/**
 * A citizen signed in through the portal: gives the community a new portal secret (unless one is passed) and signs
 * in with a token for `subject`. Returns the bearer token, the pseudonym and the secret.
 */
export async function portalSessionFor(
  services: Services,
  options: { community: string; subject: string; secret?: string; now?: Date },
): Promise<{ token: string; pseudonym: string; secret: string }> {
  const secret = options.secret ?? (await services.portal.newSecret(options.community));
  const result = await services.portal.signIn({
    community: options.community,
    token: await portalToken(secret, { sub: options.subject, now: options.now }),
  });
  if (!result.session || !result.viewer) throw new Error(`portal sign-in failed: ${JSON.stringify(result.errors)}`);
  return { token: result.session.token, pseudonym: result.viewer.displayName, secret };
}

/** Headers for a request with a bearer token. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export interface AccountsHarness {
  app: FastifyInstance;
  opened: OpenedStore;
  services: Services;
  mailer: MemoryMailer;
  /** Server log lines (JSON), for checks that nothing personal is logged. */
  logLines: string[];
  communityId: string;
  now(): Date;
  advance(milliseconds: number): void;
  graphql(
    query: string | { toString(): string },
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody }>;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database of either engine, with the fixture community "testgemeente", a clock the test
 * moves (starting at the fixture's), sign-in mail kept in memory, and the log lines kept.
 */
export async function startAccountsHarness(
  open: () => Promise<TestDatabase>,
  options: { signInUrl?: string; systemClock?: boolean } = {},
): Promise<AccountsHarness> {
  const database = await open();
  const opened = await openStore(database.url);
  let now = fixedClock();
  const clock = options.systemClock ? () => new Date() : () => new Date(now);
  await seedCommunity(opened.store, fixtureCommunity, clock);
  const mailer = new MemoryMailer();
  const failures: unknown[] = [];
  const services = createServices(opened.store, clock, new ServiceEvents((error) => failures.push(error)), {
    follow: { mailer, publicUrl: 'http://localhost:4000' },
    accounts: { signInUrl: options.signInUrl, onError: (error) => failures.push(error) },
  });
  const logLines: string[] = [];
  const app = await buildApp({
    store: opened.store,
    services,
    logLevel: 'info',
    logStream: { write: (line: string) => void logLines.push(line) },
  });
  const communityId = (await opened.store.communityBySlug(fixtureCommunity.slug))!.id;
  return {
    app,
    opened,
    services,
    mailer,
    logLines,
    communityId,
    now: clock,
    advance(milliseconds) {
      now = new Date(now.getTime() + milliseconds);
    },
    async graphql(query, variables = {}, headers = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', host: 'localhost:4000', ...headers },
        payload: JSON.stringify({ query: String(query), variables }),
      });
      return { status: response.statusCode, body: response.json() as GraphQLBody };
    },
    async close() {
      await services.accounts.settled();
      await app.close();
      await opened.connection.close();
      await database.drop();
      if (failures.length > 0) throw failures[0];
    },
  };
}

/**
 * Runs `define` once per engine: SQLite always, PostgreSQL when PLEIN_TEST_POSTGRES_URL is set (else one skipped
 * test says so, as store.postgres.test.ts does).
 */
export function onEveryEngine(
  title: string,
  define: (engine: string, open: () => Promise<TestDatabase>) => void,
): void {
  define('SQLite', async () => freshSqliteDatabase());
  const serverUrl = postgresTestUrl;
  if (serverUrl) {
    define('PostgreSQL', () => freshPostgresDatabase(serverUrl));
  } else {
    describe(`${title} on PostgreSQL`, () => {
      it('was NOT tested: set PLEIN_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it', {
        skip: 'PLEIN_TEST_POSTGRES_URL is not set, so PostgreSQL was not tested',
      });
    });
  }
}
