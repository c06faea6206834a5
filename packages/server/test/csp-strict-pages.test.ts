import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, defaultExamplesDir } from '../src/app.ts';
import { addNonce, noncePolicy, strictPolicy } from '../src/http/csp-strict-pages.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices, type Services } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

const HOST_ORIGIN = 'https://www.testgemeente.nl';

describe('the strict-CSP example pages', () => {
  let database: TestDatabase;
  let opened: OpenedStore;
  let services: Services;
  let app: FastifyInstance;

  before(async () => {
    database = freshSqliteDatabase();
    opened = await openStore(database.url);
    await seedCommunity(opened.store, fixtureCommunity, fixedClock);
    services = createServices(opened.store);
    await services.communities.allowOrigin('testgemeente', HOST_ORIGIN);
    app = await buildApp({ store: opened.store, services, logLevel: 'silent' });
  });

  after(async () => {
    await app.close();
    await opened.connection.close();
    await database.drop();
  });

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'localhost:4000' } });

  it('sends the strict page with exactly the strict policy, uncached', async () => {
    for (const url of ['/csp-strict/', '/csp-strict/index.html']) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(
        response.headers['content-security-policy'],
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
          "base-uri 'none'; form-action 'none'",
      );
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.equal(response.body, readFileSync(join(defaultExamplesDir, 'csp-strict/index.html'), 'utf8'));
      // The other security headers of a page stay.
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
    }
    const bare = await get('/csp-strict');
    assert.equal(bare.statusCode, 301);
    assert.equal(bare.headers.location, '/csp-strict/');
  });

  it('keeps the strict page free of anything inline: it must work without a nonce', () => {
    const html = readFileSync(join(defaultExamplesDir, 'csp-strict/index.html'), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i);
    assert.doesNotMatch(html, /<style\b/i);
    assert.doesNotMatch(html, /\sstyle\s*=|\son[a-z]+\s*=/i);
  });

  it('gives the nonce page a fresh nonce per response, on every script and style tag and in its policy', async () => {
    const seen = new Set<string>();
    for (let load = 0; load < 3; load += 1) {
      const response = await get('/csp-strict/nonce.html');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const nonce = /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1];
      assert.ok(nonce && /^[A-Za-z0-9+/]{22}==$/.test(nonce), `nonce ${nonce}`);
      assert.equal(response.headers['content-security-policy'], noncePolicy(nonce));
      const tags = [...response.body.matchAll(/<(script|style)\b[^>]*>/gi)].map(([tag]) => tag);
      assert.ok(tags.length >= 3, tags.join(' '));
      for (const tag of tags) assert.ok(tag.includes(` nonce="${nonce}"`), tag);
      seen.add(nonce);
    }
    assert.equal(seen.size, 3);
  });

  it('puts the nonce on script and style tags only', () => {
    assert.equal(
      addNonce('<script type="module" src="/a.js"></script><style>p{}</style><scripts><link rel="stylesheet">', 'N'),
      '<script nonce="N" type="module" src="/a.js"></script><style nonce="N">p{}</style><scripts><link rel="stylesheet">',
    );
  });

  it('exports the policy the route sends', async () => {
    assert.equal((await get('/csp-strict/')).headers['content-security-policy'], strictPolicy);
  });

  it('is absent from a server whose examples folder has no strict pages', async () => {
    const examplesDir = mkdtempSync(join(tmpdir(), 'plein-examples-'));
    const bare = await buildApp({ store: opened.store, services, logLevel: 'silent', examplesDir });
    try {
      const response = await bare.inject({ method: 'GET', url: '/csp-strict/nonce.html' });
      assert.equal(response.statusCode, 404);
    } finally {
      await bare.close();
      rmSync(examplesDir, { recursive: true, force: true });
    }
  });

  it('lets host sites on other origins send visit beacons without a blocked answer', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/visits',
      headers: { host: 'localhost:4000', origin: HOST_ORIGIN, 'content-type': 'text/plain' },
      payload: 'geen json',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
  });
});
