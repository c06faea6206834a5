import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { defaultRateLimits } from '../src/http/rate-limits.ts';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices } from '../src/services/services.ts';
import type { VisitCountRow } from '../src/store/database-schema.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import type { TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';
import { onEveryEngine } from './sign-in-helper.ts';

const site = 'https://www.testgemeente.nl';
const otherSite = 'https://www.elders.nl';
/** This server's own address in the tests (Fastify's inject with this Host header). */
const ownSite = 'http://localhost:4000';
/** A valid BSN (it passes the eleven test). */
const bsn = '123456782';
/** Who the visitor is, as far as a request tells: none of it may be stored or logged. */
const visitor = {
  address: '203.0.113.77',
  userAgent: 'Mozilla/5.0 (Plein-Test-Browser 42.7)',
  referer: `${site}/van/hier`,
};

interface Beacon {
  community?: unknown;
  municipality?: unknown;
  page?: unknown;
  elements?: unknown;
}

interface SendOptions {
  /** The Origin header; the page's origin by default, `null` for none. */
  origin?: string | null;
  contentType?: string;
  locale?: string;
  /** The raw body instead of the beacon as JSON. */
  raw?: string;
}

const beacon = (overrides: Beacon = {}): Beacon => ({
  community: 'testgemeente',
  page: `${site}/werk-en-inkomen`,
  elements: ['plein-questions'],
  ...overrides,
});

onEveryEngine('visit counts', (engine, open) => {
  describe(`visit counts on ${engine}`, () => {
    let database: TestDatabase;
    let opened: OpenedStore;
    let app: FastifyInstance;
    let communityId: string;
    let now: Date;
    const logLines: string[] = [];

    before(async () => {
      database = await open();
      opened = await openStore(database.url);
      await seedCommunity(opened.store, fixtureCommunity, fixedClock);
      communityId = (await opened.store.communityBySlug('testgemeente'))!.id;
      const services = createServices(opened.store, () => now);
      await services.communities.allowOrigin('testgemeente', site);
      app = await buildApp({
        store: opened.store,
        services,
        // The most talkative level: whatever the server could log about a visit, it would log here.
        logLevel: 'trace',
        logStream: { write: (line) => void logLines.push(line) },
      });
    });

    after(async () => {
      await app?.close();
      await opened?.connection.close();
      await database?.drop();
    });

    beforeEach(async () => {
      // 13:00 in the Netherlands on 1 November 2026.
      now = new Date('2026-11-01T12:00:00.000Z');
      await opened.connection.db.deleteFrom('visit_counts').execute();
    });

    async function send(body: Beacon, options: SendOptions = {}) {
      const page = typeof body.page === 'string' ? body.page : site;
      let origin: string | undefined;
      try {
        origin = options.origin === null ? undefined : (options.origin ?? new URL(page).origin);
      } catch {
        origin = site;
      }
      const response = await app.inject({
        method: 'POST',
        url: '/visits',
        remoteAddress: visitor.address,
        headers: {
          host: 'localhost:4000',
          'content-type': options.contentType ?? 'text/plain;charset=UTF-8',
          'user-agent': visitor.userAgent,
          referer: visitor.referer,
          ...(origin !== undefined && { origin }),
          ...(options.locale && { 'accept-language': options.locale }),
        },
        payload: options.raw ?? JSON.stringify(body),
      });
      return { status: response.statusCode, body: response.body, headers: response.headers };
    }

    async function rows(): Promise<VisitCountRow[]> {
      return opened.store.visits.ofCommunity(communityId);
    }

    /** The counters as `day page element municipality=count`, sorted. */
    async function counters(): Promise<string[]> {
      const municipalities = new Map(
        (await opened.store.municipalities(communityId)).map((municipality) => [municipality.id, municipality.slug]),
      );
      return (await rows())
        .map(
          (row) =>
            `${row.day} ${row.page} ${row.element} ${municipalities.get(row.municipality_id) ?? '-'}=${row.count}`,
        )
        .sort();
    }

    async function assertRefused(
      response: Awaited<ReturnType<typeof send>>,
      message: string,
      status = 400,
    ): Promise<void> {
      assert.equal(response.status, status, response.body);
      assert.deepEqual(JSON.parse(response.body), { error: message });
      assert.deepEqual(await rows(), [], 'nothing is counted');
    }

    it('counts a text/plain beacon: one per element, page and day, and a second visit adds one', async () => {
      const first = await send(beacon({ municipality: 'noord', elements: ['plein-community', 'plein-questions'] }));
      assert.equal(first.status, 204, first.body);
      assert.equal(first.body, '');
      assert.deepEqual(await counters(), [
        `2026-11-01 ${site}/werk-en-inkomen plein-community noord=1`,
        `2026-11-01 ${site}/werk-en-inkomen plein-questions noord=1`,
      ]);

      assert.equal((await send(beacon({ municipality: 'noord', elements: ['plein-questions'] }))).status, 204);
      assert.equal((await send(beacon({ elements: ['plein-questions'] }))).status, 204);
      assert.deepEqual(await counters(), [
        `2026-11-01 ${site}/werk-en-inkomen plein-community noord=1`,
        `2026-11-01 ${site}/werk-en-inkomen plein-questions -=1`,
        `2026-11-01 ${site}/werk-en-inkomen plein-questions noord=2`,
      ]);
    });

    it('counts the same element once when a beacon names it twice', async () => {
      const response = await send(beacon({ elements: ['plein-ask', 'plein-ask', 'plein-topics', 'plein-ask'] }));
      assert.equal(response.status, 204, response.body);
      assert.deepEqual(await counters(), [
        `2026-11-01 ${site}/werk-en-inkomen plein-ask -=1`,
        `2026-11-01 ${site}/werk-en-inkomen plein-topics -=1`,
      ]);
    });

    it('starts a new counter on the next Dutch day, at midnight in the Netherlands, not in UTC', async () => {
      now = new Date('2026-11-01T22:59:00.000Z'); // 23:59 in the Netherlands
      await send(beacon());
      now = new Date('2026-11-01T23:01:00.000Z'); // 00:01 on 2 November in the Netherlands, still 1 November in UTC
      await send(beacon());
      await send(beacon());
      assert.deepEqual(await counters(), [
        `2026-11-01 ${site}/werk-en-inkomen plein-questions -=1`,
        `2026-11-02 ${site}/werk-en-inkomen plein-questions -=2`,
      ]);
    });

    it('accepts application/json as well', async () => {
      const response = await send(beacon(), { contentType: 'application/json' });
      assert.equal(response.status, 204, response.body);
      assert.equal((await rows()).length, 1);
    });

    it('keeps origin and path only: the query and the fragment are dropped', async () => {
      await send(beacon({ page: `${site}/vragen/ww?zoek=ontslag&vraag=42#antwoord-3` }));
      await send(beacon({ page: `${site}` }));
      assert.deepEqual(await counters(), [
        `2026-11-01 ${site}/ plein-questions -=1`,
        `2026-11-01 ${site}/vragen/ww plein-questions -=1`,
      ]);
    });

    it('replaces path segments that could identify a person with …', async () => {
      const pages = {
        [`/klant/${bsn}/uitkering`]: '/klant/…/uitkering',
        '/dossier/2026-00123': '/dossier/…',
        '/profiel/jan.devries@example.org/berichten': '/profiel/…/berichten',
        '/profiel/jan.devries%40example.org': '/profiel/…',
        '/forum/mijn-naam-is-Jan-de-Vries': '/forum/…',
        '/bel/06-12345678': '/bel/…',
        '/adres/Kerkstraat_12': '/adres/…',
        // A slug in lower case only: the personal-data finder needs a capital or a cue to see a name.
        '/forum/jan-de-vries': '/forum/jan-de-vries',
        '/nieuws/2026/11/ww-aanvragen': '/nieuws/2026/11/ww-aanvragen',
      };
      for (const path of Object.keys(pages)) {
        const response = await send(beacon({ page: `${site}${path}` }));
        assert.equal(response.status, 204, `${path}: ${response.body}`);
      }
      const stored = (await rows()).map((row) => row.page).sort();
      assert.deepEqual(
        stored,
        Object.values(pages)
          .map((path) => `${site}${path}`)
          .sort(),
      );
      const everything = JSON.stringify(await rows());
      for (const secret of [bsn, '00123', 'jan.devries', 'Jan-de-Vries', '12345678', 'Kerkstraat']) {
        assert.ok(!everything.includes(secret), `${secret} is not stored`);
      }
    });

    it('cuts a long path at 200 characters', async () => {
      await send(beacon({ page: `${site}/${'lang-pad-'.repeat(40)}` }));
      const [row] = await rows();
      assert.equal(row!.page, `${site}/${'lang-pad-'.repeat(40)}`.slice(0, site.length + 200));
    });

    it("counts the server's own example pages without registering them", async () => {
      const response = await send(beacon({ page: `${ownSite}/municipal-site/` }));
      assert.equal(response.status, 204, response.body);
      assert.deepEqual(await counters(), [`2026-11-01 ${ownSite}/municipal-site/ plein-questions -=1`]);
    });

    it('counts a beacon without an Origin header when the page is on an allowed site', async () => {
      assert.equal((await send(beacon(), { origin: null })).status, 204);
      assert.equal((await rows()).length, 1);
    });

    describe('refuses, with a clear message and without counting anything', () => {
      it('a community that does not exist', async () => {
        await assertRefused(await send(beacon({ community: 'bestaat-niet' })), 'Deze community bestaat niet.');
      });

      it('a page on a site the community does not allow, also without an Origin header', async () => {
        const message = 'Deze website mag de community niet gebruiken. De beheerder kan de website toevoegen.';
        await assertRefused(await send(beacon({ page: `${otherSite}/werk` })), message);
        await assertRefused(await send(beacon({ page: `${otherSite}/werk` }), { origin: null }), message);
      });

      it('a page that is not the page of the site that sends the beacon', async () => {
        await assertRefused(
          await send(beacon(), { origin: otherSite }),
          'Het adres van de pagina hoort niet bij de website die de telling stuurt.',
        );
      });

      it('a page that is not an absolute http(s) address', async () => {
        const message =
          'Het adres van de pagina klopt niet. Stuur het volledige adres. Het begint met https:// of http://.';
        await assertRefused(await send(beacon({ page: '/werk-en-inkomen' }), { origin: null }), message);
        await assertRefused(await send(beacon({ page: 'javascript:alert(1)' }), { origin: null }), message);
        await assertRefused(await send(beacon({ page: 42 }), { origin: null }), message);
      });

      it('a body that is not JSON, or JSON of another shape', async () => {
        const message = 'De telling is niet goed verstuurd. Stuur JSON met community, page en elements.';
        await assertRefused(await send(beacon(), { raw: '{"community": "testgemeente", ' }), message);
        await assertRefused(await send(beacon(), { raw: '' }), message);
        await assertRefused(await send(beacon(), { raw: '["plein-questions"]' }), message);
        await assertRefused(await send(beacon({ community: undefined })), message);
      });

      it('an element that is not one of Plein’s, or no element at all', async () => {
        const message = 'Noem 1 tot 20 Plein-elementen, bijvoorbeeld plein-questions. Andere namen tellen niet.';
        await assertRefused(await send(beacon({ elements: ['plein-questions', 'my-widget'] })), message);
        await assertRefused(await send(beacon({ elements: [] })), message);
        await assertRefused(await send(beacon({ elements: 'plein-questions' })), message);
      });

      it('more than 20 elements', async () => {
        await assertRefused(
          await send(beacon({ elements: Array.from({ length: 21 }, () => 'plein-questions') })),
          'Noem 1 tot 20 Plein-elementen, bijvoorbeeld plein-questions. Andere namen tellen niet.',
        );
      });

      it('a municipality that is not one of the community', async () => {
        await assertRefused(
          await send(beacon({ municipality: 'appingedam' })),
          'Deze gemeente hoort niet bij de community. Controleer het attribuut municipality.',
        );
      });

      it('in English when the browser asks for English', async () => {
        await assertRefused(
          await send(beacon({ community: 'bestaat-niet' }), { locale: 'en-GB,en;q=0.9,nl;q=0.5' }),
          'This community does not exist.',
        );
      });

      it('a body of another type, or larger than 2 KB', async () => {
        await assertRefused(
          await send(beacon(), { contentType: 'application/x-www-form-urlencoded', raw: 'community=testgemeente' }),
          'Stuur de telling als text/plain of application/json.',
          415,
        );
        await assertRefused(
          await send(beacon({ page: `${site}/${'a'.repeat(2100)}` })),
          'De telling is te groot. Stuur hoogstens 2 KB.',
          413,
        );
      });
    });

    it('stores and logs nothing of the request: no address, user agent, referrer or moment', async () => {
      logLines.length = 0;
      assert.equal((await send(beacon({ municipality: 'zuid' }))).status, 204);
      assert.equal((await send(beacon({ community: 'bestaat-niet' }))).status, 400);
      const row = (await rows())[0]!;
      assert.deepEqual(Object.keys(row).sort(), ['community_id', 'count', 'day', 'element', 'municipality_id', 'page']);
      const stored = JSON.stringify(await rows());
      const logged = logLines.join('\n');
      for (const trace of [visitor.address, visitor.userAgent, 'Plein-Test-Browser', visitor.referer, '/van/hier']) {
        assert.ok(!stored.includes(trace), `${trace} is not stored`);
        assert.ok(!logged.includes(trace), `${trace} is not logged`);
      }
      // Not even a line that a beacon came in, which would keep its moment to the millisecond.
      assert.ok(!logged.includes('/visits'), logged);
    });

    it('keeps at most 500 counters a day: new pages beyond that count under <origin>/…', async () => {
      const day = '2026-11-01';
      const base = { community_id: communityId, day, municipality_id: '', element: 'plein-questions' };
      await opened.store.visits.add(
        Array.from({ length: 499 }, (_, index) => ({ ...base, page: `${site}/pagina-${index}` })),
      );
      assert.equal((await send(beacon({ page: `${site}/nummer-500` }))).status, 204);
      assert.equal(await opened.store.visits.rowsOnDay(communityId, day), 500);

      // Full: a new page, or a new element on a known page, goes to the one overflow page of its origin.
      assert.equal((await send(beacon({ page: `${site}/nog-een` }))).status, 204);
      assert.equal((await send(beacon({ page: `${site}/en-nog-een` }))).status, 204);
      assert.equal((await send(beacon({ page: `${site}/nummer-500`, elements: ['plein-ask'] }))).status, 204);
      // A counter that exists goes on counting where it is.
      assert.equal((await send(beacon({ page: `${site}/nummer-500` }))).status, 204);

      const counted = (await counters()).filter((line) => !line.includes('/pagina-'));
      assert.deepEqual(counted, [
        `${day} ${site}/nummer-500 plein-questions -=2`,
        `${day} ${site}/… plein-ask -=1`,
        `${day} ${site}/… plein-questions -=2`,
      ]);
      assert.equal(await opened.store.visits.rowsOnDay(communityId, day), 502);

      // The next day starts empty.
      now = new Date('2026-11-02T12:00:00.000Z');
      await send(beacon({ page: `${site}/nog-een` }));
      assert.ok((await counters()).includes(`2026-11-02 ${site}/nog-een plein-questions -=1`));
    });

    it('limits beacons per address (a keyed hash of it), and says so in the request’s language', async () => {
      const limited = await buildApp({
        store: opened.store,
        services: createServices(opened.store, () => now),
        logLevel: 'silent',
        rateLimits: { ...defaultRateLimits, read: null, visit: { max: 2, windowMs: 60_000 } },
        secret: 'visit-test-secret',
      });
      try {
        const post = (address: string) =>
          limited.inject({
            method: 'POST',
            url: '/visits',
            remoteAddress: address,
            headers: { host: 'localhost:4000', 'content-type': 'text/plain', 'accept-language': 'en' },
            payload: JSON.stringify(beacon()),
          });
        assert.equal((await post('198.51.100.1')).statusCode, 204);
        assert.equal((await post('198.51.100.1')).statusCode, 204);
        const refused = await post('198.51.100.1');
        assert.equal(refused.statusCode, 429);
        assert.ok(Number(refused.headers['retry-after']) > 0);
        assert.deepEqual(refused.json(), {
          error: 'Many counts come from this address. Please wait a moment and try again.',
        });
        // Another address has its own limit.
        assert.equal((await post('198.51.100.2')).statusCode, 204);
        assert.deepEqual(await counters(), [`2026-11-01 ${site}/werk-en-inkomen plein-questions -=3`]);
      } finally {
        await limited.close();
      }
    });
  });
});
