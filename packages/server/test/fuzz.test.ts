import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import {
  buildSchema,
  getNullableType,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
} from 'graphql';
import { buildApp } from '../src/app.ts';
import { widgetOperations } from '../src/graphql/persisted-operations.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

/**
 * Sends arbitrary variables to every widget operation, and arbitrary bodies to /graphql, through the real app.
 * Whatever comes in: never a 500, never an error without `extensions.code`, never an internal error, never a stack
 * trace, a source path or the name of an internal error in a response.
 */

const RUNS_PER_OPERATION = Number(process.env.PLEIN_FUZZ_RUNS ?? 200);
const RAW_RUNS = Number(process.env.PLEIN_FUZZ_RAW_RUNS ?? 1000);
/** A new seed every run, printed; PLEIN_FUZZ_SEED replays one. */
const SEED = Number(process.env.PLEIN_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const schema = buildSchema(readFileSync(fileURLToPath(import.meta.resolve('@plein/schema/schema.graphql')), 'utf8'));

/** A stack frame, a source path, or an internal error's name or code. graphql's "Syntax Error:" is public wording. */
const internals =
  /\n\s+at |\bat [\w$.<>]+ \(|\bat (?:file|node):|\.(?:ts|js|mjs|cjs):\d+|node_modules|node:internal|\b(?:TypeError|ReferenceError|RangeError|SyntaxError|AssertionError|SqliteError)\b|\b(?:FST_|MER_)?ERR_[A-Z_]{3,}/;

// ---- arbitrary values ---------------------------------------------------------------------------------------------

const controlCharacters = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '😀',
  '👩‍👩‍👧',
  'é',
  'ij',
  '"',
  "'",
  '\\',
  '<',
  '>',
  '&',
  '%',
  '$',
  '{',
  '}',
  '`',
);

/** Strings people and programs send: unicode, control characters, markup, empty, long, too long. */
const weirdString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 4 },
  { arbitrary: fc.string({ unit: controlCharacters, maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'null',
      'undefined',
      'NaN',
      'Infinity',
      '-1',
      '0',
      '1e309',
      'true',
      '{}',
      '[]',
      '__proto__',
      'constructor',
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      "'; DROP TABLE questions; --",
      '../../../../etc/passwd',
      '${7*7}{{7*7}}',
      '%00%0d%0a',
      'https://example.org/?a=1&b=2',
      'testgemeente',
      'ontslag',
    ),
    weight: 3,
  },
  { arbitrary: fc.integer({ min: 1, max: 70_000 }).map((length) => 'x'.repeat(length)), weight: 1 },
);

/** Numbers, including the ones JSON turns into something else and those GraphQL's Int cannot hold. */
const weirdNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.integer({ min: -60, max: 60 }),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1, 50, 51, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, Number.MAX_VALUE, 1e-300, 0.5),
);

/** Anything JSON can carry, nested. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  weirdNumber,
  weirdString,
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(weirdString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 60 }),
);

/** A value of roughly the declared type most of the time, anything else now and then, and sometimes left out. */
function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  let typed: fc.Arbitrary<unknown>;
  if (isListType(nullable)) {
    typed = fc.array(valueFor(nullable.ofType, depth + 1), { maxLength: depth > 2 ? 2 : 60 });
  } else if (isEnumType(nullable)) {
    typed = fc.oneof(fc.constantFrom(...nullable.getValues().map((value) => value.name)), weirdString);
  } else if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    typed = fc
      .tuple(
        fc.record(Object.fromEntries(fields.map((field) => [field.name, valueFor(field.type, depth + 1)])), {
          requiredKeys: [],
        }),
        fc.dictionary(weirdString, junk, { maxKeys: 2 }),
      )
      .map(([known, unknown]) => ({ ...unknown, ...known }));
  } else {
    switch (nullable.name) {
      case 'Int':
      case 'Float':
        typed = weirdNumber;
        break;
      case 'Boolean':
        typed = fc.boolean();
        break;
      case 'ID':
        typed = fc.oneof(weirdString, weirdNumber, fc.uuid());
        break;
      default:
        typed = weirdString;
    }
  }
  return fc.oneof(
    { arbitrary: typed, weight: 6 },
    { arbitrary: junk, weight: 1 },
    { arbitrary: fc.constant(isNonNullType(type) ? undefined : null), weight: 1 },
  );
}

function variablesFor(source: string): fc.Arbitrary<Record<string, unknown>> {
  const operation = parse(source).definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const declared = Object.fromEntries(
    (operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      valueFor(typeFromAST(schema, definition.type) as GraphQLInputType),
    ]),
  );
  return fc
    .tuple(fc.record(declared, { requiredKeys: [] }), fc.dictionary(weirdString, junk, { maxKeys: 2 }))
    .map(([known, extra]) => ({ ...extra, ...known }));
}

const headers = fc.record(
  {
    'accept-language': fc.constantFrom('nl', 'en', 'en-GB,nl;q=0.5', '*', '', 'xx'),
    'plein-device': fc.oneof(
      fc.constant('fuzz-device-0123456789'),
      weirdString.filter((text) => /^[\x20-\x7e]*$/.test(text)),
    ),
    authorization: fc.constantFrom('Bearer nonsense', 'Bearer ', 'Basic abc', 'Bearer ' + 'a'.repeat(2000)),
  },
  { requiredKeys: [] },
);

/** encodeURIComponent refuses lone surrogates; a browser would send U+FFFD instead. */
const encode = (text: string) =>
  encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

// ---- the app ------------------------------------------------------------------------------------------------------

interface Answered {
  status: number;
  text: string;
}

/** The invariants of every answer, whatever was sent. */
function check(response: Answered, what: string): void {
  assert.ok(response.status < 500, `${what}: ${response.status} ${response.text.slice(0, 500)}`);
  assert.doesNotMatch(response.text, internals, `${what}: ${response.text.slice(0, 500)}`);
  let body: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined;
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    // Not JSON: only the pages outside /graphql answer in HTML; /graphql always answers JSON.
    assert.fail(`${what}: not JSON: ${response.text.slice(0, 200)}`);
  }
  for (const error of body?.errors ?? []) {
    assert.equal(
      typeof error.extensions?.code,
      'string',
      `${what}: an error without a code: ${response.text.slice(0, 500)}`,
    );
    assert.notEqual(error.extensions?.code, 'INTERNAL_SERVER_ERROR', `${what}: ${response.text.slice(0, 500)}`);
    assert.equal(typeof error.message, 'string');
  }
  if (response.status >= 400) assert.ok(body?.errors?.length, `${what}: ${response.status} without errors`);
}

/** fc.assert, with the failed assertion in the message: node's reporter does not print an error's cause. */
async function assertProperty<T extends [unknown, ...unknown[]]>(
  property: fc.IAsyncProperty<T>,
  numRuns: number,
): Promise<void> {
  try {
    await fc.assert(property, { numRuns, seed: SEED });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw new Error(
      `${(error as Error).message.slice(0, 3000)}\nFailed: ${cause instanceof Error ? cause.message : String(cause)}`.slice(
        0,
        6000,
      ),
    );
  }
}

describe('fuzzing /graphql', () => {
  let database: TestDatabase;
  let opened: OpenedStore;
  let app: FastifyInstance;
  let cases = 0;
  const logLines: string[] = [];

  before(async () => {
    database = freshSqliteDatabase();
    opened = await openStore(database.url);
    await seedCommunity(opened.store, fixtureCommunity, fixedClock);
    app = await buildApp({
      store: opened.store,
      services: createServices(opened.store),
      logLevel: 'error',
      logStream: { write: (line) => void logLines.push(line) },
    });
  });

  after(async () => {
    console.log(`fuzz cases sent through the app: ${cases} (seed ${SEED}; replay with PLEIN_FUZZ_SEED=${SEED})`);
    await app.close();
    await opened.connection.close();
    await database.drop();
  });

  it(`sends ${RUNS_PER_OPERATION} sets of arbitrary variables to every widget operation`, async () => {
    const operations = widgetOperations();
    const before = cases;
    for (const operation of operations) {
      await assertProperty(
        fc.asyncProperty(variablesFor(operation.source), headers, async (variables, extraHeaders) => {
          cases += 1;
          const response = await app.inject({
            method: 'POST',
            url: '/graphql',
            headers: { 'content-type': 'application/json', host: 'localhost:4000', ...extraHeaders },
            payload: JSON.stringify({ query: operation.source, operationName: operation.name, variables }),
          });
          check({ status: response.statusCode, text: response.body }, operation.name);
        }),
        RUNS_PER_OPERATION,
      );
    }
    console.log(
      `fuzzed variables: ${operations.length} operations × ${RUNS_PER_OPERATION} runs = ${cases - before} requests`,
    );
    assert.deepEqual(logLines, [], 'no failure was logged');
  });

  it(`sends ${RAW_RUNS} arbitrary bodies, content types and documents`, async () => {
    const documents = widgetOperations().map((operation) => operation.source);
    /** A widget document cut, spliced or padded: the parser and the validation see everything. */
    const brokenDocument = fc
      .tuple(fc.constantFrom(...documents), fc.nat(), fc.nat(), weirdString)
      .map(([document, from, length, insert]) => {
        const start = from % (document.length + 1);
        return document.slice(0, start) + insert + document.slice(start + (length % 40));
      });
    const query = fc.oneof(brokenDocument, weirdString, fc.constantFrom(...documents));
    const jsonBody = fc.oneof(
      fc
        .record(
          {
            query: fc.oneof(query, junk),
            variables: fc.oneof(junk, fc.constant({})),
            operationName: fc.oneof(weirdString, junk),
          },
          { requiredKeys: [] },
        )
        .map((body) => JSON.stringify(body)),
      junk.map((value) => JSON.stringify(value) ?? 'null'),
      fc.array(fc.record({ query }), { maxLength: 3 }).map((batch) => JSON.stringify(batch)),
      fc.constantFrom('{', '{"query":', '{"query": "{ __typename }"', '[', ']', '"', '', ' ', '\u0000', '{"a":1}}'),
      fc.constantFrom('['.repeat(5000), '{"a":'.repeat(3000), `{"query":"${'{'.repeat(5000)}"}`),
      weirdString,
    );
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/graphql',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'text/html',
      'application/octet-stream',
      '',
      'nonsense',
    );
    const request = fc.oneof(
      fc.record({ method: fc.constant('POST' as const), contentType, body: jsonBody }),
      fc.record({
        method: fc.constant('GET' as const),
        contentType: fc.constant(''),
        body: fc.oneof(
          query.map((text) => `query=${encode(text)}`),
          fc
            .tuple(query, weirdString)
            .map(([text, variables]) => `query=${encode(text)}&variables=${encode(variables)}`),
          weirdString.map((text) => encode(text)),
          fc.constantFrom('query=a&query=b', 'query=%E0%A4%A', 'query=%', 'variables=%7B%7D'),
        ),
      }),
    );
    const before = cases;
    await assertProperty(
      fc.asyncProperty(request, headers, async ({ method, contentType: type, body }, extraHeaders) => {
        cases += 1;
        const response = await app.inject({
          method,
          url: method === 'GET' ? `/graphql?${body}` : '/graphql',
          headers: { host: 'localhost:4000', ...(type && { 'content-type': type }), ...extraHeaders },
          ...(method === 'POST' && { payload: body }),
        });
        check({ status: response.statusCode, text: response.body }, `${method} ${type} ${body.slice(0, 200)}`);
      }),
      RAW_RUNS,
    );
    console.log(`fuzzed raw requests: ${cases - before}`);
    assert.deepEqual(logLines, [], 'no failure was logged');
  });
});
