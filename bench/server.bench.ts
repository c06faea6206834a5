/**
 * Throughput and latency of Plein's two busiest reads (the widget's question list and a question thread), against a
 * bare graphql-yoga server that reads the same SQLite file with hand-written SQL (bench/yoga-baseline.ts).
 *
 *   npx tsx bench/server.bench.ts [--duration 10] [--connections 50]
 *
 * Prints figures and compares them with the targets; a target that is not met does not fail the run. It exits
 * non-zero only when a server does not start or answers with errors.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { QuestionThreadDocument, QuestionsListDocument } from '@plein/schema';
import { openStore, seedIfEmpty } from '@plein/server';
import autocannon, { type Result } from 'autocannon';
import {
  type ChildServer,
  freePort,
  spawnServer,
  startPleinServer,
  stopServer,
  waitUntilReady,
} from './child-server.ts';
import { wholeNumber } from './options.ts';

const WARM_UP_SECONDS = 2;
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

const targets = { listRequestsPerSecond: 4000, listP99Ms: 25, listRatioToYoga: 1.5 };

interface Query {
  name: 'list' | 'thread';
  body: string;
}

interface Measurement {
  server: string;
  query: Query['name'];
  result: Result;
}

function parseOptions(argv: string[]): { duration: number; connections: number } {
  const { values } = parseArgs({
    args: argv,
    options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
    strict: true,
  });
  return {
    duration: wholeNumber('duration', values.duration),
    connections: wholeNumber('connections', values.connections),
  };
}

/** Seeds the demo into a new SQLite file; returns the id of the question with the most answers. */
async function seedDatabase(path: string): Promise<{ threadId: string; answers: number }> {
  const { connection, store } = await openStore(`sqlite:${path}`);
  try {
    const seeded = await seedIfEmpty(store);
    if (!seeded) throw new Error(`${path} was not empty`);
    const busiest = await connection.db
      .selectFrom('questions')
      .select(['id', 'answer_count'])
      .orderBy('answer_count', 'desc')
      // Ids are random: the title picks the same question among equals on every run.
      .orderBy('title')
      .limit(1)
      .executeTakeFirstOrThrow();
    console.log(`Seeded eemsdelta: ${seeded.questions} questions, ${seeded.answers} answers.`);
    return { threadId: busiest.id, answers: busiest.answer_count };
  } finally {
    await connection.close();
  }
}

interface GraphqlResponse {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

async function postGraphql(server: ChildServer, body: string): Promise<GraphqlResponse> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${server.name} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as GraphqlResponse;
}

/** The path to the first place where two JSON values differ, for a readable mismatch report. */
function firstDifference(a: unknown, b: unknown, path = 'data'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const difference = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (difference) return difference;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
}

/** Asks both servers once; throws on errors or empty data, and reports whether the data are equal. */
async function compareShapes(plein: ChildServer, yoga: ChildServer, query: Query): Promise<boolean> {
  const [fromPlein, fromYoga] = await Promise.all([postGraphql(plein, query.body), postGraphql(yoga, query.body)]);
  for (const [server, response] of [
    [plein, fromPlein],
    [yoga, fromYoga],
  ] as const) {
    const root = response.data ? Object.values(response.data)[0] : null;
    if (response.errors?.length || !root) {
      throw new Error(`${server.name} answered the ${query.name} query with ${JSON.stringify(response).slice(0, 500)}`);
    }
  }
  const difference = firstDifference(fromPlein.data, fromYoga.data);
  console.log(`Same data from both servers for the ${query.name} query: ${difference ? `NO (${difference})` : 'yes'}`);
  return difference === null;
}

async function load(server: ChildServer, query: Query, seconds: number, connections: number): Promise<Result> {
  return autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: query.body,
    connections,
    duration: seconds,
    // GraphQL reports resolver failures with status 200; an "errors" key is the only way to see them.
    verifyBody: (body) => !body.includes('"errors":'),
  });
}

const errorCount = (result: Result) => result.errors + result.non2xx + result.mismatches;

function printTable(measurements: Measurement[]): void {
  const rows = [
    ['server', 'query', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
    ...measurements.map(({ server, query, result }) => [
      server,
      query,
      result.requests.average.toFixed(0),
      String(result.latency.p50),
      String(result.latency.p99),
      String(errorCount(result)),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`\n${line(rows[0]!)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of rows.slice(1)) console.log(line(row));
}

async function run(options: { duration: number; connections: number }, tempDir: string, children: ChildServer[]) {
  const databasePath = join(tempDir, 'plein.db');
  const thread = await seedDatabase(databasePath);

  // One address sends thousands of requests a second: the read limit (600/1m) would measure itself.
  const plein = await startPleinServer({
    name: 'plein',
    databaseUrl: `sqlite:${databasePath}`,
    env: { PLEIN_RATE_READ: 'off' },
    children,
  });

  const yogaPort = await freePort();
  const yoga = spawnServer({
    name: 'yoga',
    args: ['--import', 'tsx', 'bench/yoga-baseline.ts', '--database', databasePath, '--port', String(yogaPort)],
    cwd: repositoryRoot,
    port: yogaPort,
  });
  children.push(yoga);
  await waitUntilReady(yoga, '/health');

  const queries: Query[] = [
    {
      name: 'list',
      body: JSON.stringify({ query: String(QuestionsListDocument), variables: { community: 'eemsdelta', first: 20 } }),
    },
    {
      name: 'thread',
      body: JSON.stringify({ query: String(QuestionThreadDocument), variables: { id: thread.threadId, first: 20 } }),
    },
  ];
  console.log(`Thread query: question ${thread.threadId} (${thread.answers} answers).`);
  const sameShape = new Map<Query['name'], boolean>();
  for (const query of queries) sameShape.set(query.name, await compareShapes(plein, yoga, query));

  console.log(
    `\n${options.connections} connections, ${WARM_UP_SECONDS} s warm-up + ${options.duration} s per run; ` +
      `Node ${process.version}, ${availableParallelism()} CPUs (load generator and servers share them).`,
  );
  const measurements: Measurement[] = [];
  for (const query of queries) {
    for (const server of [plein, yoga]) {
      process.stderr.write(`Running ${server.name} / ${query.name}…\n`);
      await load(server, query, WARM_UP_SECONDS, options.connections);
      const result = await load(server, query, options.duration, options.connections);
      measurements.push({ server: server.name, query: query.name, result });
    }
  }

  printTable(measurements);
  const find = (server: string, query: Query['name']) =>
    measurements.find((m) => m.server === server && m.query === query)!.result;
  console.log('\nPlein / yoga, req/s:');
  for (const query of queries) {
    const ratio = find('plein', query.name).requests.average / find('yoga', query.name).requests.average;
    const note = sameShape.get(query.name) ? '' : '  (responses differ: not a like-for-like comparison)';
    console.log(`  ${query.name.padEnd(6)}  ${ratio.toFixed(2)}x${note}`);
  }

  const list = find('plein', 'list');
  const listRatio = list.requests.average / find('yoga', 'list').requests.average;
  const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
  console.log('\nTargets (list query, Plein):');
  const checks: [string, string, boolean][] = [
    [
      `>= ${targets.listRequestsPerSecond} req/s`,
      `${list.requests.average.toFixed(0)} req/s`,
      list.requests.average >= targets.listRequestsPerSecond,
    ],
    [`p99 <= ${targets.listP99Ms} ms`, `${list.latency.p99} ms`, list.latency.p99 <= targets.listP99Ms],
    [`>= ${targets.listRatioToYoga}x yoga`, `${listRatio.toFixed(2)}x`, listRatio >= targets.listRatioToYoga],
  ];
  for (const [target, figure, met] of checks)
    console.log(`  ${target.padEnd(16)}  ${figure.padStart(12)}  ${verdict(met)}`);

  const failed = measurements.filter((m) => errorCount(m.result) > 0);
  for (const { server, query, result } of failed) {
    console.error(
      `\n!!! ${server} / ${query}: ${errorCount(result)} failed responses ` +
        `(${result.non2xx} non-2xx, ${result.errors} errors of which ${result.timeouts} timeouts, ` +
        `${result.mismatches} with GraphQL errors): the figures for this run are not valid.`,
    );
  }
  return failed.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  let options: { duration: number; connections: number };
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)}\nusage: server.bench.ts [--duration N] [--connections N]`,
    );
    return 2;
  }

  const tempDir = await mkdtemp(join(tmpdir(), 'plein-bench-'));
  const children: ChildServer[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await Promise.all(children.map((child) => stopServer(child)));
      await rm(tempDir, { recursive: true, force: true });
    })());
  // Last resort when something exits the process without passing through cleanUp.
  process.once('exit', () => {
    for (const child of children) child.process.kill('SIGKILL');
    rmSync(tempDir, { recursive: true, force: true });
  });
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers.`);
      void cleanUp().finally(() => process.exit(code));
    });
  }

  try {
    return await run(options, tempDir, children);
  } catch (error) {
    console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

process.exitCode = await main();
