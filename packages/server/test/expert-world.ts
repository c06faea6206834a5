import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedCommunity } from '../src/seed/seed.ts';
import { newId } from '../src/services/secrets.ts';
import { createServices, type Services } from '../src/services/services.ts';
import type { Viewer } from '../src/services/viewer.ts';
import type { Role } from '../src/store/database-schema.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import { freshPostgresDatabase, freshSqliteDatabase, postgresTestUrl, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The fixture community on a fresh database, services on a clock the test moves, and viewers built directly (a
 * `Viewer` is a plain object; the accounts behind them are real rows, so foreign keys hold on both engines).
 * A second community "andere" has one topic, one verified expert and an admin of its own.
 */
export interface ExpertWorld {
  opened: OpenedStore;
  services: Services;
  communityId: string;
  otherCommunityId: string;
  /** Els Testadviseur: verified (MANUAL, INDEPENDENT) for ontslag and ww until a year after the fixed clock. */
  els: string;
  /** Bram Testklant: verified (MANUAL, MUNICIPALITY) for bijstand-aanvragen. */
  bram: string;
  /** The expert of "andere". */
  otherExpert: string;
  now(): Date;
  setNow(iso: string): void;
  advance(ms: number): void;
  topicId(slug: string, communityId?: string): Promise<string>;
  /** A signed-in account of the community with these roles (and expert profile, for experts). */
  viewer(roles: Role[], options?: { expertId?: string; communityId?: string }): Promise<Viewer>;
  /** A citizen signed in through the host portal: no account, no roles. */
  portalCitizen(): Viewer;
  close(): Promise<void>;
}

let accounts = 0;

export async function openExpertWorld(database: TestDatabase): Promise<ExpertWorld> {
  const opened = await openStore(database.url);
  let now = fixedClock();
  const clock = () => new Date(now);
  const services = createServices(opened.store, clock);
  await seedCommunity(opened.store, fixtureCommunity, fixedClock);
  const { store } = opened;
  const communityId = (await store.communityBySlug('testgemeente'))!.id;
  const experts = await store.expertsOfCommunity(communityId);
  const expertNamed = (name: string) => experts.find((e) => e.display_name === name)!.id;

  const other = await services.communities.create('andere', 'Andere community');
  const otherTopic = newId();
  await store.insertTopic({ id: otherTopic, community_id: other.id, slug: 'schulden', name: 'Schulden', position: 0 });
  const otherExpert = newId();
  await store.insertExpert(
    {
      id: otherExpert,
      community_id: other.id,
      display_name: 'Olga Anders',
      title: null,
      organisation: 'Elders',
      independent: 0,
      bio: null,
      verified: 0,
      created_at: now.toISOString(),
      photo_url: null,
      photo_alt: null,
    },
    [otherTopic],
  );
  await store.transaction((trx) =>
    trx.insertVerification(
      {
        id: newId(),
        expert_id: otherExpert,
        evidence: 'ORGANISATION_SIGN_IN',
        kvk_number: null,
        note: null,
        organisation: 'Elders',
        independence: 'MUNICIPALITY',
        independence_note: null,
        valid_until: new Date(now.getTime() + 300 * DAY).toISOString(),
        verified_by: null,
        created_at: now.toISOString(),
        revoked_at: null,
      },
      [otherTopic],
    ),
  );

  const world: ExpertWorld = {
    opened,
    services,
    communityId,
    otherCommunityId: other.id,
    els: expertNamed('Els Testadviseur'),
    bram: expertNamed('Bram Testklant'),
    otherExpert,
    now: clock,
    setNow(iso) {
      now = new Date(iso);
    },
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    async topicId(slug, inCommunity = communityId) {
      const topic = await store.topicBySlug(inCommunity, slug);
      assert.ok(topic, `topic ${slug}`);
      return topic.id;
    },
    async viewer(roles, options = {}) {
      const userId = newId();
      const inCommunity = options.communityId ?? communityId;
      await store.transaction((trx) =>
        trx.insertUser(
          {
            id: userId,
            community_id: inCommunity,
            email: `account-${++accounts}@example.org`,
            display_name: `Account ${accounts}`,
            password_hash: null,
            failed_sign_ins: 0,
            locked_until: null,
            expert_id: options.expertId ?? null,
            created_at: now.toISOString(),
            disabled_at: null,
          },
          roles,
        ),
      );
      return {
        sessionId: newId(),
        communityId: inCommunity,
        userId,
        displayName: `Account ${accounts}`,
        roles: new Set(roles),
        expertId: options.expertId ?? null,
        portalCitizen: false,
        expiresAt: new Date(now.getTime() + DAY).toISOString(),
      };
    },
    portalCitizen() {
      return {
        sessionId: newId(),
        communityId,
        userId: null,
        displayName: 'Burger 4821',
        roles: new Set(),
        expertId: null,
        portalCitizen: true,
        expiresAt: new Date(now.getTime() + HOUR).toISOString(),
      };
    },
    async close() {
      await opened.connection.close();
      await database.drop();
    },
  };
  return world;
}

/** Defines `suite` for SQLite and, when PLEIN_TEST_POSTGRES_URL is set, for PostgreSQL; says so when it is not. */
export function onEveryEngine(name: string, suite: (engine: string, open: () => Promise<TestDatabase>) => void): void {
  suite('SQLite', async () => freshSqliteDatabase());
  const serverUrl = postgresTestUrl;
  if (serverUrl) {
    // When the variable is set, a PostgreSQL that cannot be reached fails the suite: it never silently skips.
    suite('PostgreSQL', () => freshPostgresDatabase(serverUrl));
  } else {
    describe(`${name} on PostgreSQL`, () => {
      it('was NOT tested: set PLEIN_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it', {
        skip: 'PLEIN_TEST_POSTGRES_URL is not set, so PostgreSQL was not tested',
      });
    });
  }
}

let keys = 0;
/** A fresh idempotency key. */
export const key = () => `expert-key-${++keys}-${Math.random().toString(36).slice(2)}`;

/** Rejects with a ServiceError of this code. */
export async function refused(promise: Promise<unknown>, code: 'UNAUTHENTICATED' | 'FORBIDDEN'): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.equal((error as { code?: string }).code, code);
    return true;
  });
}
