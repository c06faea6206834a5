import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { configFromEnvironment } from '../src/config.ts';
import { type MetricsAccess, ServerMetrics } from '../src/http/metrics.ts';
import { MemoryMailer, type Mailer } from '../src/mail/mailer.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

/** The value of one sample line, e.g. `plein_http_requests_total{method="GET",route="/healthz",status="200"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  let database: TestDatabase;
  let opened: OpenedStore;
  const apps: FastifyInstance[] = [];
  let questionId: string;

  before(async () => {
    database = freshSqliteDatabase();
    opened = await openStore(database.url);
    await seedCommunity(opened.store, fixtureCommunity, fixedClock);
    ({ id: questionId } = await opened.connection.db.selectFrom('questions').select('id').executeTakeFirstOrThrow());
  });
  after(async () => {
    for (const app of apps) await app.close();
    await opened.connection.close();
    await database.drop();
  });

  async function appWith(
    access: MetricsAccess | undefined,
    metrics = new ServerMetrics(),
    services = createServices(opened.store),
  ) {
    const app = await buildApp({
      store: opened.store,
      services,
      logLevel: 'silent',
      metrics,
      ...(access && { metricsAccess: access }),
    });
    apps.push(app);
    return app;
  }

  it('does not exist unless it is turned on', async () => {
    const app = await appWith(undefined);
    assert.equal((await app.inject({ url: '/metrics' })).statusCode, 404);
    assert.deepEqual(configFromEnvironment({}).metrics, { enabled: false });
    assert.deepEqual(configFromEnvironment({ PLEIN_METRICS: 'on' }).metrics, { enabled: true, token: undefined });
    assert.deepEqual(configFromEnvironment({ PLEIN_METRICS_TOKEN: 't0k3n' }).metrics, {
      enabled: true,
      token: 't0k3n',
    });
    assert.deepEqual(configFromEnvironment({ PLEIN_METRICS_TOKEN: 't0k3n', PLEIN_METRICS: 'off' }).metrics, {
      enabled: false,
    });
    assert.throws(() => configFromEnvironment({ PLEIN_METRICS: 'yes' }), /PLEIN_METRICS must be on or off/);
  });

  it('asks for the bearer token when one is set', async () => {
    const app = await appWith({ enabled: true, token: 'geheim-token' });
    assert.equal((await app.inject({ url: '/metrics' })).statusCode, 401);
    const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer geheim-tokeN' } });
    assert.equal(wrong.statusCode, 401);
    const right = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer geheim-token' } });
    assert.equal(right.statusCode, 200);
    assert.match(right.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/);
  });

  it('counts requests by route pattern and status, with a latency histogram and GraphQL operation types', async () => {
    const app = await appWith({ enabled: true, token: undefined });
    for (let i = 0; i < 3; i += 1) assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
    // A path with something in it that identifies a person or a thing must show up only as its pattern.
    await app.inject({ url: '/auth/oidc/iemands-gemeente-123/start' });
    await app.inject({ url: `/niet-bestaand/${questionId}` });
    const query = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: 'query Geheim { community(slug: "testgemeente") { name } }' },
    });
    assert.equal(query.statusCode, 200, query.body);
    const text = (await app.inject({ url: '/metrics' })).body;

    assert.equal(sample(text, 'plein_http_requests_total{method="GET",route="/healthz",status="200"}'), 3);
    assert.equal(sample(text, 'plein_http_request_duration_seconds_count{method="GET",route="/healthz"}'), 3);
    assert.equal(
      sample(text, 'plein_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/healthz"}'),
      3,
    );
    assert.match(
      text,
      /plein_http_requests_total\{method="GET",route="\/auth\/oidc\/:community\/start",status="\d+"\} 1/,
    );
    assert.match(text, /plein_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    assert.equal(sample(text, 'plein_http_requests_total{method="POST",route="/graphql",status="200"}'), 1);
    assert.equal(sample(text, 'plein_graphql_operations_total{type="query"}'), 1);
    assert.equal(sample(text, 'plein_live_connections'), 0);
    assert.equal(sample(text, 'plein_emails_total{result="sent"}'), 0);
    // No user data in any label: not the path's slug, not the id, not the operation's name.
    assert.doesNotMatch(text, /iemands-gemeente-123|niet-bestaand|Geheim/);
    assert.ok(!text.includes(questionId));
    // /metrics itself is not counted, so scraping does not change what it reports.
    assert.doesNotMatch(text, /route="\/metrics"/);
  });

  it('counts e-mails sent and failed', async () => {
    const metrics = new ServerMetrics();
    const failing: Mailer = {
      send: async () => {
        throw new Error('550 refused');
      },
      close: () => {},
    };
    const sent = metrics.countMails(new MemoryMailer());
    const refused = metrics.countMails(failing);
    const message = { to: 'a@example.org', subject: 'Onderwerp', text: 'Tekst' } as never;
    await sent.send(message);
    await sent.send(message);
    await assert.rejects(refused.send(message), /550 refused/);
    const app = await appWith({ enabled: true, token: undefined }, metrics);
    const text = (await app.inject({ url: '/metrics' })).body;
    assert.equal(sample(text, 'plein_emails_total{result="sent"}'), 2);
    assert.equal(sample(text, 'plein_emails_total{result="failed"}'), 1);
  });

  it('reports queue sizes: the moderation queue, e-mails on their way and background work', async () => {
    let releaseMail = () => {};
    const slowMailer: Mailer = {
      send: () => new Promise<void>((resolve) => (releaseMail = resolve)),
      close: () => {},
    };
    const metrics = new ServerMetrics();
    const mailer = metrics.countMails(slowMailer);
    const services = createServices(opened.store);
    let finishListener = () => {};
    services.events.on('question-asked', () => new Promise<void>((resolve) => (finishListener = resolve)));
    const app = await appWith({ enabled: true, token: undefined }, metrics, services);
    const scrape = async () => (await app.inject({ url: '/metrics' })).body;
    const db = opened.connection.db;
    const waitingInDatabase = async () =>
      (await db.selectFrom('questions').select('id').where('waiting_since', 'is not', null).execute()).length +
      (await db.selectFrom('answers').select('id').where('waiting_since', 'is not', null).execute()).length;

    const before = await scrape();
    assert.equal(sample(before, 'plein_moderation_queue_items'), await waitingInDatabase());
    assert.equal(sample(before, 'plein_emails_in_flight'), 0);
    assert.equal(sample(before, 'plein_background_tasks'), 0);

    // One more question waits for a moderator; an e-mail and a listener are under way.
    await db
      .updateTable('questions')
      .set({ waiting_since: '2026-11-29T10:00:00.000Z' })
      .where('id', '=', questionId)
      .execute();
    const sending = mailer.send({ to: 'a@example.org', subject: 'Onderwerp', text: 'Tekst' } as never);
    services.events.emit('question-asked', { question: {} as never, notifyEmail: null, locale: 'nl' });
    await new Promise((resolve) => setImmediate(resolve));
    const during = await scrape();
    assert.equal(sample(during, 'plein_moderation_queue_items'), await waitingInDatabase());
    assert.ok(sample(during, 'plein_moderation_queue_items')! > sample(before, 'plein_moderation_queue_items')!);
    assert.equal(sample(during, 'plein_emails_in_flight'), 1);
    assert.equal(sample(during, 'plein_background_tasks'), 1);

    releaseMail();
    finishListener();
    await sending;
    await services.events.settled();
    const after = await scrape();
    assert.equal(sample(after, 'plein_emails_in_flight'), 0);
    assert.equal(sample(after, 'plein_background_tasks'), 0);
    assert.equal(sample(after, 'plein_emails_total{result="sent"}'), 1);
  });
});
