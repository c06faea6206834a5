import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addNonce, freshNonce } from '../packages/server/src/http/csp-strict-pages.ts';
import { collectPageProblems, launchChromium, writingTime } from './browser.ts';
import { type RealServer, startRealServer } from './server.ts';

const strictPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'";

/** What the page reports as a violation; added before any page script runs, so nothing is missed. */
function listenForViolations(): void {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  window.addEventListener(
    'securitypolicyviolation',
    (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}`),
    true,
  );
}

interface Visit {
  page: Page;
  problems: string[];
  policy: string;
  sockets: string[];
}

/**
 * The policy of a municipal site on another host than the community, with the lines README.md publishes
 * ("Strict Content-Security-Policy"): the community's origin for scripts and calls, and its WebSocket origin.
 */
function otherHostPolicy(community: string, { withSocket = true, nonce = '' } = {}): string {
  const socket = community.replace(/^http/, 'ws');
  const scripts = nonce ? `'nonce-${nonce}'` : `'self' ${community}`;
  return (
    `default-src 'none'; script-src ${scripts}; style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}; ` +
    `connect-src 'self' ${community}${withSocket ? ` ${socket}` : ''}; img-src 'self' data:; ` +
    "base-uri 'none'; form-action 'none'"
  );
}

/**
 * A municipal site on its own origin (another port is another origin) that embeds the community from the real server:
 * the strict example page with the script from there, under `otherHostPolicy`. `/zonder-socket` leaves out the
 * WebSocket source.
 */
async function startOtherHost(community: string): Promise<{ url: string; close(): Promise<void> }> {
  const folder = new URL('../examples/csp-strict/', import.meta.url);
  const page = (file: string) => {
    const html = readFileSync(new URL(file, folder), 'utf8');
    assert.ok(html.includes('src="/embed/plein.js"'));
    return html.replace('src="/embed/plein.js"', `src="${community}/embed/plein.js"`);
  };
  const [strictHtml, nonceHtml] = [page('index.html'), page('nonce.html')];
  const css = readFileSync(new URL('page.css', folder));
  const server: Server = createServer((request, response) => {
    const send = (html: string, policy: string) =>
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy })
        .end(html);
    if (request.url === '/page.css') return response.writeHead(200, { 'content-type': 'text/css' }).end(css);
    if (request.url === '/') return send(strictHtml, otherHostPolicy(community));
    if (request.url === '/zonder-socket') return send(strictHtml, otherHostPolicy(community, { withSocket: false }));
    if (request.url === '/nonce.html') {
      const nonce = freshNonce();
      return send(addNonce(nonceHtml, nonce), otherHostPolicy(community, { nonce }));
    }
    response.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const variants = [
  { name: 'the strict page', url: (community: string) => `${community}/csp-strict/` },
  { name: 'the nonce page', url: (community: string) => `${community}/csp-strict/nonce.html` },
  { name: 'a site on another host', url: (_community: string, otherHost: string) => `${otherHost}/` },
  {
    name: 'a site on another host with a nonce',
    url: (_community: string, otherHost: string) => `${otherHost}/nonce.html`,
  },
];

describe('the widgets under a strict Content-Security-Policy (real server, built bundle, Chromium)', () => {
  let server: RealServer;
  let browser: Browser;
  let context: BrowserContext;
  let otherHost: Awaited<ReturnType<typeof startOtherHost>>;

  before(async () => {
    server = await startRealServer();
    otherHost = await startOtherHost(server.url);
    const allowed = await server.cli(['community', 'allow-origin', 'eemsdelta', otherHost.url]);
    assert.equal(allowed.code, 0, allowed.stderr);
    browser = await launchChromium();
    context = await browser.newContext();
    await context.addInitScript(listenForViolations);
  });

  after(async () => {
    await browser?.close();
    await otherHost?.close();
    await server?.stop();
  });

  async function visit(url: string): Promise<Visit> {
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    page.on('console', (message) => {
      // Chromium reports a refused load as a console error, some only as a warning; neither may happen here.
      if (message.type() === 'warning' && /Content.Security.Policy|Refused to/i.test(message.text())) {
        problems.push(`console.warn: ${message.text()}`);
      }
    });
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    const response = await page.goto(url);
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    return { page, problems, sockets, policy: (await response.headerValue('content-security-policy')) ?? '' };
  }

  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  it('sends exactly the strict policy with the strict page', async () => {
    const { page, policy } = await visit(`${server.url}/csp-strict/`);
    assert.equal(policy, strictPolicy);
    await page.close();
  });

  it('sends a fresh nonce with every load of the nonce page, on its script and style tags', async () => {
    const nonces: string[] = [];
    for (let load = 0; load < 2; load += 1) {
      const { page, policy } = await visit(`${server.url}/csp-strict/nonce.html`);
      const match =
        /^default-src 'none'; script-src 'nonce-([A-Za-z0-9+/]{22}==)'; style-src 'self' 'nonce-\1'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'$/.exec(
          policy,
        );
      assert.ok(match, `unexpected policy: ${policy}`);
      nonces.push(match[1]!);
      // The page's own inline script ran (and its inline style applied) only because it carries this nonce.
      const note = page.locator('#eigen-script');
      await note.getByText('Het eigen script van deze pagina draait met de nonce.').waitFor();
      assert.equal(await note.evaluate((element) => getComputedStyle(element).fontWeight), '700');
      await page.close();
    }
    assert.notEqual(nonces[0], nonces[1]);
  });

  it('notices a violation when one happens, so the zero below means something', async () => {
    const { page } = await visit(`${server.url}/csp-strict/`);
    await page.evaluate(() => {
      const image = new Image();
      image.src = 'https://elders.example/foto.png';
      document.body.append(image);
    });
    await waitFor(async () => (await violations(page)).length > 0, 'the blocked image to be reported');
    assert.match((await violations(page))[0]!, /^img-src blocked https:\/\/elders\.example\/foto\.png/);
    await page.close();
  });

  for (const variant of variants) {
    describe(variant.name, () => {
      let visited: Visit;

      before(async () => {
        visited = await visit(variant.url(server.url, otherHost.url));
      });

      after(async () => {
        await visited?.page.close();
      });

      it('shows the questions list', async () => {
        const list = visited.page.locator('plein-questions');
        await list.locator('[part="item"]').first().waitFor();
        assert.equal(await list.locator('[part="item"]').count(), 5);
      });

      it('opens a thread in place, with live answers over the WebSocket', async () => {
        const { page } = visited;
        const list = page.locator('plein-questions');
        const first = list.locator('[part="title"]').first();
        const title = ((await first.textContent()) ?? '').trim();
        await first.click();
        await list.locator('plein-question').getByRole('heading', { name: title }).waitFor();
        await list.locator('plein-question').getByLabel('Uw antwoord').waitFor();
        // Chromium counts ws:// to the page's own host as 'self' (CSP 3): the socket opens, nothing is refused.
        await waitFor(
          () => visited.sockets.some((url) => new URL(url).pathname === '/graphql'),
          'a live-answers socket',
        );
        await list.getByRole('button', { name: /Terug/ }).first().click();
        await list.locator('[part="item"]').first().waitFor();
      });

      it('validates and posts the ask form', async () => {
        const form = visited.page.locator('plein-ask');
        await form.getByRole('button', { name: 'Vraag plaatsen' }).click();
        await form.locator('[part="summary"]').getByText('Onderwerp: Kies een onderwerp.').waitFor();
        await form.getByLabel('Onderwerp').selectOption('ww');
        await form
          .getByLabel('Uw vraag in één zin')
          .fill(`Mag mijn werkgever mijn contract niet verlengen? (${variant.name})`);
        await form
          .getByLabel('Uitleg bij uw vraag')
          .fill('Ik ben al een half jaar ziek. Nu zegt mijn werkgever dat mijn contract niet verlengd wordt.');
        await writingTime();
        await form.getByRole('button', { name: 'Vraag plaatsen' }).click();
        await form.getByRole('heading', { name: 'Uw vraag staat online' }).waitFor();
      });

      it('shows the contact channels and the sign-in form', async () => {
        const { page } = visited;
        await page.locator('plein-contact').getByRole('heading', { level: 3 }).first().waitFor();
        await page.locator('plein-sign-in').getByLabel('E-mailadres').waitFor();
        const emailField = page.locator('plein-sign-in').getByLabel('E-mailadres');
        await emailField.fill('geen-account@example.org');
        await page.locator('plein-sign-in').getByLabel('Wachtwoord', { exact: true }).fill('niet-goed-genoeg');
        await page.locator('plein-sign-in').locator('[part="submit"]').click();
        // The server's answer travelled back through connect-src 'self' and is shown at the form.
        await page
          .locator('plein-sign-in')
          .locator('[part="error-summary"]')
          .getByText('Het e-mailadres of het wachtwoord klopt niet.')
          .waitFor();
      });

      it('reported zero policy violations, console errors or uncaught exceptions', async () => {
        assert.deepEqual(await violations(visited.page), []);
        assert.deepEqual(visited.problems, []);
      });
    });
  }
});

describe('a site on another host that leaves out the WebSocket source', () => {
  let server: RealServer;
  let browser: Browser;
  let otherHost: Awaited<ReturnType<typeof startOtherHost>>;

  before(async () => {
    server = await startRealServer();
    otherHost = await startOtherHost(server.url);
    assert.equal((await server.cli(['community', 'allow-origin', 'eemsdelta', otherHost.url])).code, 0);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await otherHost?.close();
    await server?.stop();
  });

  it('gets the live-answers socket refused (so the line is needed), and the thread still shows', async () => {
    const context = await browser.newContext();
    await context.addInitScript(listenForViolations);
    const page = await context.newPage();
    await page.goto(`${otherHost.url}/zonder-socket`);
    const list = page.locator('plein-questions');
    const first = list.locator('[part="title"]').first();
    const title = ((await first.textContent()) ?? '').trim();
    await first.click();
    await list.locator('plein-question').getByRole('heading', { name: title }).waitFor();
    const socketPattern = new RegExp(
      `^connect-src blocked ${server.url.replace(/^http/, 'ws').replace(/[.]/g, '\\.')}/graphql`,
    );
    const read = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    await waitFor(async () => (await read()).some((line) => socketPattern.test(line)), 'the refused socket');
    // Nothing else was refused: the other lines are enough for everything but the socket.
    assert.deepEqual(
      (await read()).filter((line) => !socketPattern.test(line)),
      [],
    );
    await context.close();
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, limit = 30_000): Promise<void> {
  const end = Date.now() + limit;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`waited ${limit} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
