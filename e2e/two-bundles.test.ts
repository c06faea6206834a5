import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import { collectPageProblems, launchChromium, writingTime } from './browser.ts';
import { embedBundle, type RealServer, startRealServer } from './server.ts';

const currentVersion = (
  JSON.parse(readFileSync(new URL('../packages/elements/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
const olderVersion = '0.0.9-ouder';

/**
 * A second copy of the built embed folder that plays an older release: another version in its registry entry, and no
 * loader for `<plein-ask>` (as if that element came later). Everything else is byte for byte the current build.
 */
function makeOlderCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'plein-embed-copy-'));
  cpSync(dirname(embedBundle), folder, { recursive: true });
  const entry = join(folder, 'plein.js');
  const source = readFileSync(entry, 'utf8');
  const versionMarker = `version:${JSON.stringify(currentVersion)}`;
  assert.equal(source.split(versionMarker).length, 2, `the bundle names its version once as ${versionMarker}`);
  const askLoader = /"plein-ask":\(\)=>import\("\.\/chunks\/plein-ask-[\w-]+\.js"\),/;
  assert.match(source, askLoader, 'the bundle has a loader for <plein-ask>');
  writeFileSync(entry, source.replace(versionMarker, `version:${JSON.stringify(olderVersion)}`).replace(askLoader, ''));
  return folder;
}

const hostPage = (older: string, current: string) => `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <title>Twee keer Plein op één pagina</title>
    <link rel="icon" href="data:," />
    <script type="module" src="${older}"></script>
    <script type="module" src="${current}"></script>
  </head>
  <body>
    <main>
      <h1>Twee keer Plein op één pagina</h1>
      <plein-community community="eemsdelta" visits="off">
        <plein-questions page-size="5"></plein-questions>
        <plein-ask></plein-ask>
      </plein-community>
      <plein-contact community="eemsdelta" variant="compact"></plein-contact>
    </main>
  </body>
</html>`;

interface Registry {
  bundles: { version: string; url: string }[];
  claims: Record<string, string>;
}

describe('two copies of the embed bundle, of different versions, on one page (real server, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  let tab: Page;
  let problems: string[];
  let copy: string;
  const warnings: string[] = [];
  const requests: Request[] = [];
  let olderUrl: string;
  let currentUrl: string;

  before(async () => {
    copy = makeOlderCopy();
    server = await startRealServer();
    olderUrl = `${server.url}/embed-ouder/plein.js`;
    currentUrl = `${server.url}/embed/plein.js`;
    browser = await launchChromium();
    tab = await browser.newPage();
    problems = collectPageProblems(tab);
    tab.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    tab.on('request', (request) => requests.push(request));
    // The older copy lives at its own path on the same server, as a second script tag would load it.
    await tab.route(`${server.url}/embed-ouder/**`, async (route) => {
      const file = join(copy, new URL(route.request().url()).pathname.replace('/embed-ouder/', ''));
      await route.fulfill({ body: readFileSync(file), contentType: 'text/javascript; charset=utf-8' });
    });
    // The host page is written into a page the server sent (its examples index), not answered by a route: Chromium's
    // local-network checks refuse a WebSocket to 127.0.0.1 from a document that came from no address at all.
    await tab.goto(`${server.url}/`);
    await tab.setContent(hostPage(olderUrl, currentUrl));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  const registry = () =>
    tab.evaluate(() => (globalThis as unknown as Record<symbol, Registry>)[Symbol.for('plein/embed@1')]!);
  /** The requests for one element's own code (`chunks/plein-ask-….js`), from either copy. */
  const defineChunkRequests = (tag: string) =>
    requests
      .map((request) => new URL(request.url()).pathname)
      .filter((path) => new RegExp(`/chunks/${tag}-[\\w-]+\\.js$`).test(path));

  it('runs both copies, and each says which release it is', async () => {
    await tab.locator('plein-questions [part="item"]').first().waitFor();
    const { bundles } = await registry();
    assert.deepEqual(bundles, [
      { version: olderVersion, url: olderUrl },
      { version: currentVersion, url: currentUrl },
    ]);
  });

  it('loads each element once: the first copy takes what it knows, the newer copy the rest', async () => {
    await tab.locator('plein-ask').getByLabel('Onderwerp').waitFor();
    await tab.locator('plein-contact').locator('[part]').first().waitFor();
    const { claims } = await registry();
    assert.deepEqual(claims, {
      'plein-community': olderUrl,
      'plein-questions': olderUrl,
      'plein-contact': olderUrl,
      'plein-ask': currentUrl,
    });
    assert.deepEqual(defineChunkRequests('plein-community'), ['/embed-ouder/chunks/' + chunkName('plein-community')]);
    assert.deepEqual(defineChunkRequests('plein-questions'), ['/embed-ouder/chunks/' + chunkName('plein-questions')]);
    assert.deepEqual(defineChunkRequests('plein-contact'), ['/embed-ouder/chunks/' + chunkName('plein-contact')]);
    assert.deepEqual(defineChunkRequests('plein-ask'), ['/embed/chunks/' + chunkName('plein-ask')]);
    for (const tag of ['plein-community', 'plein-questions', 'plein-ask', 'plein-contact']) {
      assert.ok(await tab.evaluate((name) => customElements.get(name) !== undefined, tag), `<${tag}> is defined`);
    }
  });

  it('sends each list query once, though two copies watch the page', async () => {
    const listQueries = requests.filter(
      (request) => request.method() === 'POST' && /query QuestionsList\b/.test(request.postData() ?? ''),
    );
    assert.equal(listQueries.length, 1, `list queries: ${listQueries.length}`);
  });

  it('opens a thread in place, loading the thread code once', async () => {
    const list = tab.locator('plein-questions');
    const first = list.locator('[part="title"]').first();
    const title = ((await first.textContent()) ?? '').trim();
    await first.click();
    await list.locator('plein-question').getByRole('heading', { name: title }).waitFor();
    // <plein-questions> imports the thread's code itself, from its own copy, when a thread opens.
    assert.deepEqual(defineChunkRequests('plein-question'), ['/embed-ouder/chunks/' + chunkName('plein-question')]);
  });

  it("lets the newer copy's ask form post through the older copy's <plein-community> (context across copies)", async () => {
    const form = tab.locator('plein-ask');
    const title = `Twee scripts, één vraag: tel ik mijn vakantiegeld mee? ${Date.now()}`;
    await form.getByLabel('Onderwerp').selectOption('ww');
    await form.getByLabel('Uw vraag in één zin').fill(title);
    await form
      .getByLabel('Uitleg bij uw vraag')
      .fill('Ik krijg in mei vakantiegeld van mijn oude werkgever. Moet ik dat doorgeven bij mijn WW-uitkering?');
    await writingTime();
    await form.getByRole('button', { name: 'Vraag plaatsen' }).click();
    await form.getByRole('heading', { name: 'Uw vraag staat online' }).waitFor();
    // <plein-ask> has no community attribute: only the provider's client can have sent this.
    const asked = requests.filter((request) => /mutation AskQuestion\b/.test(request.postData() ?? ''));
    assert.equal(asked.length, 1);
    assert.match(asked[0]!.postData() ?? '', /"community":"eemsdelta"/);
  });

  it('still loads a tag added later exactly once, though both copies watch for it', async () => {
    await tab.evaluate(() => {
      const topics = document.createElement('plein-topics');
      topics.setAttribute('community', 'eemsdelta');
      document.querySelector('main')!.append(topics);
    });
    await tab.locator('plein-topics').locator('[part]').first().waitFor();
    assert.equal(defineChunkRequests('plein-topics').length, 1);
    assert.equal((await registry()).claims['plein-topics'], olderUrl);
  });

  it('reported no errors and registered every tag once, without a single "already registered" warning', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(
      warnings.filter((text) => /Plein/.test(text)),
      [],
    );
  });
});

/** The file name the build gave an element's own chunk, from its chunk graph. */
function chunkName(tag: string): string {
  const graph = JSON.parse(readFileSync(join(dirname(embedBundle), 'chunks.json'), 'utf8')) as Record<
    string,
    { module: string | null }
  >;
  const file = Object.keys(graph).find((name) => graph[name]!.module === `packages/elements/src/define/${tag}.ts`);
  assert.ok(file, `no chunk for ${tag}`);
  return file.replace('chunks/', '');
}
