import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AskQuestionDocument, QuestionsListDocument, QuestionThreadDocument } from '@plein/schema';
import { createServices } from '../src/services/services.ts';
import { type ApiHarness, startApiHarness } from './api-harness.ts';
import { fixedClock } from './fixture-community.ts';

const ask = String(AskQuestionDocument);
const list = String(QuestionsListDocument);
const thread = String(QuestionThreadDocument);

const askVariables = (overrides: Record<string, unknown> = {}) => ({
  input: {
    community: 'testgemeente',
    topic: 'ww',
    title: 'Moet ik mijn vakantiegeld opgeven bij het UWV?',
    body: 'Ik krijg in mei vakantiegeld van mijn oude werkgever. Moet ik dat doorgeven aan het UWV?',
    idempotencyKey: `api-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  },
});

/** Nothing internal may leak: no stack traces, file paths or SQL in any response. */
function assertNothingLeaks(body: unknown) {
  const text = JSON.stringify(body);
  for (const leak of ['stack', '/work/', 'node_modules', 'SQLITE', 'select ', 'TypeError', 'ReferenceError']) {
    assert.ok(!text.includes(leak), `response contains "${leak}": ${text.slice(0, 300)}`);
  }
  assert.doesNotMatch(text, /\bat .*:\d+:\d+/, 'no stack frames');
}

describe('GraphQL API', () => {
  let api: ApiHarness;
  before(async () => {
    // The fixture's clock, so verifications and edit windows do not depend on the day the test runs.
    api = await startApiHarness({ services: (store) => createServices(store, fixedClock) });
  });
  after(() => api.close());

  it('returns the community with topics and the first page of questions', async () => {
    const { status, body } = await api.graphql(list, { community: 'testgemeente', first: 2 });
    assert.equal(status, 200);
    assert.equal(body.errors, undefined);
    const questions = body.data.community.questions;
    assert.equal(questions.totalCount, 5);
    assert.equal(questions.edges.length, 2);
    assert.equal(questions.edges[0].node.title, 'Gedeeltelijk werken naast mijn WW-uitkering');
    assert.equal(questions.edges[0].node.topic.name, 'WW aanvragen, hoogte en duur');
    assert.equal(questions.pageInfo.hasNextPage, true);
  });

  it("gives a question's text in a list too, loaded only when asked for", async () => {
    const { body } = await api.graphql(
      '{ community(slug: "testgemeente") { questions(first: 2) { edges { node { title body } } } } }',
    );
    assert.deepEqual(body.data.community.questions.edges[0].node, {
      title: 'Gedeeltelijk werken naast mijn WW-uitkering',
      body: 'Ik kan een paar uur per week werken. Wat gebeurt er dan met mijn uitkering?',
    });
  });

  it('shows a thread with the accepted answer first, then expert answers marked with the expert', async () => {
    const listed = await api.graphql(list, { community: 'testgemeente', status: 'RESOLVED' });
    const id = listed.body.data.community.questions.edges[0].node.id;
    const { body } = await api.graphql(thread, { id, first: 10 });
    const answers = body.data.question.answers.edges.map((e: { node: unknown }) => e.node);
    assert.equal(answers[0].isAccepted, true);
    assert.equal(answers[0].author.role, 'CITIZEN');
    assert.equal(answers[1].author.role, 'EXPERT');
    assert.deepEqual(answers[1].author.expert, {
      id: answers[1].author.expert.id,
      displayName: 'Els Testadviseur',
      title: 'Onafhankelijk arbeidsadviseur',
      organisation: 'Adviespraktijk Test',
      independent: true,
      independence: 'INDEPENDENT',
      independenceNote: null,
      verified: true,
    });
    assert.equal(answers[1].isAccepted, false);
    assert.equal(body.data.question.hasExpertAnswer, true);
    assert.equal(body.data.question.acceptedAnswer.id, answers[0].id);
  });

  it('asks once per idempotency key and returns the owner token once', async () => {
    const variables = askVariables();
    const first = await api.graphql(ask, variables);
    const second = await api.graphql(ask, variables);
    assert.deepEqual(first.body.data.askQuestion.errors, []);
    assert.ok(first.body.data.askQuestion.ownerToken);
    assert.equal(second.body.data.askQuestion.question.id, first.body.data.askQuestion.question.id);
    assert.equal(second.body.data.askQuestion.ownerToken, null);
  });

  it('returns user errors with Dutch messages, and English ones on request', async () => {
    const { body } = await api.graphql(ask, askVariables({ title: 'Hoi', topic: 'onbekend' }));
    assert.deepEqual(body.data.askQuestion.errors, [
      { field: 'title', code: 'TOO_SHORT', message: 'Schrijf minstens 10 tekens.' },
    ]);
    const unknownTopic = await api.graphql(ask, askVariables({ topic: 'onbekend' }));
    assert.deepEqual(unknownTopic.body.data.askQuestion.errors, [
      { field: 'topic', code: 'UNKNOWN_TOPIC', message: 'Kies een onderwerp uit de lijst.' },
    ]);
    const english = await api.graphql(ask, askVariables({ body: 'x'.repeat(5001) }), { 'accept-language': 'en-GB,en' });
    assert.deepEqual(english.body.data.askQuestion.errors, [
      { field: 'body', code: 'TOO_LONG', message: 'Use no more than 5000 characters.' },
    ]);
  });

  it('answers for an unknown community or question with null and clear errors', async () => {
    const community = await api.graphql(list, { community: 'bestaat-niet' });
    assert.equal(community.status, 200);
    assert.equal(community.body.data.community, null);
    const question = await api.graphql(thread, { id: 'bestaat-niet' });
    assert.equal(question.body.data.question, null);
    const unknown = await api.graphql(ask, askVariables({ community: 'bestaat-niet' }));
    assert.equal(unknown.body.data.askQuestion.errors[0].message, 'Deze community bestaat niet.');
  });

  it('refuses forged cursors, bad page sizes and unknown topics as BAD_USER_INPUT', async () => {
    for (const variables of [
      { community: 'testgemeente', after: 'WyJORVdFU1QiLDEsMl0' },
      { community: 'testgemeente', first: -1 },
      { community: 'testgemeente', topic: 'geen-onderwerp' },
    ]) {
      const { status, body } = await api.graphql(list, variables);
      assert.equal(status, 200);
      // `questions` is non-null, so its error makes the community null, as GraphQL prescribes.
      assert.equal(body.data.community, null);
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assertNothingLeaks(body);
    }
    const { body } = await api.graphql(list, { community: 'testgemeente', after: 'WyJORVdFU1QiLDEsMl0' });
    assert.equal(body.errors?.[0]?.message, 'Deze pagina bestaat niet. Laad de lijst opnieuw.');
  });

  it('gives 400 with a readable error for malformed GraphQL and wrong types, never a 500', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['{ community(slug: "testgemeente") { name ', {}],
      ['{ community(slug: "testgemeente") { doesNotExist } }', {}],
      [list, { community: 42 }],
      [list, { community: 'testgemeente', first: 'veel' }],
      [ask, { input: { community: 'testgemeente' } }],
    ];
    for (const [query, variables] of cases) {
      const { status, body } = await api.graphql(query, variables);
      assert.equal(status, 400, `${query.slice(0, 40)} gave ${status}`);
      assert.ok(body.errors?.[0]?.message, 'an error message');
      assertNothingLeaks(body);
    }
  });

  it('refuses bodies that are not JSON or too large with a short error', async () => {
    const notJson = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: '{"query": ',
    });
    assert.equal(notJson.statusCode, 400);
    assertNothingLeaks(notJson.json());
    const huge = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: list, variables: { community: 'x'.repeat(400_000) } }),
    });
    assert.equal(huge.statusCode, 413);
    assertNothingLeaks(huge.json());
  });

  it('writes nothing when a mutation fails validation', async () => {
    const before = await api.opened.store.countRows('questions');
    await api.graphql(ask, askVariables({ body: '' }));
    await api.graphql(ask, askVariables({ notifyEmail: 'niet@' }));
    assert.equal(await api.opened.store.countRows('questions'), before);
    assert.equal(await api.opened.store.countRows('notification_subscriptions'), 0);
  });

  describe('origins', () => {
    const origin = 'https://www.testgemeente.nl';

    it('refuses a browser call from a page no community registered', async () => {
      const { status, body } = await api.graphql(list, { community: 'testgemeente' }, { origin });
      assert.equal(status, 403);
      assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      const preflight = await api.app.inject({
        method: 'OPTIONS',
        url: '/graphql',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    });

    it('allows the server own pages and registered origins, and only for their community', async () => {
      const own = await api.graphql(list, { community: 'testgemeente' }, { origin: 'http://localhost:4000' });
      assert.equal(own.status, 200);
      assert.equal(own.body.errors, undefined);

      await api.app.inject({ method: 'GET', url: '/healthz' });
      const services = (await import('../src/services/services.ts')).createServices(api.opened.store);
      await services.communities.allowOrigin('testgemeente', origin);
      await services.communities.create('buren', 'De buren');
      await services.communities.allowOrigin('buren', 'https://www.buren.nl');
      // The running app reads the allowlist again after its short cache time; a fresh app sees it at once.
      const { buildApp } = await import('../src/app.ts');
      const app = await buildApp({ store: api.opened.store, services, logLevel: 'silent' });
      const call = (from: string, community: string) =>
        app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json', origin: from },
          payload: JSON.stringify({ query: list, variables: { community } }),
        });
      const allowed = await call(origin, 'testgemeente');
      assert.equal(allowed.statusCode, 200);
      assert.equal(allowed.headers['access-control-allow-origin'], origin);
      const otherCommunity = await call('https://www.buren.nl', 'testgemeente');
      assert.equal(otherCommunity.json().errors[0].extensions.code, 'FORBIDDEN');
      assert.equal(otherCommunity.json().data.community, null);
      await app.close();
    });
  });

  it('reports health and readiness', async () => {
    assert.equal((await api.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    const ready = await api.app.inject({ method: 'GET', url: '/readyz' });
    assert.deepEqual(ready.json(), { status: 'ready' });
  });
});
