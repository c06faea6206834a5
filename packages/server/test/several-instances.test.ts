import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AnswerAddedDocument } from '@plein/schema';
import { type Client, createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { freshPostgresDatabase, postgresTestUrl, type TestDatabase } from './engines.ts';
import { graphqlAt, type PleinProcess, pleinEnvironment, startPlein, stopPlein } from './plein-process.ts';

/*
 * Issue 10, part 1: two `plein start` processes on one PostgreSQL database and one Redis, each on its own port and
 * nothing in front, behave as one service. A subscriber on B hears an answer posted on A (live answers through Redis
 * pub/sub, graphql/live-emitter.ts); the ask limit counts across both; an idempotency key sent to A and again to B,
 * or to both at once, makes one question. That a scheduled report goes out once with two instances is tested in
 * report-instances.test.ts, with real processes too.
 */

const redisUrl = process.env.PLEIN_TEST_REDIS_URL ?? process.env.REDIS_URL;
const serverUrl = postgresTestUrl;

const ASK = `mutation Ask($input: AskQuestionInput!) {
  askQuestion(input: $input) { question { id } errors { code } }
}`;
const ANSWER = `mutation Answer($input: AnswerQuestionInput!) {
  answerQuestion(input: $input) { answer { id } errors { code } }
}`;
const FIRST_QUESTION = 'query { community(slug: "eemsdelta") { questions(first: 1) { edges { node { id } } } } }';

/** The form was on screen long enough: the pipeline refuses forms sent within 3 s. */
const antiSpam = { honeypot: '', fillMs: 5_000 };
const uniqueKey = (name: string) => `${name}-${Math.random().toString(36).slice(2, 12)}`;
/** A browser's own random key (`Plein-Device`): the ask limit counts per device, and per address more loosely. */
const newDevice = () => ({ 'plein-device': `device-${Math.random().toString(36).slice(2)}${Date.now()}` });

type AskBody = { askQuestion: { question: { id: string } | null; errors: { code: string }[] } };
type AnswerBody = { answerQuestion: { answer: { id: string } | null; errors: { code: string }[] } };

function askInput(key: string, title: string) {
  return {
    community: 'eemsdelta',
    topic: 'ww',
    title,
    body: 'Mijn contract stopt volgende maand. Moet ik de WW zelf aanvragen, of gaat dat vanzelf?',
    idempotencyKey: key,
    antiSpam,
  };
}

if (!serverUrl || !redisUrl) {
  describe('two server instances on one PostgreSQL database and one Redis', () => {
    it('was NOT tested: set PLEIN_TEST_POSTGRES_URL and PLEIN_TEST_REDIS_URL (see .ci/run) to run it', {
      skip: 'PLEIN_TEST_POSTGRES_URL or PLEIN_TEST_REDIS_URL is not set, so several instances were not tested',
    });
  });
} else {
  describe('two server instances on one PostgreSQL database and one Redis', () => {
    let database: TestDatabase;
    let outbox: string;
    let a: PleinProcess | undefined;
    let b: PleinProcess | undefined;
    const clients: Client[] = [];

    before(async () => {
      database = await freshPostgresDatabase(serverUrl);
      outbox = mkdtempSync(join(tmpdir(), 'plein-instances-outbox-'));
      const settings = {
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        PLEIN_OUTBOX_DIR: outbox,
        // Low enough to reach in a test, set as an operator would: two questions per device per 10 minutes (and 100
        // per address). Each test database has its own secret, so its counters in Redis never meet another run's.
        PLEIN_RATE_ASK: '2/10m',
        PLEIN_RATE_IP_FACTOR: '50',
        PLEIN_RATE_ANSWER: 'off',
      };
      // A seeds the demo community; B starts on the database A made, as a second instance joins a running service.
      a = await startPlein(pleinEnvironment(settings));
      b = await startPlein(pleinEnvironment({ ...settings, PLEIN_SEED: 'off' }));
    });

    after(async () => {
      for (const client of clients) void client.dispose();
      await stopPlein(a);
      await stopPlein(b);
      await database?.drop();
      if (outbox) rmSync(outbox, { recursive: true, force: true });
    });

    it('sends an answer posted on A to a subscriber on B, and one posted on B to a subscriber on A', async () => {
      const { body } = await graphqlAt<{ community: { questions: { edges: { node: { id: string } }[] } } }>(
        a!.url,
        FIRST_QUESTION,
      );
      const questionId = body.data!.community.questions.edges[0]!.node.id;

      const onB = subscribe(b!.url, questionId);
      const onA = subscribe(a!.url, questionId);
      // Over two processes there is no hook that says "subscribed". So answers are posted on A until B hears one;
      // after that B is subscribed, and every later answer from either instance must reach both subscribers.
      const postedOnA: string[] = [];
      while (onB.ids.length === 0 || onA.ids.length === 0) {
        postedOnA.push(await postAnswer(a!.url, `Eerst via A (${postedOnA.length + 1})`, questionId));
        await Promise.race([onB.next(), onA.next(), new Promise((resolve) => setTimeout(resolve, 250))]);
        assert.ok(postedOnA.length < 40, 'a subscriber heard nothing after 40 answers: live answers do not cross');
      }
      const fromA = await postAnswer(a!.url, 'Antwoord via instantie A', questionId);
      const fromB = await postAnswer(b!.url, 'Antwoord via instantie B', questionId);
      await onB.waitFor(fromA, fromB);
      await onA.waitFor(fromA, fromB);
      // Nothing arrives that was not posted, and nothing twice (each instance publishes its own answers once).
      const posted = new Set([...postedOnA, fromA, fromB]);
      for (const ids of [onA.ids, onB.ids]) {
        assert.ok(
          ids.every((id) => posted.has(id)),
          'only answers that were posted arrive',
        );
        assert.equal(new Set(ids).size, ids.length, 'no answer arrives twice');
      }
    });

    it('counts questions from one device on both instances against one limit', async () => {
      const device = newDevice();
      const statuses: number[] = [];
      // The limit is two per device: A, B, then A again must be refused, though A itself has seen only one.
      for (const server of [a!, b!, a!, b!]) {
        const { status } = await graphqlAt(
          server.url,
          ASK,
          { input: askInput(uniqueKey('limit'), 'Telt de grens op beide servers?') },
          device,
        );
        statuses.push(status);
      }
      assert.deepEqual(statuses, [200, 200, 429, 429]);
    });

    it('makes one question of a key sent to A and sent again to B', async () => {
      const key = uniqueKey('retry');
      const input = askInput(key, 'Eerst A, dan opnieuw via B');
      const device = newDevice();
      const first = await graphqlAt<AskBody>(a!.url, ASK, { input }, device);
      const retried = await graphqlAt<AskBody>(b!.url, ASK, { input }, device);
      const id = first.body.data?.askQuestion.question?.id;
      assert.ok(id, JSON.stringify(first.body));
      assert.equal(retried.body.data?.askQuestion.question?.id, id, JSON.stringify(retried.body));
      assert.equal(await rowsWithKey('questions', key), 1);
    });

    it('makes one question of a key sent to A and B at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const key = uniqueKey('race');
        const input = askInput(key, `Tegelijk naar A en B, ronde ${round + 1}`);
        const device = newDevice();
        const [onA, onB] = await Promise.all([
          graphqlAt<AskBody>(a!.url, ASK, { input }, device),
          graphqlAt<AskBody>(b!.url, ASK, { input }, device),
        ]);
        for (const result of [onA, onB]) {
          assert.equal(result.status, 200, JSON.stringify(result.body));
          assert.deepEqual(result.body.data?.askQuestion.errors, [], JSON.stringify(result.body));
        }
        assert.equal(onA.body.data?.askQuestion.question?.id, onB.body.data?.askQuestion.question?.id);
        assert.equal(await rowsWithKey('questions', key), 1);
      }
    });

    it('makes one answer of a key sent to A and B at the same moment', async () => {
      const { body } = await graphqlAt<{ community: { questions: { edges: { node: { id: string } }[] } } }>(
        a!.url,
        FIRST_QUESTION,
      );
      const questionId = body.data!.community.questions.edges[0]!.node.id;
      for (let round = 0; round < 5; round++) {
        const key = uniqueKey('race-answer');
        const input = {
          questionId,
          body: `Tegelijk beantwoord via A en B, ronde ${round + 1}`,
          idempotencyKey: key,
          antiSpam,
        };
        const device = newDevice();
        const [onA, onB] = await Promise.all([
          graphqlAt<AnswerBody>(a!.url, ANSWER, { input }, device),
          graphqlAt<AnswerBody>(b!.url, ANSWER, { input }, device),
        ]);
        for (const result of [onA, onB])
          assert.deepEqual(result.body.data?.answerQuestion.errors, [], JSON.stringify(result.body));
        assert.equal(onA.body.data?.answerQuestion.answer?.id, onB.body.data?.answerQuestion.answer?.id);
        assert.equal(await rowsWithKey('answers', key), 1);
      }
    });

    /** The rows with this idempotency key, counted in the database itself. */
    async function rowsWithKey(table: 'questions' | 'answers', key: string): Promise<number> {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ count: string }>(
          `select count(*) from ${table} where idempotency_key = $1`,
          [key],
        );
        return Number(rows[0]!.count);
      } finally {
        await client.end();
      }
    }

    async function postAnswer(url: string, text: string, questionId: string): Promise<string> {
      const { status, body } = await graphqlAt<AnswerBody>(url, ANSWER, {
        input: { questionId, body: text, idempotencyKey: uniqueKey('live'), antiSpam },
      });
      assert.equal(status, 200, JSON.stringify(body));
      const answer = body.data?.answerQuestion.answer;
      assert.ok(answer, JSON.stringify(body));
      return answer.id;
    }

    /** A graphql-ws subscription to a question's new answers on one instance; the ids of what arrives. */
    function subscribe(url: string, questionId: string) {
      const ids: string[] = [];
      let wake = () => {};
      const client = createClient({
        url: `${url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      clients.push(client);
      client.subscribe(
        { query: String(AnswerAddedDocument), variables: { questionId } },
        {
          next: (result) => {
            const answer = (result.data as { answerAdded?: { id: string } } | undefined)?.answerAdded;
            if (answer) ids.push(answer.id);
            wake();
          },
          error: (error) => assert.fail(`the subscription on ${url} failed: ${JSON.stringify(error)}`),
          complete: () => {},
        },
      );
      const next = () => new Promise<void>((resolve) => (wake = resolve));
      return {
        ids,
        next,
        async waitFor(...expected: string[]) {
          while (!expected.every((id) => ids.includes(id))) await next();
        },
      };
    }
  });
}
