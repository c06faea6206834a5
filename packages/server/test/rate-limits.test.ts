import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { configFromEnvironment } from '../src/config.ts';
import {
  defaultRateLimits,
  parseRateRule,
  type RateLimitSettings,
  rateLimitsFromEnvironment,
  writesIn,
} from '../src/http/rate-limits.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import type { GraphQLBody } from './api-harness.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

const COMMUNITY = 'testgemeente';
const OTHER_COMMUNITY = 'anderegemeente';
const DUTCH = 'U heeft veel berichten kort na elkaar gestuurd. Wacht even en probeer het dan opnieuw.';
const ENGLISH = 'You sent many messages in a short time. Please wait a moment and try again.';
const OTHER_ADDRESS = '203.0.113.7';

const ASK = `mutation AskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) { question { id } errors { code } }
}`;
const ANSWER = `mutation AnswerQuestion($input: AnswerQuestionInput!) {
  answerQuestion(input: $input) { answer { id } errors { code } }
}`;
const VOTE = `mutation MarkAnswerHelpful($input: MarkAnswerHelpfulInput!) {
  markAnswerHelpful(input: $input) { counted errors { code } }
}`;
const FLAG = `mutation FlagContent($input: FlagContentInput!) {
  flagContent(input: $input) { counted errors { code } }
}`;
const READ = `query Overview($community: String!) { community(slug: $community) { id name } }`;

/** A `Plein-Device` key as the widgets make it: random, 16 to 100 characters. */
const newDevice = () => `device-${randomBytes(12).toString('base64url')}`;

let counter = 0;
const askInput = (community: string) => ({
  community,
  topic: 'ontslag',
  title: `Vraag nummer ${++counter} over ontslag tijdens ziekte`,
  body: `Dit is vraag ${counter}. Mijn werkgever wil mij ontslaan terwijl ik ziek ben. Wat kan ik doen?`,
  idempotencyKey: randomUUID(),
  antiSpam: { honeypot: '', fillMs: 60_000 },
});

interface Sent {
  status: number;
  body: GraphQLBody;
  headers: Record<string, unknown>;
}

interface LimitedApp {
  app: FastifyInstance;
  logLines: string[];
  send(
    query: string,
    variables: Record<string, unknown>,
    options?: { device?: string; address?: string; locale?: string },
  ): Promise<Sent>;
  close(): Promise<void>;
}

/** The fixture community and a second one, on one SQLite file. */
async function openTwoCommunities(): Promise<{ opened: OpenedStore; database: TestDatabase }> {
  const database = freshSqliteDatabase();
  const opened = await openStore(database.url);
  await seedCommunity(opened.store, fixtureCommunity, fixedClock);
  await seedCommunity(
    opened.store,
    { ...fixtureCommunity, slug: OTHER_COMMUNITY, name: 'Andere Gemeente' },
    fixedClock,
  );
  return { opened, database };
}

async function startLimitedApp(opened: OpenedStore, rateLimits: RateLimitSettings): Promise<LimitedApp> {
  const logLines: string[] = [];
  const app = await buildApp({
    store: opened.store,
    services: createServices(opened.store),
    logLevel: 'info',
    logStream: { write: (line) => void logLines.push(line) },
    rateLimits,
    secret: 'rate-limit-test-secret',
  });
  return {
    app,
    logLines,
    async send(query, variables, options = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        remoteAddress: options.address ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          host: 'localhost:4000',
          ...(options.device && { 'plein-device': options.device }),
          ...(options.locale && { 'accept-language': options.locale }),
        },
        payload: JSON.stringify({ query, variables }),
      });
      return { status: response.statusCode, body: response.json() as GraphQLBody, headers: response.headers };
    },
    close: () => app.close(),
  };
}

const settings = (overrides: Partial<RateLimitSettings>): RateLimitSettings => ({
  ...defaultRateLimits,
  read: null,
  ...overrides,
});

function assertServed(response: Sent, what: string): void {
  assert.equal(response.status, 200, `${what}: ${JSON.stringify(response.body)}`);
  assert.equal(response.body.errors, undefined, `${what}: ${JSON.stringify(response.body)}`);
}

function assertLimited(response: Sent, message = DUTCH): void {
  assert.equal(response.status, 429, JSON.stringify(response.body));
  assert.equal(response.body.data, null);
  assert.equal(response.body.errors?.length, 1);
  const error = response.body.errors![0]! as { message: string; extensions: { code: string; retryAfter: number } };
  assert.equal(error.extensions.code, 'RATE_LIMITED');
  assert.equal(error.message, message);
  const retryAfter = Number(response.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= 600, `Retry-After ${response.headers['retry-after']}`);
  assert.equal(error.extensions.retryAfter, retryAfter);
}

/** Ids of a published question and one of its answers in a community. */
async function someAnswer(api: LimitedApp, community: string): Promise<{ question: string; answer: string }> {
  const response = await api.send(
    `query Ids($community: String!) { community(slug: $community) { questions(first: 50) { edges { node { id
      answers(first: 1) { edges { node { id } } } } } } } }`,
    { community },
    { address: '198.51.100.1' },
  );
  const node = response.body.data.community.questions.edges
    .map((edge: { node: { id: string; answers: { edges: { node: { id: string } }[] } } }) => edge.node)
    .find((candidate: { answers: { edges: unknown[] } }) => candidate.answers.edges.length > 0);
  return { question: node.id, answer: node.answers.edges[0].node.id };
}

describe('rate limits, settings', () => {
  it('reads COUNT/WINDOW or off from the environment', () => {
    assert.deepEqual(parseRateRule('PLEIN_RATE_ASK', '5/10m'), { max: 5, windowMs: 600_000 });
    assert.deepEqual(parseRateRule('PLEIN_RATE_READ', '600/1m'), { max: 600, windowMs: 60_000 });
    assert.deepEqual(parseRateRule('PLEIN_RATE_READ', '100/h'), { max: 100, windowMs: 3_600_000 });
    assert.deepEqual(parseRateRule('PLEIN_RATE_VOTE', ' 30 / 45s '), { max: 30, windowMs: 45_000 });
    assert.equal(parseRateRule('PLEIN_RATE_ASK', 'off'), null);
    for (const wrong of ['5', '0/10m', '5/10', 'five/10m', '5/10d', '5/0s', '-1/1m']) {
      assert.throws(() => parseRateRule('PLEIN_RATE_ASK', wrong), /PLEIN_RATE_ASK must be a count per time/, wrong);
    }
    const defaults = rateLimitsFromEnvironment({});
    assert.deepEqual(defaults, { ...defaultRateLimits, redisUrl: undefined });
    assert.deepEqual(defaults.ask, { max: 5, windowMs: 600_000 });
    assert.deepEqual(defaults.answer, { max: 20, windowMs: 600_000 });
    assert.deepEqual(defaults.vote, { max: 60, windowMs: 600_000 });
    assert.deepEqual(defaults.flag, { max: 20, windowMs: 600_000 });
    assert.deepEqual(defaults.read, { max: 600, windowMs: 60_000 });
    const configured = configFromEnvironment({
      PLEIN_RATE_ASK: 'off',
      PLEIN_RATE_READ: 'off',
      PLEIN_RATE_ANSWER: '1000/1m',
      PLEIN_RATE_IP_FACTOR: '10',
      REDIS_URL: 'redis://127.0.0.1:6379',
    }).rateLimits;
    assert.equal(configured.ask, null);
    assert.equal(configured.read, null);
    assert.deepEqual(configured.answer, { max: 1000, windowMs: 60_000 });
    assert.equal(configured.ipFactor, 10);
    assert.equal(configured.redisUrl, 'redis://127.0.0.1:6379');
    assert.throws(() => configFromEnvironment({ PLEIN_RATE_IP_FACTOR: '0' }), /PLEIN_RATE_IP_FACTOR/);
  });

  it('finds every limited mutation field in a request, aliased and in fragments, and nothing in queries', () => {
    assert.deepEqual(writesIn(READ, {}), []);
    assert.deepEqual(writesIn('mutation { askQuestion(', {}), []);
    const calls = writesIn(
      `mutation Many($a: AskQuestionInput!) {
        one: askQuestion(input: $a) { errors { code } }
        two: askQuestion(input: { community: "x", topic: "y", title: "t", body: "b", idempotencyKey: "k" }) { errors { code } }
        ...Vote
        ... on Mutation { flagContent(input: { content: { kind: ANSWER, id: "a1" }, reason: SPAM }) { counted } }
        signOut { signedOut }
      }
      fragment Vote on Mutation { markAnswerHelpful(input: { answerId: "a1", voterKey: "v" }) { counted } }`,
      { a: { community: COMMUNITY } },
    );
    assert.deepEqual(
      calls.map((call) => call.action),
      ['ask', 'ask', 'vote', 'flag'],
    );
    assert.deepEqual(calls[0]!.input, { community: COMMUNITY });
    assert.equal((calls[1]!.input as { community: string }).community, 'x');
  });
});

describe('rate limits in memory', () => {
  let database: TestDatabase;
  let opened: OpenedStore;

  before(async () => ({ opened, database } = await openTwoCommunities()));
  after(async () => {
    await opened.connection.close();
    await database.drop();
  });

  it('limits a burst from one device while another device and another community are served', async () => {
    const api = await startLimitedApp(opened, settings({ ask: { max: 3, windowMs: 600_000 } }));
    try {
      const device = newDevice();
      for (let i = 1; i <= 3; i++)
        assertServed(await api.send(ASK, { input: askInput(COMMUNITY) }, { device }), `ask ${i}`);
      const before = await opened.store.countRows('questions');
      assertLimited(await api.send(ASK, { input: askInput(COMMUNITY) }, { device }));
      assert.equal(await opened.store.countRows('questions'), before, 'a refused question is not stored');
      assertLimited(await api.send(ASK, { input: askInput(COMMUNITY) }, { device, locale: 'en' }), ENGLISH);
      // Another device on the same address, and the same device in another community, are served as before.
      assertServed(await api.send(ASK, { input: askInput(COMMUNITY) }, { device: newDevice() }), 'another device');
      assertServed(await api.send(ASK, { input: askInput(OTHER_COMMUNITY) }, { device }), 'another community');
      // Reading is not limited by writing.
      assertServed(await api.send(READ, { community: COMMUNITY }, { device }), 'a read');
    } finally {
      await api.close();
    }
  });

  it('limits an address at ipFactor times the device limit, also when the device key changes every time', async () => {
    const api = await startLimitedApp(opened, settings({ answer: { max: 2, windowMs: 600_000 }, ipFactor: 3 }));
    try {
      const { question } = await someAnswer(api, COMMUNITY);
      const answer = (text: string) => ({
        input: { questionId: question, body: `${text}: bij mij ging het net zo.`, idempotencyKey: randomUUID() },
      });
      // A script without the header, and one that sends a new device key every time, share the address limit.
      for (let i = 1; i <= 3; i++) assertServed(await api.send(ANSWER, answer(`zonder ${i}`)), `answer ${i}`);
      for (let i = 4; i <= 6; i++) {
        assertServed(await api.send(ANSWER, answer(`nieuw ${i}`), { device: newDevice() }), `answer ${i}`);
      }
      assertLimited(await api.send(ANSWER, answer('zeven'), { device: newDevice() }));
      assertLimited(await api.send(ANSWER, answer('acht')));
      // Someone at another address answers as usual, in this community and the other.
      assertServed(await api.send(ANSWER, answer('elders'), { address: OTHER_ADDRESS }), 'another address');
      const other = await someAnswer(api, OTHER_COMMUNITY);
      assertServed(
        await api.send(ANSWER, {
          input: { questionId: other.question, body: 'In de andere gemeente mag dit.', idempotencyKey: randomUUID() },
        }),
        'same address, another community',
      );
    } finally {
      await api.close();
    }
  });

  it('limits helpful votes and flags, and counts each aliased field of one request', async () => {
    const api = await startLimitedApp(
      opened,
      settings({
        ask: { max: 2, windowMs: 600_000 },
        vote: { max: 2, windowMs: 600_000 },
        flag: { max: 2, windowMs: 600_000 },
      }),
    );
    try {
      const { answer, question } = await someAnswer(api, COMMUNITY);
      const device = newDevice();
      const vote = () => ({ input: { answerId: answer, voterKey: randomUUID() } });
      for (let i = 1; i <= 2; i++) assertServed(await api.send(VOTE, vote(), { device }), `vote ${i}`);
      assertLimited(await api.send(VOTE, vote(), { device }));
      const flag = (kind: 'QUESTION' | 'ANSWER', id: string) => ({
        input: { content: { kind, id }, reason: 'SPAM', note: null },
      });
      assert.notEqual((await api.send(FLAG, flag('QUESTION', question), { device })).status, 429);
      assert.notEqual((await api.send(FLAG, flag('ANSWER', answer), { device })).status, 429);
      assertLimited(await api.send(FLAG, flag('ANSWER', answer), { device }));
      // Three questions in one request against a limit of two.
      const many = `mutation Many($a: AskQuestionInput!, $b: AskQuestionInput!, $c: AskQuestionInput!) {
        a: askQuestion(input: $a) { errors { code } }
        b: askQuestion(input: $b) { errors { code } }
        c: askQuestion(input: $c) { errors { code } }
      }`;
      const inputs = { a: askInput(COMMUNITY), b: askInput(COMMUNITY), c: askInput(COMMUNITY) };
      assertLimited(await api.send(many, inputs, { device: newDevice() }));
    } finally {
      await api.close();
    }
  });

  it('gives reads a separate limit per address', async () => {
    const api = await startLimitedApp(opened, settings({ read: { max: 5, windowMs: 60_000 } }));
    try {
      for (let i = 1; i <= 5; i++) assertServed(await api.send(READ, { community: COMMUNITY }), `read ${i}`);
      assertLimited(await api.send(READ, { community: COMMUNITY }));
      assertServed(await api.send(READ, { community: COMMUNITY }, { address: OTHER_ADDRESS }), 'another address');
      assertServed(await api.send(ASK, { input: askInput(COMMUNITY) }, { device: newDevice() }), 'a write');
    } finally {
      await api.close();
    }
  });

  it('does not start with a REDIS_URL that cannot be reached, and says which setting is wrong', async () => {
    await assert.rejects(
      startLimitedApp(opened, settings({ redisUrl: 'redis://127.0.0.1:1', redisPrefix: 'plein-test-none:' })),
      /REDIS_URL: no connection to Redis \(ECONNREFUSED\)/,
    );
  });

  it('limits nothing that is switched off', async () => {
    const api = await startLimitedApp(opened, settings({ ask: null, read: null }));
    try {
      const device = newDevice();
      for (let i = 1; i <= 8; i++)
        assertServed(await api.send(ASK, { input: askInput(COMMUNITY) }, { device }), `ask ${i}`);
    } finally {
      await api.close();
    }
  });

  it('logs that a limit was reached, never the address, its hash or the device key', async () => {
    const api = await startLimitedApp(opened, settings({ flag: { max: 1, windowMs: 600_000 } }));
    try {
      const { question } = await someAnswer(api, COMMUNITY);
      const device = newDevice();
      const flag = { input: { content: { kind: 'QUESTION', id: question }, reason: 'SPAM' } };
      await api.send(FLAG, flag, { device, address: OTHER_ADDRESS });
      assertLimited(await api.send(FLAG, flag, { device, address: OTHER_ADDRESS }));
      const log = api.logLines.join('\n');
      assert.match(log, /rate limit reached/);
      assert.match(log, /"action":"flag","limit":"device"/);
      assert.ok(!log.includes(OTHER_ADDRESS) && !log.includes(device), log);
      assert.doesNotMatch(log, /"remoteAddress"|"ip"/);
    } finally {
      await api.close();
    }
  });
});

const redisUrl = process.env.PLEIN_TEST_REDIS_URL || process.env.REDIS_URL || undefined;

describe(
  'rate limits in Redis, shared by two instances',
  { skip: !redisUrl && 'PLEIN_TEST_REDIS_URL (or REDIS_URL) is not set' },
  () => {
    let database: TestDatabase;
    let opened: OpenedStore;
    const prefix = `plein-test-${randomBytes(6).toString('hex')}:`;
    let redis: import('ioredis').Redis;

    before(async () => {
      ({ opened, database } = await openTwoCommunities());
      const { Redis } = await import('ioredis');
      redis = new Redis(redisUrl!);
    });

    after(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await opened.connection.close();
      await database.drop();
    });

    it('limits a burst from one device on every instance while another device and another community are served', async () => {
      const rules = settings({
        ask: { max: 3, windowMs: 600_000 },
        read: { max: 100, windowMs: 60_000 },
        redisUrl,
        redisPrefix: prefix,
      });
      const first = await startLimitedApp(opened, rules);
      const second = await startLimitedApp(opened, rules);
      try {
        const device = newDevice();
        assertServed(await first.send(ASK, { input: askInput(COMMUNITY) }, { device }), 'ask 1 on the first');
        assertServed(await second.send(ASK, { input: askInput(COMMUNITY) }, { device }), 'ask 2 on the second');
        assertServed(await first.send(ASK, { input: askInput(COMMUNITY) }, { device }), 'ask 3 on the first');
        assertLimited(await second.send(ASK, { input: askInput(COMMUNITY) }, { device }));
        assertLimited(await first.send(ASK, { input: askInput(COMMUNITY) }, { device }));
        assertServed(await second.send(ASK, { input: askInput(COMMUNITY) }, { device: newDevice() }), 'another device');
        assertServed(await first.send(ASK, { input: askInput(OTHER_COMMUNITY) }, { device }), 'another community');

        // Reads count in each instance's memory: a query costs no round trip to Redis.
        assertServed(await first.send(READ, { community: COMMUNITY }), 'a read');

        // Only keyed hashes of writes reach Redis, each with the window as its lifetime.
        const keys = await redis.keys(`${prefix}*`);
        console.log(`Redis keys after the burst: ${keys.length} (prefix ${prefix})`);
        assert.ok(keys.length >= 4, keys.join(', '));
        for (const key of keys) {
          assert.match(key, /^plein-test-\w+:ask:[\w-]+:(ip|device):[\w-]{22}$/);
          assert.ok(!key.includes('127.0.0.1') && !key.includes(device), key);
          const ttl = await redis.pttl(key);
          assert.ok(ttl > 0 && ttl <= 600_000, `${key} lives ${ttl} ms`);
        }
      } finally {
        await first.close();
        await second.close();
      }
    });
  },
);
