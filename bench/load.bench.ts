/**
 * Load: simulated citizens reading, searching and asking against one `plein start` instance and against two
 * instances (separate processes, own ports) on one fresh PostgreSQL database and one Redis (issue 10, part 4).
 *
 *   npm run bench:load -- [--citizens 200] [--duration 60] [--warm-up 5] [--engine postgres|sqlite]
 *                         [--instances 1,2] [--postgres-url URL] [--redis-url URL]
 *
 * Citizens are spread over the instances round-robin and loop without pause (bench/load-citizens.ts). Prints, per
 * setup, requests per second, p50/p99 per operation, errors (any non-200, GraphQL `errors` or payload `errors`) and
 * the questions lost or duplicated, checked in the database itself. Rate limits are raised through the environment
 * only. Exits non-zero when there was an error, a lost or a duplicated question.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { commandCpuSeconds, machineBusySeconds, processCpuSeconds } from './cpu-usage.ts';
import { type BenchDatabase, type BenchEngine, createBenchDatabase } from './bench-database.ts';
import { percentile, printTable } from './bench-table.ts';
import { type ChildServer, startPleinServer, stopServer } from './child-server.ts';
import {
  type AskLedger,
  closeConnections,
  LoadRecorder,
  type Operation,
  operations,
  runCitizen,
} from './load-citizens.ts';
import { type AskAudit, auditAsks, seedDatabase } from './load-database.ts';
import { wholeNumber } from './options.ts';
import { runBench } from './run-bench.ts';

const COMMUNITY = 'eemsdelta';

interface Options {
  citizens: number;
  duration: number;
  warmUp: number;
  engine: BenchEngine;
  instanceCounts: number[];
  postgresUrl: string;
  redisUrl: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      citizens: { type: 'string', default: '200' },
      duration: { type: 'string', default: '60' },
      'warm-up': { type: 'string', default: '5' },
      engine: { type: 'string', default: 'postgres' },
      instances: { type: 'string' },
      'postgres-url': {
        type: 'string',
        default:
          process.env.PLEIN_BENCH_POSTGRES_URL ||
          process.env.PLEIN_TEST_POSTGRES_URL ||
          'postgres://postgres@127.0.0.1:5432/postgres',
      },
      'redis-url': { type: 'string', default: process.env.REDIS_URL || 'redis://127.0.0.1:6379' },
    },
    strict: true,
  });
  const engine = values.engine;
  if (engine !== 'postgres' && engine !== 'sqlite')
    throw new Error(`--engine must be postgres or sqlite, got "${engine}"`);
  // Several instances on one SQLite file is not a setup Plein supports (decision 0003): SQLite runs one instance.
  const instanceCounts = (values.instances ?? (engine === 'sqlite' ? '1' : '1,2'))
    .split(',')
    .map((count) => wholeNumber('instances', count.trim(), 1));
  if (engine === 'sqlite' && instanceCounts.some((count) => count > 1))
    throw new Error('--engine sqlite runs one instance; several instances need PostgreSQL');
  return {
    citizens: wholeNumber('citizens', values.citizens, 1),
    duration: wholeNumber('duration', values.duration, 1),
    warmUp: wholeNumber('warm-up', values['warm-up'], 0),
    engine,
    instanceCounts,
    postgresUrl: values['postgres-url'],
    redisUrl: values['redis-url'],
  };
}

interface SetupResult {
  name: string;
  seconds: number;
  recorder: LoadRecorder;
  audit: AskAudit;
  cpu: CpuShares;
  loadBefore: number;
}

/** Cores used on average during the whole run, warm-up included; undefined without /proc. */
interface CpuShares {
  plein: number | undefined;
  generator: number;
  /** Every PostgreSQL process on the machine: other sessions' databases too. */
  postgres: number | undefined;
  /** Everything else that ran on the machine meanwhile (other work, Redis, the kernel). */
  others: number | undefined;
  /** The servers' CPU time per request answered: the figure that least depends on what else runs. */
  pleinMsPerRequest: number | undefined;
}

interface CpuSnapshot {
  at: number;
  plein: number | undefined;
  generator: NodeJS.CpuUsage;
  postgres: number | undefined;
  machine: number | undefined;
}

function cpuSnapshot(servers: ChildServer[]): CpuSnapshot {
  const perServer = servers.map((server) => processCpuSeconds(server.process.pid));
  return {
    at: performance.now(),
    plein: perServer.includes(undefined) ? undefined : perServer.reduce((sum, seconds) => sum! + seconds!, 0),
    generator: process.cpuUsage(),
    postgres: commandCpuSeconds('postgres'),
    machine: machineBusySeconds(),
  };
}

function cpuShares(before: CpuSnapshot, after: CpuSnapshot, requests: number): CpuShares {
  const seconds = (after.at - before.at) / 1000;
  // A process that ended during the run takes its time with it: a sum over processes can shrink, never below 0.
  const used = (start: number | undefined, end: number | undefined) =>
    start === undefined || end === undefined ? undefined : Math.max(0, end - start);
  const generatorUsage = process.cpuUsage(before.generator);
  const generator = (generatorUsage.user + generatorUsage.system) / 1e6;
  const [plein, postgres, machine] = [
    used(before.plein, after.plein),
    used(before.postgres, after.postgres),
    used(before.machine, after.machine),
  ];
  const others =
    machine === undefined || plein === undefined || postgres === undefined
      ? undefined
      : Math.max(0, machine - plein - postgres - generator);
  const perSecond = (value: number | undefined) => (value === undefined ? undefined : value / seconds);
  return {
    plein: perSecond(plein),
    generator: generator / seconds,
    postgres: perSecond(postgres),
    others: perSecond(others),
    pleinMsPerRequest: plein === undefined || requests === 0 ? undefined : (plein * 1000) / requests,
  };
}

async function runSetup(
  options: Options,
  instanceCount: number,
  tempDir: string,
  children: ChildServer[],
  databases: BenchDatabase[],
): Promise<SetupResult> {
  const name = `${options.engine} x${instanceCount}`;
  const database = await createBenchDatabase(options.engine, 'load', options.postgresUrl);
  databases.push(database);
  const seeded = await seedDatabase(database);
  console.log(
    `\n== ${name}: ${database.label}, seeded ${seeded.questions} questions and ${seeded.answers} answers; ` +
      `${options.citizens} citizens, ${options.warmUp} s warm-up + ${options.duration} s measured`,
  );

  // Configuration only, as an operator would: one address sends everything, so reads are guarded loosely and the
  // per-address ask limit is a million devices' worth; each device keeps the default-like 20 questions in 10 minutes
  // (a citizen changes device every 10 questions, load-citizens.ts). The Redis counters are keyed with hashes under
  // PLEIN_SECRET, new for every setup, so they never meet another run's counters (the prefix is fixed: plein:rate:).
  const environment: Record<string, string> = {
    PLEIN_SECRET: randomBytes(24).toString('base64url'),
    PLEIN_RATE_READ: '1000000/1m',
    PLEIN_RATE_ASK: '20/10m',
    PLEIN_RATE_IP_FACTOR: '1000000',
    PLEIN_OUTBOX_DIR: join(tempDir, 'outbox'),
    SMTP_URL: '',
    REDIS_URL: options.engine === 'postgres' ? options.redisUrl : '',
  };
  const servers: ChildServer[] = [];
  // One after the other: the second finds the schema and the instance keys the first made.
  for (let index = 0; index < instanceCount; index++) {
    const server = await startPleinServer({
      name: `plein-${String.fromCharCode(97 + index)}`,
      databaseUrl: database.url,
      env: environment,
      children,
    });
    servers.push(server);
  }

  const recorder = new LoadRecorder();
  const asks: AskLedger = new Map();
  const keyPrefix = `load-${randomBytes(4).toString('hex')}-`;
  const loadBefore = loadavg()[0]!;
  const startedAt = performance.now();
  const stopAt = startedAt + (options.warmUp + options.duration) * 1000;
  const cpuAtStart = cpuSnapshot(servers);
  const startMeasuring = setTimeout(() => (recorder.measuring = true), options.warmUp * 1000);
  // Requests still on their way at the end are not measured: the window is exactly `duration` seconds.
  const stopMeasuring = setTimeout(() => (recorder.measuring = false), stopAt - startedAt);
  const context = {
    instanceUrls: servers.map((server) => server.url),
    community: COMMUNITY,
    recorder,
    asks,
    keyPrefix,
    stopAt,
  };
  await Promise.all(Array.from({ length: options.citizens }, (_, citizen) => runCitizen(context, citizen)));
  clearTimeout(startMeasuring);
  clearTimeout(stopMeasuring);
  recorder.measuring = false;
  const cpu = cpuShares(cpuAtStart, cpuSnapshot(servers), recorder.requests());

  // Every instance has answered every request by now; the database is read directly, the servers still running.
  const audit = await auditAsks(database, keyPrefix, asks);
  closeConnections();
  await Promise.all(servers.map((server) => stopServer(server)));
  await database.drop();
  databases.splice(databases.indexOf(database), 1);
  return { name, seconds: options.duration, recorder, audit, cpu, loadBefore };
}

function report(results: SetupResult[], options: Options): void {
  const format = (value: number, digits = 0) => (Number.isNaN(value) ? '-' : value.toFixed(digits));
  console.log(
    `\n${options.citizens} citizens, ${options.duration} s measured after ${options.warmUp} s warm-up; ` +
      `Node ${process.version}, ${availableParallelism()} CPUs shared by the servers, PostgreSQL, Redis and the ` +
      `load generator.`,
  );
  const operationRows: string[][] = [];
  for (const result of results) {
    const all: number[] = [];
    for (const operation of operations) {
      const latencies = [...result.recorder.latencies.get(operation as Operation)!].sort((a, b) => a - b);
      all.push(...latencies);
      operationRows.push([
        result.name,
        operation,
        format(latencies.length / result.seconds),
        format(percentile(latencies, 0.5), 1),
        format(percentile(latencies, 0.99), 1),
        String(result.recorder.errorCount(operation)),
      ]);
    }
    all.sort((a, b) => a - b);
    operationRows.push([
      result.name,
      'all',
      format(all.length / result.seconds),
      format(percentile(all, 0.5), 1),
      format(percentile(all, 0.99), 1),
      String(result.recorder.errorCount()),
    ]);
  }
  printTable(['setup', 'operation', 'req/s', 'p50 ms', 'p99 ms', 'errors'], operationRows, 2);

  const summaryRows: string[][] = [];
  for (const { name, seconds, recorder, audit } of results) {
    const measured = [...recorder.latencies.values()].reduce((sum, list) => sum + list.length, 0);
    summaryRows.push([
      name,
      format(measured / seconds),
      String(recorder.errorCount()),
      String(audit.sent),
      String(audit.acknowledged),
      String(audit.lost),
      String(audit.duplicated),
    ]);
  }
  printTable(['setup', 'req/s', 'errors', 'asked', 'acknowledged', 'lost', 'duplicated'], summaryRows, 1);

  console.log(
    `\nWhere the ${availableParallelism()} cores went (average cores in use over the run, warm-up included):`,
  );
  const optional = (value: number | undefined, digits = 2) => (value === undefined ? '?' : value.toFixed(digits));
  const cpuRows: string[][] = [];
  for (const { name, cpu, loadBefore } of results) {
    cpuRows.push([
      name,
      optional(cpu.plein),
      cpu.generator.toFixed(2),
      optional(cpu.postgres),
      optional(cpu.others),
      optional(cpu.pleinMsPerRequest),
      loadBefore.toFixed(2),
    ]);
  }
  printTable(
    ['setup', 'plein', 'load generator', 'postgres (all)', 'others', 'plein CPU ms/req', 'load avg before'],
    cpuRows,
    1,
  );
  if (results.length === 2) {
    const rate = (result: SetupResult) =>
      [...result.recorder.latencies.values()].reduce((sum, list) => sum + list.length, 0) / result.seconds;
    console.log(
      `\n${results[1]!.name} / ${results[0]!.name}, req/s: ${(rate(results[1]!) / rate(results[0]!)).toFixed(2)}x`,
    );
  }

  for (const { name, recorder, audit } of results) {
    for (const [reason, count] of recorder.errors) {
      console.error(`\n!!! ${name}: ${count} x ${reason}; first one: ${recorder.errorExamples.get(reason)}`);
    }
    if (audit.storedUnacknowledged > 0)
      console.log(`${name}: ${audit.storedUnacknowledged} questions were stored although their answer was an error.`);
  }
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)}\nusage: load.bench.ts [--citizens N] [--duration S] ` +
        '[--warm-up S] [--engine postgres|sqlite] [--instances 1,2] [--postgres-url URL] [--redis-url URL]',
    );
    return 2;
  }
  const tempDir = await mkdtemp(join(tmpdir(), 'plein-load-bench-'));
  const children: ChildServer[] = [];
  const databases: BenchDatabase[] = [];
  return runBench(
    async () => {
      const results: SetupResult[] = [];
      for (const count of options.instanceCounts)
        results.push(await runSetup(options, count, tempDir, children, databases));
      report(results, options);
      const failed = results.some(
        ({ recorder, audit }) => recorder.errorCount() > 0 || audit.lost > 0 || audit.duplicated > 0,
      );
      return failed ? 1 : 0;
    },
    async () => {
      closeConnections();
      await Promise.all(children.map((child) => stopServer(child)));
      await Promise.all(databases.map((database) => database.drop().catch(() => undefined)));
      await rm(tempDir, { recursive: true, force: true });
    },
    (signal) => console.error(`\n${signal}: stopping the servers and dropping the databases.`),
  );
}

process.exitCode = await main();
