import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices, type Services } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import { directives } from './csp-directives.ts';
import { freshSqliteDatabase, type TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

const HOST_ORIGIN = 'https://www.testgemeente.nl';
const OTHER_HOST_ORIGIN = 'http://intranet.testgemeente.nl:8080';

/** The start tags in a page, as written: enough to see which elements and attributes the server put there. */
function startTags(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((match) => match[0]);
}

describe('the iframe page for CMSes without scripts (GET /embed/frame)', () => {
  let database: TestDatabase;
  let opened: OpenedStore;
  let services: Services;
  let app: FastifyInstance;

  before(async () => {
    database = freshSqliteDatabase();
    opened = await openStore(database.url);
    await seedCommunity(opened.store, fixtureCommunity, fixedClock);
    await seedCommunity(opened.store, { ...fixtureCommunity, slug: 'zonder-sites', name: 'Zonder sites' }, fixedClock);
    services = createServices(opened.store);
    await services.communities.allowOrigin('testgemeente', HOST_ORIGIN);
    await services.communities.allowOrigin('testgemeente', OTHER_HOST_ORIGIN);
    app = await buildApp({ store: opened.store, services, logLevel: 'silent' });
  });

  after(async () => {
    await app.close();
    await opened.connection.close();
    await database.drop();
  });

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'plein.example:4000' } });

  it('shows the questions list of a community in Dutch, with the embed bundle and the height script', async () => {
    const response = await get('/embed/frame?element=questions&community=testgemeente&topic=ww&frame=vragen-1');
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(response.headers['content-language'], 'nl');
    const html = response.body;
    assert.deepEqual(startTags(html, 'html'), ['<html lang="nl" dir="ltr">']);
    assert.deepEqual(startTags(html, 'plein-questions'), ['<plein-questions community="testgemeente" topic="ww">']);
    assert.match(html, /<title>Vragen en antwoorden – Testgemeente Werk<\/title>/);
    assert.deepEqual(startTags(html, 'script'), [
      '<script type="module" src="plein.js">',
      '<script type="module" src="frame-page.js">',
    ]);
    assert.deepEqual(startTags(html, 'link'), ['<link rel="stylesheet" href="frame-page.css">']);
    assert.deepEqual(startTags(html, 'body'), ['<body data-plein-frame-id="vragen-1">']);
    assert.match(html, /<noscript><p class="frame-error">Zet JavaScript aan/);
    assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i, 'no inline style or event handler');
  });

  it('shows one thread, in English or Arabic when asked, and every element on the list', async () => {
    const thread = await get('/embed/frame?element=question&community=testgemeente&question=abc-123&lang=en');
    assert.equal(thread.statusCode, 200, thread.body);
    assert.deepEqual(startTags(thread.body, 'html'), ['<html lang="en" dir="ltr">']);
    assert.deepEqual(startTags(thread.body, 'plein-question'), [
      '<plein-question community="testgemeente" question-id="abc-123">',
    ]);
    assert.match(thread.body, /<title>Question and answers – Testgemeente Werk<\/title>/);

    const arabic = await get('/embed/frame?element=ask&community=testgemeente&lang=ar');
    assert.equal(arabic.statusCode, 200);
    assert.deepEqual(startTags(arabic.body, 'html'), ['<html lang="ar" dir="rtl">']);

    for (const [element, tag] of [
      ['ask', 'plein-ask'],
      ['my-questions', 'plein-my-questions'],
      ['contact', 'plein-contact'],
      ['experts', 'plein-experts'],
      ['topics', 'plein-topics'],
    ]) {
      const response = await get(`/embed/frame?element=${element}&community=testgemeente`);
      assert.equal(response.statusCode, 200, element);
      assert.deepEqual(startTags(response.body, tag!), [`<${tag} community="testgemeente">`], element);
    }
  });

  it('sends a strict policy of its own: scripts and styles from here, framed only by the registered sites', async () => {
    const response = await get('/embed/frame?element=questions&community=testgemeente');
    const policy = directives(response.headers['content-security-policy']);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), ["'self'"]);
    assert.deepEqual(policy.get('style-src'), ["'self'"]);
    assert.deepEqual(policy.get('connect-src'), ["'self'", 'ws://plein.example:4000', 'wss://plein.example:4000']);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.deepEqual(policy.get('form-action'), ["'none'"]);
    assert.deepEqual(new Set(policy.get('frame-ancestors')), new Set(["'self'", HOST_ORIGIN, OTHER_HOST_ORIGIN]));
    // X-Frame-Options cannot name several sites; frame-ancestors replaces it.
    assert.equal(response.headers['x-frame-options'], undefined);
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['cache-control'], 'no-cache');

    const unregistered = await get('/embed/frame?element=questions&community=zonder-sites');
    assert.equal(unregistered.statusCode, 200);
    assert.deepEqual(directives(unregistered.headers['content-security-policy']).get('frame-ancestors'), ["'self'"]);
  });

  it('serves its style sheet from here', async () => {
    const response = await get('/embed/frame-page.css');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/css/);
    assert.match(response.body, /\.visually-hidden\{/);
  });

  it('never repeats a hostile value from the address: it refuses it and names only the parameter', async () => {
    const hostile = [
      ['topic', '"><script>alert(1)</script>'],
      ['community', 'testgemeente"><img src=x onerror=alert(1)>'],
      ['question', "x' onmouseover='alert(1)"],
      ['frame', '"><svg onload=alert(1)>'],
      ['lang', 'nl"><script>alert(1)</script>'],
    ];
    for (const [name, value] of hostile) {
      const query = new URLSearchParams({ element: 'question', community: 'testgemeente', question: 'q-1' });
      query.set(name!, value!);
      const response = await get(`/embed/frame?${query}`);
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      assert.doesNotMatch(response.body, /<script|<img|<svg|onerror|onload|onmouseover|alert\(/i, name);
      assert.match(response.body, new RegExp(`De waarde bij ${name}= ontbreekt of klopt niet`), name);
      assert.match(response.body, /<html lang="nl" dir="ltr">/);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    }
    // A value given twice arrives as a list, which is refused as well.
    const twice = await get('/embed/frame?element=questions&community=testgemeente&community=zonder-sites');
    assert.equal(twice.statusCode, 400);
  });

  it('refuses an unknown element with 400 and a clear Dutch page', async () => {
    for (const element of ['', 'report', 'moderation', 'constructor', '__proto__', '<script>']) {
      const response = await get(`/embed/frame?element=${encodeURIComponent(element)}&community=testgemeente`);
      assert.equal(response.statusCode, 400, element);
      assert.match(response.body, /<h1>Dit onderdeel bestaat niet<\/h1>/, element);
      assert.match(response.body, /questions, question, ask, my-questions, contact, experts, topics/);
      assert.doesNotMatch(response.body, /<script/);
    }
    const missing = await get('/embed/frame?community=testgemeente');
    assert.equal(missing.statusCode, 400);
    const english = await get('/embed/frame?element=forum&community=testgemeente&lang=en');
    assert.match(english.body, /<h1>This part does not exist<\/h1>/);
  });

  it('answers 404 with a clear Dutch page for an unknown community or topic, never a stack trace', async () => {
    const community = await get('/embed/frame?element=questions&community=bestaat-niet');
    assert.equal(community.statusCode, 404);
    assert.match(community.body, /<h1>Deze community bestaat niet<\/h1>/);
    const topic = await get('/embed/frame?element=questions&community=testgemeente&topic=bestaat-niet');
    assert.equal(topic.statusCode, 404);
    assert.match(topic.body, /<h1>Dit onderwerp bestaat niet<\/h1>/);
    for (const response of [community, topic]) {
      assert.doesNotMatch(response.body, /Error|at .*\.ts|stack/);
      // Only fixed text: an editor may see it inside any CMS preview.
      const policy = directives(response.headers['content-security-policy']);
      assert.deepEqual(policy.get('default-src'), ["'none'"]);
      assert.deepEqual(policy.get('frame-ancestors'), ['*']);
      assert.ok(!policy.has('script-src'), 'the error pages run no script');
    }
  });

  it('needs a question id to show one thread', async () => {
    const response = await get('/embed/frame?element=question&community=testgemeente');
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /De waarde bij question= ontbreekt of klopt niet/);
  });
});
