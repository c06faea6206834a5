/**
 * Does Plein stay as fast when a community grows? The widget's question list (first page, and a page deep in the
 * list through its cursor) and search, at 1,000, 10,000 and 100,000 questions in one community, against a real
 * `plein start` process over HTTP; then askQuestion throughput with the whole pipeline, at the largest size.
 *
 *   npm run bench:growth -- [--engine sqlite|postgres] [--sizes 1000,10000,100000] [--seconds 5] [--clients 4]
 *                           [--ask-clients 8] [--ask-seconds 10]
 *
 * The database is seeded straight through the store (bench/growth-seed.ts) and grown in place from one size to the
 * next; the server restarts at every size. PostgreSQL gets a fresh database of its own (PLEIN_BENCH_POSTGRES_URL,
 * default the local server), dropped at the end; it is ANALYZEd after seeding, as autovacuum would do. Prints tables;
 * exits non-zero only when something fails (a server that does not start, a request that errs), never on a figure.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { QuestionsListDocument } from '@plein/schema';
import { openStore, seedIfEmpty } from '@plein/server';
import { encodeCursor } from '../packages/server/src/store/cursor.ts';
import { runAskLoad } from './ask-load.ts';
import { type BenchDatabase, type BenchEngine, createBenchDatabase } from './bench-database.ts';
import { percentile, printTable } from './bench-table.ts';
import { type ChildServer, startPleinServer, stopServer } from './child-server.ts';
import { closedLoop, describeFailures, failureCount, type LoadResult } from './closed-loop.ts';
import { addQuestions, growthCommunity } from './growth-seed.ts';
import { wholeNumber } from './options.ts';
import { runBench } from './run-bench.ts';

const COMMUNITY = 'eemsdelta';
const PAGE_SIZE = 20;
const WARM_UP_SECONDS = 1;
/** Where the deep page starts, as a fraction of the list: far enough that an OFFSET would have to walk it. */
const DEEP_FRACTION = 0.9;

interface Options {
  engine: BenchEngine;
  sizes: number[];
  seconds: number;
  clients: number;
  askClients: number;
  askSeconds: number;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      engine: { type: 'string', default: 'sqlite' },
      sizes: { type: 'string', default: '1000,10000,100000' },
      seconds: { type: 'string', default: '5' },
      clients: { type: 'string', default: '4' },
      'ask-clients': { type: 'string', default: '8' },
      'ask-seconds': { type: 'string', default: '10' },
    },
    strict: true,
  });
  if (values.engine !== 'sqlite' && values.engine !== 'postgres') {
    throw new Error(`--engine must be sqlite or postgres: "${values.engine}"`);
  }
  const sizes = values.sizes.split(',').map((size) => wholeNumber('sizes', size.trim()));
  return {
    engine: values.engine,
    sizes: [...sizes].sort((a, b) => a - b),
    seconds: wholeNumber('seconds', values.seconds),
    clients: wholeNumber('clients', values.clients),
    askClients: wholeNumber('ask-clients', values['ask-clients']),
    askSeconds: wholeNumber('ask-seconds', values['ask-seconds']),
  };
}

/** One request the benchmark repeats: a name for the table and its GraphQL body. */
interface Operation {
  name: string;
  body: string;
}

const listQuery = String(QuestionsListDocument);
/** The widget's query without `totalCount`: tells how much of a list's time is the count. Not what the widget sends. */
const listQueryWithoutCount = listQuery.replace(/^\s*totalCount\s*$/m, '');

function listBody(variables: Record<string, unknown>, query = listQuery): string {
  return JSON.stringify({ query, variables: { community: COMMUNITY, first: PAGE_SIZE, ...variables } });
}

/** The operations at one size; `deepCursor` points at the question DEEP_FRACTION down the newest-first list. */
function operations(deepCursor: string): Operation[] {
  return [
    { name: 'list, first page', body: listBody({}) },
    { name: `list, page at ${DEEP_FRACTION * 100}%`, body: listBody({ after: deepCursor }) },
    { name: 'list, first page, no totalCount *', body: listBody({}, listQueryWithoutCount) },
    {
      name: `list, page at ${DEEP_FRACTION * 100}%, no totalCount *`,
      body: listBody({ after: deepCursor }, listQueryWithoutCount),
    },
    { name: 'search "ontslag"', body: listBody({ search: 'ontslag' }) },
    { name: 'search "ziek werkgever"', body: listBody({ search: 'ziek werkgever' }) },
    {
      name: 'search "ziek werkgever", no totalCount *',
      body: listBody({ search: 'ziek werkgever' }, listQueryWithoutCount),
    },
  ];
}

interface ListResponse {
  data?: { community: { questions: { totalCount?: number; edges: unknown[] } } | null } | null;
  errors?: unknown[];
}

/** Sends an operation once and checks the answer: a page of questions, no errors. Returns the match count. */
async function check(server: ChildServer, operation: Operation): Promise<{ total: number | null; edges: number }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: operation.body,
  });
  const body = (await response.json()) as ListResponse;
  const questions = body.data?.community?.questions;
  if (response.status !== 200 || body.errors?.length || !questions || questions.edges.length === 0) {
    throw new Error(`${operation.name}: ${response.status} ${JSON.stringify(body).slice(0, 400)}`);
  }
  return { total: questions.totalCount ?? null, edges: questions.edges.length };
}

function load(server: ChildServer, operation: Operation, clients: number, seconds: number): Promise<LoadResult> {
  return closedLoop(clients, seconds, async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: operation.body,
    });
    const text = await response.text();
    if (response.status !== 200) return `HTTP ${response.status}`;
    // GraphQL reports a failing resolver with status 200; the "errors" key is the only sign.
    return text.includes('"errors":') ? 'GraphQL error' : null;
  });
}

/** The cursor the server would hand out for the question at `position` in the newest-first list. */
async function cursorAt(store: Awaited<ReturnType<typeof openStore>>, communityId: string, position: number) {
  const row = await store.connection.db
    .selectFrom('questions')
    .select(['id', 'created_at'])
    .where('community_id', '=', communityId)
    .where('publication', '=', 'PUBLISHED')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(position)
    .limit(1)
    .executeTakeFirstOrThrow();
  return encodeCursor('NEWEST', [row.created_at, row.id]);
}

function startPlein(database: BenchDatabase, children: ChildServer[]): Promise<ChildServer> {
  return startPleinServer({
    name: 'plein',
    databaseUrl: database.url,
    // The benchmark is one address sending thousands of requests: the limits would measure themselves.
    env: { PLEIN_RATE_READ: 'off', PLEIN_RATE_ASK: 'off' },
    children,
    readyTimeoutMs: 60_000,
  });
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(2));

async function run(options: Options, database: BenchDatabase, children: ChildServer[]): Promise<number> {
  const opened = await openStore(database.url);
  let failed = 0;
  try {
    const { store } = opened;
    await seedIfEmpty(store);
    const community = await growthCommunity(store, COMMUNITY);
    const demoQuestions = await store.countRows('questions');
    if (options.sizes[0]! < demoQuestions) throw new Error(`the smallest size must be at least ${demoQuestions}`);
    const now = Date.now();
    const rows: string[][] = [];
    let added = 0;

    for (const size of options.sizes) {
      const seedStarted = performance.now();
      await addQuestions(store, community, { from: added, to: size - demoQuestions }, now, (written) => {
        if (written % 20_000 === 0) process.stderr.write(`  ${added + written + demoQuestions} questions…\n`);
      });
      added = size - demoQuestions;
      await database.analyze();
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      process.stderr.write(`${size} questions in ${COMMUNITY} (seeding took ${seedSeconds.toFixed(1)} s)\n`);

      const deepCursor = await cursorAt(opened, community.id, Math.floor(size * DEEP_FRACTION));
      const server = await startPlein(database, children);
      try {
        for (const operation of operations(deepCursor)) {
          const answer = await check(server, operation);
          await load(server, operation, options.clients, WARM_UP_SECONDS);
          const result = await load(server, operation, options.clients, options.seconds);
          failed += failureCount(result);
          rows.push([
            size.toLocaleString('en'),
            operation.name,
            answer.total === null ? '' : answer.total.toLocaleString('en'),
            ms(percentile(result.latencies, 0.5)),
            ms(percentile(result.latencies, 0.99)),
            String(result.requests),
            (result.requests / result.seconds).toFixed(0),
            failureCount(result) === 0 ? '0' : `${failureCount(result)} (${describeFailures(result)})`,
          ]);
        }

        if (size === options.sizes.at(-1)) {
          process.stderr.write(`askQuestion: ${options.askClients} clients for ${options.askSeconds} s…\n`);
          const asks = await runAskLoad(server.url, options.askClients, options.askSeconds);
          failed += failureCount(asks);
          printReadTable(options, database.engine, rows);
          printAskTable(options, size, asks);
        }
      } finally {
        await stopServer(server);
        children.splice(children.indexOf(server), 1);
      }
    }
  } finally {
    await opened.connection.close();
  }
  return failed > 0 ? 1 : 0;
}

function printReadTable(options: Options, engine: BenchEngine, rows: string[][]): void {
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  console.log(
    `\nGrowth, ${engine}: ${options.clients} clients, ${WARM_UP_SECONDS} s warm-up + ${options.seconds} s per row, ` +
      `page size ${PAGE_SIZE}. Node ${process.version}, ${availableParallelism()} CPUs shared by the load and the ` +
      `server; load average ${one} ${five} ${fifteen}.`,
  );
  printTable(['questions', 'operation', 'matches', 'p50 ms', 'p99 ms', 'requests', 'req/s', 'errors'], rows, 2);
  console.log('* Not what the widget sends: the same query without totalCount, to show what the count costs.');
}

function printAskTable(options: Options, size: number, asks: Awaited<ReturnType<typeof runAskLoad>>): void {
  console.log(
    `\naskQuestion, full pipeline, into a community of ${size.toLocaleString('en')} questions: ` +
      `${options.askClients} clients for ${options.askSeconds} s, each ask its own idempotency key, device and text; ` +
      `every tenth with a phone number and an e-mail address.`,
  );
  const publications = [...asks.publications].map(([publication, count]) => `${publication} ${count}`).join(', ');
  printTable(
    ['asks', 'asks/s', 'p50 ms', 'p99 ms', 'errors', 'stored as'],
    [
      [
        String(asks.requests),
        (asks.latencies.length / asks.seconds).toFixed(1),
        ms(percentile(asks.latencies, 0.5)),
        ms(percentile(asks.latencies, 0.99)),
        failureCount(asks) === 0 ? '0' : `${failureCount(asks)} (${describeFailures(asks)})`,
        publications,
      ],
    ],
    0,
  );
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const database = await createBenchDatabase(options.engine, 'growth');
  const children: ChildServer[] = [];
  return runBench(
    () => run(options, database, children),
    async () => {
      await Promise.all(children.map((child) => stopServer(child)));
      await database.drop();
    },
  );
}

process.exitCode = await main();
