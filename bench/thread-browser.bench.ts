/**
 * Does a long thread stay light in the browser? A question with 20, 200 and 2,000 answers, opened in Chromium on the
 * server's own one-element page (`/embed/frame?element=question`, the real embed bundle), measuring: the time from
 * navigation to the first answer visible in `<plein-question>`'s shadow DOM, how many answers that first render shows
 * (one page is expected), the GraphQL bytes fetched until the network is quiet, and the JS heap after a garbage
 * collection. Every run gets a fresh browser context (no cache); the table shows the median of the runs.
 *
 *   npm run bench:thread -- [--runs 5] [--sizes 20,200,2000]
 *
 * Builds the bundle first when packages/elements/dist/embed/plein.js is missing. Prints a table; exits non-zero only
 * when something fails (a server or browser that does not start, no answer within 30 s), never on a figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore, seedIfEmpty } from '@plein/server';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium.js';
import { type BenchDatabase, createBenchDatabase } from './bench-database.ts';
import { median, printTable } from './bench-table.ts';
import { type ChildServer, startPleinServer, stopServer } from './child-server.ts';
import { addThread, growthCommunity } from './growth-seed.ts';
import { wholeNumber } from './options.ts';
import { runBench } from './run-bench.ts';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const embedBundle = fileURLToPath(new URL('../packages/elements/dist/embed/plein.js', import.meta.url));
const COMMUNITY = 'eemsdelta';

/** What one page load measured. */
interface RunFigures {
  firstAnswerMs: number;
  answersAtFirstRender: number;
  answersAfterLoad: number;
  graphqlRequests: number;
  graphqlBytes: number;
  heapBytes: number;
}

function parseOptions(argv: string[]): { runs: number; sizes: number[] } {
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: 'string', default: '5' }, sizes: { type: 'string', default: '20,200,2000' } },
    strict: true,
  });
  return {
    runs: wholeNumber('runs', values.runs),
    sizes: values.sizes.split(',').map((size) => wholeNumber('sizes', size.trim())),
  };
}

/** The embed bundle the server serves; built once when it is missing (a fresh checkout). */
function ensureBundle(): void {
  if (existsSync(embedBundle)) return;
  process.stderr.write('The embed bundle is missing: running node scripts/build.js…\n');
  const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: repositoryRoot, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(embedBundle)) throw new Error('node scripts/build.js failed');
}

/** Seeds the demo and one thread per size; returns the question ids by size. */
async function seedThreads(database: BenchDatabase, sizes: number[]): Promise<Map<number, string>> {
  const { store, connection } = await openStore(database.url);
  try {
    await seedIfEmpty(store);
    const community = await growthCommunity(store, COMMUNITY);
    const threads = new Map<number, string>();
    for (const size of sizes) threads.set(size, await addThread(store, community, size, Date.now()));
    return threads;
  } finally {
    await connection.close();
  }
}

/** Opens the thread once in a fresh context and measures it. */
async function measureOnce(browser: Browser, url: string): Promise<RunFigures> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const graphqlBodies: Promise<number>[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname !== '/graphql') return;
      graphqlBodies.push(
        response.body().then(
          (body) => body.length,
          () => 0,
        ),
      );
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    await page.goto(url, { waitUntil: 'commit' });
    // Polled every animation frame; performance.now() counts from the start of the navigation.
    const first = await page.waitForFunction(
      () => {
        const root = document.querySelector('plein-question')?.shadowRoot;
        const answers = [...(root?.querySelectorAll('[part~="answer"]') ?? [])];
        const visible = answers.some((answer) => answer.getBoundingClientRect().height > 0);
        return visible ? { at: performance.now(), count: answers.length } : null;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const { at, count } = (await first.jsonValue())!;
    await page.waitForLoadState('networkidle');
    const answersAfterLoad = await page.evaluate(
      () => document.querySelector('plein-question')?.shadowRoot?.querySelectorAll('[part~="answer"]').length ?? 0,
    );
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`);
    const bytes = await Promise.all(graphqlBodies);
    return {
      firstAnswerMs: at,
      answersAtFirstRender: count,
      answersAfterLoad,
      graphqlRequests: bytes.length,
      graphqlBytes: bytes.reduce((sum, n) => sum + n, 0),
      heapBytes: heap,
    };
  } finally {
    await context.close();
  }
}

async function run(options: { runs: number; sizes: number[] }, database: BenchDatabase, children: ChildServer[]) {
  ensureBundle();
  const threads = await seedThreads(database, options.sizes);
  const server = await startPleinServer({
    name: 'plein',
    databaseUrl: database.url,
    env: { PLEIN_RATE_READ: 'off', PLEIN_RATE_VISIT: 'off' },
    children,
  });

  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  const rows: string[][] = [];
  try {
    // One page load before measuring, so the first measured run does not pay for the browser's own start.
    const [warmUpSize, warmUpId] = [...threads][0]!;
    process.stderr.write(`warm-up on the thread of ${warmUpSize} answers…\n`);
    await measureOnce(
      browser,
      `${server.url}/embed/frame?element=question&community=${COMMUNITY}&question=${warmUpId}`,
    );
    for (const [size, questionId] of threads) {
      const url = `${server.url}/embed/frame?element=question&community=${COMMUNITY}&question=${questionId}`;
      const figures: RunFigures[] = [];
      for (let round = 1; round <= options.runs; round++) {
        process.stderr.write(`${size} answers, run ${round}/${options.runs}…\n`);
        figures.push(await measureOnce(browser, url));
      }
      const middle = (pick: (run: RunFigures) => number) => median(figures.map(pick));
      rows.push([
        size.toLocaleString('en'),
        String(options.runs),
        middle((run) => run.firstAnswerMs).toFixed(0),
        String(middle((run) => run.answersAtFirstRender)),
        String(middle((run) => run.answersAfterLoad)),
        String(middle((run) => run.graphqlRequests)),
        (middle((run) => run.graphqlBytes) / 1024).toFixed(1),
        (middle((run) => run.heapBytes) / 1024 / 1024).toFixed(2),
      ]);
    }
  } finally {
    await browser.close();
  }

  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  console.log(
    `\nThread in the browser: /embed/frame?element=question, Chromium ${browser.version()} headless, a fresh context ` +
      `per run, median of ${options.runs} runs. ${availableParallelism()} CPUs shared by the browser and the server; ` +
      `load average ${one} ${five} ${fifteen}.`,
  );
  printTable(
    [
      'answers',
      'runs',
      'first answer ms',
      'answers at first render',
      'after load',
      'GraphQL requests',
      'GraphQL KiB',
      'JS heap MiB',
    ],
    rows,
  );
  console.log(
    'first answer: navigation start to the first answer with a size in the shadow DOM (checked every frame). ' +
      'GraphQL KiB: response bodies until the network is quiet. JS heap: used, after a forced garbage collection.',
  );
}

async function main(): Promise<number> {
  let options: { runs: number; sizes: number[] };
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const database = await createBenchDatabase('sqlite', 'thread');
  const children: ChildServer[] = [];
  return runBench(
    async () => {
      await run(options, database, children);
      return 0;
    },
    async () => {
      await Promise.all(children.map((child) => stopServer(child)));
      await database.drop();
    },
  );
}

process.exitCode = await main();
