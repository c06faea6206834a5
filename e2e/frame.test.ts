import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, ConsoleMessage, Frame, Page } from 'playwright-core';
import { runAxe } from './axe.ts';
import { collectPageProblems, launchChromium } from './browser.ts';
import { embedBundle, type RealServer, startRealServer } from './server.ts';

const frameLoader = join(embedBundle, '../frame.js');

/**
 * A municipal site on another origin than the community server, as in real life. It answers under two names:
 * `localhost` (the site, registered with the community) and `127.0.0.1` (a stranger, not registered), which are two
 * different origins for the browser.
 */
async function startHostSite(community: () => string): Promise<{ server: Server; port: number }> {
  let port = 0;
  const iframe = (src: string) =>
    `<iframe data-plein-frame id="plein" src="${src}" title="Vragen en antwoorden van WerkNet Eemsdelta" ` +
    'width="600" height="900"></iframe>';
  const page = (body: string, scripts: string[], style = '') =>
    [
      '<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Gemeente</title>',
      style && `<style>${style}</style>`,
      ...scripts.map((src) => `<script src="${src}"></script>`),
      '</head><body><h1>Werk en inkomen</h1>',
      body,
      '</body></html>',
    ].join('\n');
  const frameSrc = () => `${community()}/embed/frame?element=questions&amp;community=eemsdelta&amp;frame=vragen`;
  const pages: Record<string, () => [string, string]> = {
    // The loader first, then a recorder that sees each message right after the loader handled it.
    '/with-loader.html': () => [
      'text/html',
      page(
        `${iframe(frameSrc())}\n<iframe src="http://127.0.0.1:${port}/stranger.html" title="Iets anders"></iframe>`,
        [`${community()}/embed/frame.js`, '/recorder.js'],
        // A common reset: the loader must still give the frame's viewport the full height of its content.
        '*{box-sizing:border-box} iframe{border:3px solid #333}',
      ),
    ],
    '/without-loader.html': () => ['text/html', page(iframe(frameSrc()), [])],
    '/recorder.js': () => [
      'text/javascript',
      `window.pleinMessages = [];
       window.addEventListener('message', (event) => {
         const frame = document.getElementById('plein');
         window.pleinMessages.push({
           origin: event.origin,
           fromPleinFrame: event.source === frame.contentWindow,
           height: event.data && event.data.height,
           frameHeightAfter: frame.style.height,
         });
       });`,
    ],
    // Another frame on the host page (an ad, a chat widget) that claims to be a Plein frame.
    '/stranger.html': () => ['text/html', page('<p>Iets anders</p>', ['/stranger.js'])],
    '/stranger.js': () => [
      'text/javascript',
      `const height = Number(new URLSearchParams(location.search).get('height') || 7);
       parent.postMessage({ type: 'plein:frame-height', height, id: 'vragen' }, '*');`,
    ],
  };
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const found = pages[path];
    if (!found) return void response.writeHead(404).end();
    const [type, body] = found();
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  return { server, port };
}

/** What the host page's recorder (/recorder.js) keeps of each message it hears. */
interface RecordedMessage {
  origin: string;
  fromPleinFrame: boolean;
  height: unknown;
  /** The Plein iframe's style height right after the loader handled the message. */
  frameHeightAfter: string;
}

/** The height of the iframe's viewport (what the citizen sees without scrolling), and of the content inside it. */
async function heights(frame: Frame): Promise<{ iframe: number; content: number }> {
  return frame.evaluate(() => ({
    iframe: window.innerHeight,
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
  }));
}

/** Waits until the iframe is exactly as tall as its content, and returns that height. */
async function fitted(page: Page, frame: Frame, not?: number): Promise<number> {
  let last = { iframe: 0, content: -1 };
  for (let attempt = 0; attempt < 300; attempt++) {
    last = await heights(frame);
    if (last.iframe === last.content && last.content !== not) return last.content;
    await page.waitForTimeout(100);
  }
  assert.fail(`the iframe did not follow its content: ${JSON.stringify(last)}`);
}

function pleinFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes('/embed/frame?'));
  assert.ok(frame, `no Plein frame among ${page.frames().map((candidate) => candidate.url())}`);
  return frame;
}

describe('the iframe embed on a site of another origin (real server, built bundle and loader, Chromium)', () => {
  let server: RealServer;
  let host: Server;
  let site: string;
  let stranger: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  before(async () => {
    if (!existsSync(frameLoader)) throw new Error(`${frameLoader} is missing: run "npm run build" first.`);
    server = await startRealServer();
    const started = await startHostSite(() => server.url);
    host = started.server;
    site = `http://localhost:${started.port}`;
    stranger = `http://127.0.0.1:${started.port}`;
    // The same step a municipality takes for the script tag: the site is registered with the community.
    const registered = await server.cli(['community', 'allow-origin', 'eemsdelta', site]);
    assert.equal(registered.code, 0, registered.stderr);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 700 } });
    problems = collectPageProblems(page);
    await page.goto(`${site}/with-loader.html`);
  });

  after(async () => {
    await browser?.close();
    host?.close();
    await server?.stop();
  });

  it('shows the questions list inside the iframe', async () => {
    const list = page.frameLocator('#plein').locator('plein-questions');
    await list.locator('[part="item"]').first().waitFor();
    assert.equal(await list.locator('[part="item"]').count(), 20);
    assert.match((await list.locator('[part="count"]').textContent()) ?? '', /^\d+ vragen$/);
  });

  it('sizes the iframe to its content, away from the fallback height of 900', async () => {
    const height = await fitted(page, pleinFrame(page), 900);
    assert.ok(height > 900, `20 questions are taller than the fallback height, got ${height}px`);
  });

  it('grows the iframe when more questions load, and follows a thread that opens in place', async () => {
    const frame = pleinFrame(page);
    const before = await fitted(page, frame);
    const list = page.frameLocator('#plein').locator('plein-questions');
    await list.getByRole('button', { name: 'Meer vragen laden' }).click();
    await list.locator('[part="item"]').nth(20).waitFor();
    const grown = await fitted(page, frame, before);
    assert.ok(grown > before, `the iframe grew from ${before}px to ${grown}px`);

    await list.locator('[part="item"] a').first().click();
    await list.locator('plein-question').getByRole('heading', { level: 2 }).first().waitFor();
    const thread = await fitted(page, frame, grown);
    assert.notEqual(thread, grown, 'the iframe follows the thread');
    assert.equal((await heights(frame)).iframe, thread);
  });

  it('ignores a height message from another frame on the page', async () => {
    const heard = await page.waitForFunction(() => {
      const messages = (window as unknown as { pleinMessages: RecordedMessage[] }).pleinMessages;
      return messages.find((message) => !message.fromPleinFrame) ?? false;
    });
    const message = (await heard.jsonValue()) as RecordedMessage;
    assert.equal(message.origin, stranger);
    assert.equal(message.height, 7);
    assert.notEqual(message.frameHeightAfter, '7px');
    assert.notEqual((await heights(pleinFrame(page))).iframe, 7);
  });

  it('opens a link to another site in a new tab and keeps the frame where it is', async () => {
    const frame = pleinFrame(page);
    const elsewhere = `${stranger}/stranger.html?height=3`;
    // A link such as an expert's source, inside the element's shadow root.
    await frame.evaluate((href) => {
      const link = document.createElement('a');
      link.id = 'source';
      link.href = href;
      link.textContent = 'Bron: een andere website';
      document.querySelector('plein-questions')!.shadowRoot!.append(link);
    }, elsewhere);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), frame.locator('#source').click()]);
    await tab.waitForURL(elsewhere);
    await tab.close();
    assert.match(frame.url(), /\/embed\/frame\?/);
  });

  it('ignores a height message from the Plein iframe once it shows a page of another origin', async () => {
    const frame = pleinFrame(page);
    const sized = await page.locator('#plein').evaluate((element: HTMLElement) => element.style.height);
    // The frame itself navigates elsewhere (a link followed inside it): same contentWindow, other origin.
    await frame.goto(`${stranger}/stranger.html?height=11`);
    const heard = await page.waitForFunction(() => {
      const messages = (window as unknown as { pleinMessages: RecordedMessage[] }).pleinMessages;
      return messages.find((message) => message.fromPleinFrame && message.height === 11) ?? false;
    });
    const message = (await heard.jsonValue()) as RecordedMessage;
    assert.equal(message.origin, stranger);
    assert.match(sized, /^\d+px$/);
    assert.equal(message.frameHeightAfter, sized);
    assert.deepEqual(problems, []);
  });

  it('keeps the fallback height of 900, scrolling inside, on a site without the loader', async () => {
    const plain = await browser.newPage({ viewport: { width: 800, height: 700 } });
    const plainProblems = collectPageProblems(plain);
    try {
      await plain.goto(`${site}/without-loader.html`);
      const list = plain.frameLocator('#plein').locator('plein-questions');
      await list.locator('[part="item"]').first().waitFor();
      const frame = pleinFrame(plain);
      const { iframe, content } = await heights(frame);
      assert.equal(iframe, 900);
      assert.ok(content > iframe, `the content (${content}px) scrolls inside the 900px frame`);
      assert.deepEqual(plainProblems, []);
    } finally {
      await plain.close();
    }
  });

  it('has no axe violations (WCAG 2.2 AA): the frame page alone, and the example page with both iframes', async () => {
    // AxeBuilder needs a page from a context of its own.
    const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
    const checked = await context.newPage();
    try {
      await checked.goto(`${server.url}/embed/frame?element=questions&community=eemsdelta`);
      await checked.locator('plein-questions [part="item"]').first().waitFor();
      const alone = await runAxe(checked);
      assert.deepEqual(alone.violations, [], 'the frame page');
      assert.ok(alone.rulesRun > 20, `axe ran ${alone.rulesRun} rules on the frame page`);

      await checked.goto(`${server.url}/cms/`);
      await checked.frameLocator('iframe >> nth=0').locator('plein-questions [part="item"]').first().waitFor();
      await checked.frameLocator('iframe >> nth=1').locator('plein-ask [part="submit"]').waitFor();
      const example = await runAxe(checked);
      assert.deepEqual(example.violations, [], 'the example page /cms/');
    } finally {
      await context.close();
    }
  });

  it('cannot be framed by a site the community has not registered', async () => {
    const strange = await browser.newPage();
    try {
      const refused = strange.waitForEvent('console', {
        predicate: (message: ConsoleMessage) => message.type() === 'error' && /frame-ancestors/.test(message.text()),
      });
      await strange.goto(`${stranger}/without-loader.html`);
      await refused;
      assert.equal(await strange.frameLocator('#plein').locator('plein-questions').count(), 0);
    } finally {
      await strange.close();
    }
  });
});
