import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { AnswerAddedDocument, QuestionsListDocument } from '@plein/schema';
import type { FastifyInstance } from 'fastify';
import {
  buildSchema,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
  validate,
} from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type AppOptions, buildApp } from '../src/app.ts';
import { configFromEnvironment } from '../src/config.ts';
import {
  ASSUMED_LIST_SIZE,
  defaultGraphQLLimits,
  graphqlValidationRules,
  measureOperation,
  type OperationMeasure,
} from '../src/graphql/limits.ts';
import { operationHash, widgetOperations } from '../src/graphql/persisted-operations.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import type { GraphQLBody } from './api-harness.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

const schema = buildSchema(readFileSync(fileURLToPath(import.meta.resolve('@plein/schema/schema.graphql')), 'utf8'));
const limits = defaultGraphQLLimits;
const COMMUNITY = 'testgemeente';

/** A stack frame, a source path or an internal error name: nothing of the kind may reach a caller. */
const internals = /\bat [\w.<>]+ \(|\.(?:ts|js|mjs|cjs):\d+|node_modules|\/src\/|\b(?:Type|Reference|Syntax)?Error: /;

interface TestApp {
  app: FastifyInstance;
  post(
    payload: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody; text: string }>;
  close(): Promise<void>;
}

async function startApp(
  options: Partial<AppOptions> = {},
  opened?: OpenedStore,
): Promise<TestApp & { opened: OpenedStore }> {
  let database: TestDatabase | undefined;
  if (!opened) {
    database = freshSqliteDatabase();
    opened = await openStore(database.url);
    await seedCommunity(opened.store, fixtureCommunity, fixedClock);
  }
  const store = opened;
  const app = await buildApp({
    store: store.store,
    services: createServices(store.store),
    logLevel: 'silent',
    ...options,
  });
  return {
    app,
    opened: store,
    async post(payload, headers = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', host: 'localhost:4000', ...headers },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      return { status: response.statusCode, body: response.json() as GraphQLBody, text: response.body };
    },
    async close() {
      await app.close();
      if (database) {
        await store.connection.close();
        await database.drop();
      }
    },
  };
}

function measure(source: string): OperationMeasure {
  const document = parse(source);
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return measureOperation(schema, operation, (name) => fragments.get(name));
}

/** Asserts a refusal: the code, a message in the caller's language, nothing internal. */
function assertRefused(
  response: { status: number; body: GraphQLBody; text: string },
  code: string,
  status?: number,
): void {
  if (status) assert.equal(response.status, status, response.text);
  assert.equal(response.body.data ?? null, null);
  assert.ok(response.body.errors?.length, response.text);
  for (const error of response.body.errors!) {
    assert.equal(error.extensions?.code, code, response.text);
    assert.ok(error.message.length > 10);
  }
  assert.doesNotMatch(response.text, internals);
}

/** Values a widget would send: the fixture's community, real ids, ordinary Dutch text. */
function realisticValue(name: string, type: GraphQLInputType, ids: { question: string; answer: string }): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    return [realisticValue(name.replace(/s$/, ''), nullable.ofType, ids)];
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields()).map((field) => [field.name, realisticValue(field.name, field.type, ids)]),
    );
  }
  switch (named.name) {
    case 'Int':
      return name === 'first' ? 20 : 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2026-11-01T12:00:00.000Z';
    case 'ID':
      return /answer/i.test(name) ? ids.answer : ids.question;
  }
  const texts: Record<string, unknown> = {
    community: COMMUNITY,
    topic: 'ontslag',
    title: 'Mag mijn werkgever mij ontslaan terwijl ik ziek ben?',
    body: 'Ik ben al een maand ziek en mijn werkgever wil mij nu ontslaan. Wat kan ik het beste doen?',
    search: 'ontslag',
    text: 'ontslag tijdens ziekte',
    email: 'inwoner@example.org',
    notifyEmail: 'inwoner@example.org',
    after: null,
    sourceUrl: 'https://wetten.overheid.nl/BWBR0001886',
    photoUrl: 'https://www.example.org/foto.jpg',
    reviewedOn: '2026-10-01',
    validUntil: '2027-10-01',
  };
  if (name in texts) return texts[name];
  if (/key$/i.test(name)) return randomUUID();
  if (/token$/i.test(name)) return 'o'.repeat(43);
  return 'Een gewone tekst van een inwoner van de gemeente.';
}

function realisticVariables(source: string, ids: { question: string; answer: string }): Record<string, unknown> {
  const operation = parse(source).definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((definition) => {
      const type = typeFromAST(schema, definition.type) as GraphQLInputType;
      return [definition.variable.name.value, realisticValue(definition.variable.name.value, type, ids)];
    }),
  );
}

describe('GraphQL limits', () => {
  let api: TestApp & { opened: OpenedStore };
  let ids: { question: string; answer: string };

  before(async () => {
    api = await startApp();
    const list = await api.post({
      query: `{ community(slug: "${COMMUNITY}") { questions(first: 50) { edges { node { id answers(first: 1) { edges { node { id } } } } } } } }`,
    });
    const answered = list.body.data.community.questions.edges
      .map((edge: { node: { id: string; answers: { edges: { node: { id: string } }[] } } }) => edge.node)
      .find((node: { answers: { edges: unknown[] } }) => node.answers.edges.length > 0);
    ids = { question: answered.id, answer: answered.answers.edges[0].node.id };
  });

  after(() => api.close());

  it('measures every widget operation well within the limits, and prints the figures', () => {
    const operations = widgetOperations();
    assert.ok(operations.length >= 30, `found ${operations.length} widget operations`);
    const rows = operations.map((operation) => ({
      operation: operation.name,
      type: operation.type,
      ...measure(operation.source),
      bytes: Buffer.byteLength(operation.source),
    }));
    console.log(
      `limits: depth ${limits.maxDepth}, aliases ${limits.maxAliases}, cost ${limits.maxCost}, ` +
        `document ${limits.maxDocumentBytes} bytes, ${limits.maxOperations} operation per request ` +
        `(lists without first count ${ASSUMED_LIST_SIZE}, first from a variable counts 50)`,
    );
    console.table(rows);
    const deepest = Math.max(...rows.map((row) => row.depth));
    const costliest = Math.max(...rows.map((row) => row.cost));
    const largest = Math.max(...rows.map((row) => row.bytes));
    console.log(
      `widget operations: ${rows.length}; deepest ${deepest} (limit ${limits.maxDepth}), ` +
        `most aliases ${Math.max(...rows.map((row) => row.aliases))} (limit ${limits.maxAliases}), ` +
        `costliest ${costliest} (limit ${limits.maxCost}), largest ${largest} bytes (limit ${limits.maxDocumentBytes})`,
    );
    assert.ok(deepest <= limits.maxDepth - 3, 'room for three more levels');
    assert.ok(costliest <= limits.maxCost / 2, 'at most half the cost limit');
    // The report (a dashboard of 20 figures in one request) is the largest at about 2.1 KB: an eighth leaves it room.
    assert.ok(largest <= limits.maxDocumentBytes / 8, 'at most an eighth of the size limit');
    for (const operation of operations) {
      assert.deepEqual(
        validate(schema, parse(operation.source), graphqlValidationRules({ limits, introspection: false })),
        [],
        operation.name,
      );
    }
  });

  it('runs every widget query and mutation with realistic variables without meeting a limit', async () => {
    for (const operation of widgetOperations().filter((candidate) => candidate.type !== 'subscription')) {
      const response = await api.post(
        {
          query: operation.source,
          operationName: operation.name,
          variables: realisticVariables(operation.source, ids),
        },
        { 'plein-device': 'limits-test-device-0001' },
      );
      assert.ok(response.status < 500, `${operation.name}: ${response.text}`);
      for (const error of response.body.errors ?? []) {
        assert.ok(
          !['QUERY_TOO_COMPLEX', 'PERSISTED_OPERATION_NOT_FOUND', 'INTROSPECTION_DISABLED', 'BAD_REQUEST'].includes(
            error.extensions?.code ?? '',
          ),
          `${operation.name}: ${response.text}`,
        );
      }
      assert.doesNotMatch(response.text, internals, operation.name);
    }
  });

  it('refuses a deliberately deep query', async () => {
    const deep =
      'query Deep { community(slug: "testgemeente") { questions { edges { node { answers { edges { node { author ' +
      '{ expert { topics { name } } } } } } } } } } }';
    assert.equal(measure(deep).depth, 11);
    assertRefused(await api.post({ query: deep }), 'QUERY_TOO_COMPLEX', 200);
    // English when the caller prefers it.
    const english = await api.post({ query: deep }, { 'accept-language': 'en' });
    assert.match(english.body.errors![0]!.message, /too large or too complex/);
  });

  it('refuses a wide query with many aliases', async () => {
    const fields = Array.from(
      { length: limits.maxAliases + 1 },
      (_, i) => `a${i}: community(slug: "${COMMUNITY}") { id }`,
    );
    assertRefused(await api.post({ query: `query Wide { ${fields.join(' ')} }` }), 'QUERY_TOO_COMPLEX', 200);
    const allowed = await api.post({ query: `query Wide { ${fields.slice(1).join(' ')} }` });
    assert.equal(allowed.body.errors, undefined, allowed.text);
  });

  it('refuses a costly query with large first values, and nested pages that multiply', async () => {
    const costly =
      'query Costly { community(slug: "testgemeente") { questions(first: 1000) { edges { node { id ' +
      'answers(first: 1000) { edges { node { body } } } } } } } }';
    assert.ok(measure(costly).cost > limits.maxCost);
    assertRefused(await api.post({ query: costly }), 'QUERY_TOO_COMPLEX', 200);
    // Within the page limit of 50, two nested pages of everything still cost too much.
    const nested =
      'query Nested($first: Int) { community(slug: "testgemeente") { questions(first: $first) { edges { node { ' +
      'id title body answers(first: $first) { edges { node { id body createdAt helpfulCount author { displayName role } } } } } } } } }';
    assert.ok(measure(nested).cost > limits.maxCost, `cost ${measure(nested).cost}`);
    assertRefused(await api.post({ query: nested, variables: { first: 2 } }), 'QUERY_TOO_COMPLEX', 200);
  });

  it('measures a fragment bomb in time that follows its length, not its expansion', () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Community { ${i === 29 ? 'id' : `...F${i + 1} ...F${i + 1}`} }`,
    );
    const bomb = `query Bomb { community(slug: "x") { ...F0 } } ${fragments.join(' ')}`;
    const started = process.hrtime.bigint();
    const errors = validate(schema, parse(bomb), graphqlValidationRules({ limits, introspection: true }));
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`fragment bomb (30 fragments, 2^30 expanded) measured and refused in ${milliseconds.toFixed(1)} ms`);
    assert.ok(errors.some((error) => error.message.startsWith('costs more than')));
  });

  it('refuses an oversized document before parsing it', async () => {
    const padding = '#'.repeat(limits.maxDocumentBytes);
    const response = await api.post({ query: `query Big { community(slug: "${COMMUNITY}") { id } }\n${padding}` });
    assertRefused(response, 'QUERY_TOO_COMPLEX', 400);
  });

  it('refuses batching and documents with more than one operation', async () => {
    const one = { query: `query One { community(slug: "${COMMUNITY}") { id } }` };
    assertRefused(await api.post([one, one]), 'QUERY_TOO_COMPLEX', 400);
    const two = `query One { community(slug: "${COMMUNITY}") { id } } query Two { community(slug: "${COMMUNITY}") { name } }`;
    assertRefused(await api.post({ query: two, operationName: 'One' }), 'QUERY_TOO_COMPLEX', 200);
  });

  it('refuses a request body over 64 KB with 413 and a short JSON error', async () => {
    const response = await api.post({
      query: `query One { community(slug: "${COMMUNITY}") { id } }`,
      variables: { padding: 'x'.repeat(64 * 1024) },
    });
    assertRefused(response, 'BAD_REQUEST', 413);
    assert.ok(response.text.length < 300, response.text);
    // The largest legitimate write, a 5,000-character answer of control characters escaped in JSON, still fits.
    const answer = { input: { questionId: ids.question, body: '\u0001'.repeat(5000), idempotencyKey: randomUUID() } };
    const allowed = await api.post({
      query: 'mutation Answer($input: AnswerQuestionInput!) { answerQuestion(input: $input) { errors { code } } }',
      variables: answer,
    });
    assert.ok(Buffer.byteLength(JSON.stringify(answer)) > 30_000);
    assert.notEqual(allowed.status, 413);
  });

  it('answers introspection in development and refuses it in production', async () => {
    const introspection = `query Schema { __schema { queryType { name } } }`;
    const development = await api.post({ query: introspection });
    assert.equal(development.body.data.__schema.queryType.name, 'Query');
    const production = await startApp({ introspection: false }, api.opened);
    try {
      assertRefused(await production.post({ query: introspection }), 'INTROSPECTION_DISABLED');
      assertRefused(
        await production.post({ query: '{ __type(name: "Question") { name } }' }),
        'INTROSPECTION_DISABLED',
      );
      const typename = await production.post({ query: `{ community(slug: "${COMMUNITY}") { __typename } }` });
      assert.equal(typename.body.data.community.__typename, 'Community');
    } finally {
      await production.close();
    }
    assert.equal(configFromEnvironment({ NODE_ENV: 'production' }).introspection, false);
    assert.equal(configFromEnvironment({ NODE_ENV: 'production', PLEIN_INTROSPECTION: 'on' }).introspection, true);
    assert.equal(configFromEnvironment({}).introspection, true);
    assert.equal(configFromEnvironment({ PLEIN_INTROSPECTION: 'off' }).introspection, false);
    assert.throws(() => configFromEnvironment({ PLEIN_INTROSPECTION: 'maybe' }), /PLEIN_INTROSPECTION/);
  });
});

describe('persisted operations (PLEIN_PERSISTED_OPERATIONS=only)', () => {
  let api: TestApp & { opened: OpenedStore };
  let url: string;
  const list = String(QuestionsListDocument);

  before(async () => {
    api = await startApp({ persistedOperations: 'only' });
    url = await api.app.listen({ port: 0, host: '127.0.0.1' });
  });

  after(() => api.close());

  it('builds the allowlist from every generated widget document', () => {
    const operations = widgetOperations();
    const names = operations.map((operation) => operation.name);
    assert.ok(names.includes('QuestionsList') && names.includes('AskQuestion') && names.includes('AnswerAdded'));
    assert.equal(new Set(operations.map((operation) => operationHash(operation.source))).size, operations.length);
    console.log(`persisted operations: ${operations.length} widget documents in the allowlist`);
  });

  it('accepts a known document as the client sends it, by POST and by GET', async () => {
    const response = await api.post({
      query: list,
      operationName: 'QuestionsList',
      variables: { community: COMMUNITY, first: 5 },
    });
    assert.equal(response.body.errors, undefined, response.text);
    assert.ok(response.body.data.community.questions.edges.length > 0);
    const get = await api.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent(list)}&variables=${encodeURIComponent(JSON.stringify({ community: COMMUNITY }))}`,
      headers: { host: 'localhost:4000' },
    });
    assert.equal(get.statusCode, 200, get.body);
  });

  it('refuses a modified document, a hand-written one and introspection', async () => {
    const modified = list.replace('title', 'title body');
    assert.notEqual(modified, list);
    assertRefused(
      await api.post({ query: modified, variables: { community: COMMUNITY } }),
      'PERSISTED_OPERATION_NOT_FOUND',
      400,
    );
    assertRefused(await api.post({ query: `${list} ` }), 'PERSISTED_OPERATION_NOT_FOUND', 400);
    assertRefused(
      await api.post({ query: `{ community(slug: "${COMMUNITY}") { id } }` }),
      'PERSISTED_OPERATION_NOT_FOUND',
      400,
    );
    assertRefused(await api.post({ query: '{ __schema { types { name } } }' }), 'PERSISTED_OPERATION_NOT_FOUND', 400);
    const english = await api.post({ query: '{ __typename }' }, { 'accept-language': 'en-GB' });
    assert.match(english.body.errors![0]!.message, /only accepts the Plein widgets' requests/);
  });

  it('applies the allowlist and the limits to WebSocket subscriptions too', async () => {
    const client = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const refusal = (query: string) =>
      new Promise<unknown>((resolve) => {
        client.subscribe(
          { query, variables: { questionId: 'x' } },
          {
            next: (result) => resolve(result),
            error: (error) => resolve(error),
            complete: () => resolve('complete'),
          },
        );
      });
    try {
      const modified = String(AnswerAddedDocument).replace('body', 'body helpfulCount');
      const result = JSON.stringify(await refusal(modified));
      assert.match(result, /PERSISTED_OPERATION_NOT_FOUND/, result);
      assert.doesNotMatch(result, internals);
    } finally {
      await client.dispose();
    }
  });
});

describe('subscriptions without persisted operations', () => {
  it('refuse a subscription with too many aliases', async () => {
    const api = await startApp();
    const url = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const client = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const fields = Array.from(
        { length: limits.maxAliases + 1 },
        (_, i) => `a${i}: answerAdded(questionId: $id) { id }`,
      );
      const result = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: `subscription Wide($id: ID!) { ${fields.join(' ')} }`, variables: { id: 'x' } },
          {
            next: resolve,
            error: resolve,
            complete: () => resolve('complete'),
          },
        );
      });
      assert.match(JSON.stringify(result), /QUERY_TOO_COMPLEX/, JSON.stringify(result));
    } finally {
      await client.dispose();
      await api.close();
    }
  });
});
