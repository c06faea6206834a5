import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, defaultExamplesDir } from '../src/app.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices, type Services } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import { directives } from './csp-directives.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

const HOST_ORIGIN = 'https://www.testgemeente.nl';

/** Every HTML file under the examples folder, relative to it. */
function examplePages(): string[] {
  return readdirSync(defaultExamplesDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'));
}

describe('security headers', () => {
  let database: TestDatabase;
  let opened: OpenedStore;
  let services: Services;
  let app: FastifyInstance;
  let embedDir: string;

  before(async () => {
    database = freshSqliteDatabase();
    opened = await openStore(database.url);
    await seedCommunity(opened.store, fixtureCommunity, fixedClock);
    services = createServices(opened.store);
    await services.communities.allowOrigin('testgemeente', HOST_ORIGIN);
    // The built bundle is not there before `npm run build`; a stand-in shows how /embed/ files are served.
    embedDir = mkdtempSync(join(tmpdir(), 'plein-embed-'));
    writeFileSync(join(embedDir, 'plein.js'), 'export {};\n');
    writeFileSync(join(embedDir, 'frame.html'), '<!doctype html><title>frame</title>\n');
    mkdirSync(join(embedDir, 'chunks'));
    writeFileSync(join(embedDir, 'chunks', 'ask-Ab12Cd34.js'), 'export {};\n');
    app = await buildApp({ store: opened.store, services, logLevel: 'silent', embedDir });
  });

  after(async () => {
    await app.close();
    await opened.connection.close();
    await database.drop();
    rmSync(embedDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { host: 'localhost:4000', ...headers } });

  it('serves the example pages under a strict policy: own scripts and styles only, no framing, no referrer', async () => {
    // The strict-CSP examples send stricter policies of their own (csp-strict-pages.test.ts).
    const pages = examplePages().filter((page) => !page.startsWith('csp-strict/'));
    assert.ok(pages.length >= 2, pages.join(', '));
    for (const page of pages) {
      const url = `/${page.replace(/index\.html$/, '')}`;
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      const policy = directives(response.headers['content-security-policy']);
      assert.deepEqual(policy.get('default-src'), ["'self'"], url);
      assert.deepEqual(policy.get('script-src'), ["'self'"], url);
      assert.deepEqual(policy.get('style-src'), ["'self'"], url);
      assert.deepEqual(policy.get('object-src'), ["'none'"], url);
      assert.deepEqual(policy.get('base-uri'), ["'none'"], url);
      assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], url);
      assert.deepEqual(policy.get('connect-src'), ["'self'", 'ws://localhost:4000', 'wss://localhost:4000'], url);
      assert.ok(!policy.has('upgrade-insecure-requests'), 'plain http keeps working on a developer machine');
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['cross-origin-resource-policy'], 'same-origin');
      assert.equal(response.headers['strict-transport-security'], 'max-age=31536000');
    }
  });

  it('keeps the example pages within that policy: no inline script, style or event handler, scripts from here', () => {
    // The nonce example's inline script and style carry the nonce of each response (csp-strict-pages.test.ts).
    for (const page of examplePages().filter((name) => name !== 'csp-strict/nonce.html')) {
      const html = readFileSync(join(defaultExamplesDir, page), 'utf8');
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${page}: an inline script`);
      assert.doesNotMatch(html, /<style\b/i, `${page}: an inline style element`);
      assert.doesNotMatch(html, /\sstyle\s*=/i, `${page}: a style attribute`);
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${page}: an event handler attribute`);
      for (const [, src] of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/gi)) {
        assert.ok(src!.startsWith('/') && !src!.startsWith('//'), `${page}: script from ${src}`);
      }
    }
  });

  it('leaves no host name in the policy that could end a directive', async () => {
    const response = await get('/', { host: 'evil.example; script-src *' });
    const policy = directives(response.headers['content-security-policy']);
    assert.deepEqual(policy.get('script-src'), ["'self'"]);
    assert.deepEqual(policy.get('connect-src'), ["'self'"]);
  });

  it('lets a CDN keep hashed chunks for a year and the entry for five minutes', async () => {
    const chunk = await get('/embed/chunks/ask-Ab12Cd34.js');
    assert.equal(chunk.statusCode, 200);
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    const entry = await get('/embed/plein.js');
    assert.equal(entry.headers['cache-control'], 'public, max-age=300');
  });

  it('lets every site load /embed/ files: cross-origin resource policy, CORS, no page policy or frame rule', async () => {
    const script = await get('/embed/plein.js', { origin: 'https://www.any-municipality.nl' });
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
    assert.equal(script.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(script.headers['access-control-allow-origin'], '*');
    assert.equal(script.headers['x-content-type-options'], 'nosniff');
    assert.equal(script.headers['referrer-policy'], 'no-referrer');
    // The iframe fallback page lives under /embed/ and must be framable by host sites.
    const frame = await get('/embed/frame.html');
    assert.equal(frame.statusCode, 200);
    assert.equal(frame.headers['x-frame-options'], undefined);
    assert.equal(frame.headers['content-security-policy'], undefined);
  });

  it('keeps the notification pages their own stricter policy', async () => {
    const response = await get('/meldingen/bevestigen?token=unknown');
    assert.equal(response.statusCode, 404);
    const policy = directives(response.headers['content-security-policy']);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.match(policy.get('style-src')![0]!, /^'sha256-/);
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.equal(response.headers['x-frame-options'], 'DENY');
  });

  it('gives health checks the page headers', async () => {
    const response = await get('/healthz');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(directives(response.headers['content-security-policy']).has('frame-ancestors'));
  });

  it('answers GraphQL with nosniff and no-referrer, and keeps its CORS for registered sites', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        host: 'localhost:4000',
        origin: HOST_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], HOST_ORIGIN);
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { host: 'localhost:4000', origin: HOST_ORIGIN, 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ community(slug: "testgemeente") { name } }' }),
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['access-control-allow-origin'], HOST_ORIGIN);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.equal(response.headers['content-security-policy'], undefined);
    const refused = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { host: 'localhost:4000', origin: 'https://www.unknown.example', 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ community(slug: "testgemeente") { name } }' }),
    });
    assert.equal(refused.statusCode, 403);
  });
});
