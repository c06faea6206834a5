import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { MOCK_ENDPOINT } from '../packages/elements/src/mocks/fixtures.ts';
import { runAxe } from './axe.ts';
import { collectPageProblems, launchChromium } from './browser.ts';

/**
 * Smoke test of the built Storybook: every story renders its elements in real Chromium without a console error or an
 * uncaught exception, and axe finds no WCAG 2.0/2.1/2.2 A or AA violation in the rendered story (one pass over the
 * stories does both, to keep CI time down). It builds nothing: run `npm run build-storybook` first.
 */

// STORYBOOK_STATIC_DIR=/elsewhere checks a Storybook built there (`storybook build -o /elsewhere`), one nobody rebuilds
// while the test runs.
const staticDir = process.env.STORYBOOK_STATIC_DIR ?? fileURLToPath(new URL('../storybook-static/', import.meta.url));
// Generous: on a busy 2-core machine a story's first paint alone can take several seconds. Only a failure waits this long.
const RENDER_TIMEOUT_MS = 30_000;
// Two stories at a time, one per core; each in its own browser context.
const CONCURRENCY = Number(process.env.STORYBOOK_SMOKE_CONCURRENCY) || 2;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A static file server for storybook-static/ on 127.0.0.1 and a free port. */
function serveStatic(root: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (pathname === '/favicon.ico') {
      // Chromium asks every new origin for a favicon; Storybook's iframe.html declares none.
      response.writeHead(204).end();
      return;
    }
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
}

/**
 * Error-state stories make the mocked server fail on purpose: `networkError` answers with a network failure and
 * `forbidden` with HTTP 403. Chromium itself logs each such response as a console error ("Failed to load resource: …"),
 * and collectPageProblems records the 403 response, although the page handles both (the element shows its Dutch
 * message and logs nothing). Exactly those messages, for the mocked endpoint only, are allowed, and only in stories
 * whose id says they fail that way (error, forbidden, offline). (`unknownCommunity` answers 200 with a null community, and `serverError` 200 with
 * GraphQL errors: neither makes Chromium log anything.)
 */
const expectsFailedRequests = (storyId: string) => /error|forbidden|offline/.test(storyId);
const failedRequestMessage =
  /^console\.error: Failed to load resource: (net::ERR_FAILED|the server responded with a status of 403 \(Forbidden\))$/;
const isExpectedFailure = (problem: string) =>
  failedRequestMessage.test(problem) || problem === `HTTP 403: ${MOCK_ENDPOINT}`;

/**
 * Checks that run inside the page, installed before the story loads. Plain JavaScript source on purpose: a function
 * passed to Playwright is serialised by its text, and tsx's transform would add helpers the page does not have.
 */
const pageHelpers = `
  window.plein = (() => {
    const pleinElements = (root) => [...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('plein-'));
    const deep = (root) => pleinElements(root).flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
    return {
      // Storybook has run the story's loaders, rendered it and run its play function (or failed at one of them).
      // __STORYBOOK_PREVIEW__ is Storybook's preview object; 'finished' is the last phase of a story render.
      finished() {
        return window.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished';
      },
      // Storybook shows its error display instead of the story when rendering or playing failed.
      failed() {
        return document.body.classList.contains('sb-show-errordisplay');
      },
      // Every Plein element the story placed has rendered into its shadow root.
      rendered() {
        const root = document.querySelector('#storybook-root');
        const elements = root ? pleinElements(root) : [];
        return elements.length > 0 && elements.every((e) => (e.shadowRoot?.childElementCount ?? 0) > 0);
      },
      // Some Plein element, nested ones included, still shows a pending request.
      busy() {
        return [document, ...deep(document).map((e) => e.shadowRoot).filter(Boolean)].some(
          (root) => root.querySelector('[aria-busy="true"]') !== null,
        );
      },
      // Resolves when every Plein element has finished its pending Lit update.
      updated() {
        return Promise.all(deep(document).map((e) => e.updateComplete));
      },
    };
  })();
`;

/** What one story's check found, and how many axe rules ran on it (0 when it did not render). */
interface StoryOutcome {
  failures: string[];
  axeRules: number;
}

async function checkStory(page: Page, baseUrl: string, story: IndexEntry): Promise<StoryOutcome> {
  const problems = collectPageProblems(page);
  let axeRules = 0;
  const failures: string[] = [];
  const waitFor = (condition: string) => page.waitForFunction(condition, undefined, { timeout: RENDER_TIMEOUT_MS });
  try {
    await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    await waitFor('window.plein.finished()');
    if (await page.evaluate('window.plein.failed()')) {
      const message = await page.evaluate("document.querySelector('#error-message')?.textContent ?? ''");
      failures.push(`Storybook could not render the story: ${String(message)}`);
    } else {
      await waitFor('window.plein.rendered()');
      // Settled: no request pending any more. A loading story's server never answers, so it is settled as rendered.
      if (!story.id.endsWith('--loading')) await waitFor('!window.plein.busy()');
      await page.evaluate('window.plein.updated()');
      // Scoped to the story root: Storybook's own frame around it is not ours. axe reaches into open shadow roots.
      const axe = await runAxe(page, '#storybook-root');
      axeRules = axe.rulesRun;
      failures.push(...axe.violations.map((violation) => `axe: ${violation}`));
    }
  } catch (error) {
    failures.push(`did not render or settle: ${(error as Error).message.split('\n')[0]}`);
  }

  const allowed = (problem: string) => expectsFailedRequests(story.id) && isExpectedFailure(problem);
  failures.push(...problems.filter((problem) => !allowed(problem)));
  // First lines only: a failed play function's message carries a dump of the whole page.
  return {
    failures: failures.map((failure) => `${story.id}: ${failure.split('\n').slice(0, 3).join(' ').slice(0, 400)}`),
    axeRules,
  };
}

let server: Server | undefined;
let browser: Browser | undefined;
let baseUrl = '';

before(async () => {
  if (!existsSync(join(staticDir, 'index.json'))) return;
  server = await serveStatic(staticDir.replace(/[\\/]$/, ''));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

test('every story renders without console errors, uncaught exceptions or axe violations', async () => {
  assert.ok(
    existsSync(join(staticDir, 'index.json')),
    `No built Storybook at ${staticDir}: run npm run build-storybook first.`,
  );
  const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  // STORYBOOK_SMOKE_FILTER=plein-ask checks only the stories whose id contains that text (for a quick local loop).
  const only = process.env.STORYBOOK_SMOKE_FILTER ?? '';
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(only));
  assert.ok(stories.length > 0, `index.json lists no stories${only ? ` matching "${only}"` : ''}`);

  const failures: string[] = [];
  let axeChecked = 0;
  let axeRules = 0;
  const queue = [...stories];
  const checkNext = async () => {
    for (let story = queue.shift(); story; story = queue.shift()) {
      // A fresh context per story: its own service worker registration, storage and caches.
      const context = await browser!.newContext();
      await context.addInitScript(pageHelpers);
      const page = await context.newPage();
      try {
        const outcome = await checkStory(page, baseUrl, story);
        failures.push(...outcome.failures);
        if (outcome.axeRules > 0) axeChecked += 1;
        axeRules = Math.max(axeRules, outcome.axeRules);
      } finally {
        await context.close();
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, checkNext));
  failures.sort();

  assert.deepEqual(failures, [], `${failures.length} problem(s) in ${stories.length} stories:\n${failures.join('\n')}`);
  assert.equal(axeChecked, stories.length, 'axe ran on every story');
  console.log(`${stories.length} stories rendered without console errors or uncaught exceptions`);
  console.log(`axe: ${axeChecked} stories checked (WCAG 2.0/2.1/2.2 A and AA, ${axeRules} rules), 0 violations`);
});
