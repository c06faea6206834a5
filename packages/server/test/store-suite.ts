import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { seedCommunity } from '../src/seed/seed.ts';
import { createServices, type Services } from '../src/services/services.ts';
import { hashToken } from '../src/services/secrets.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import { ServiceError } from '../src/services/errors.ts';
import type { TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

/** Every migration file, in order: a fresh database runs them all. */
const migrationNames = readdirSync(new URL('../src/store/migrations/', import.meta.url))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

const askInput = (overrides: Record<string, unknown> = {}) => ({
  community: 'testgemeente',
  topic: 'ontslag',
  title: 'Word ik ontslagen als mijn afdeling sluit?',
  body: 'Mijn afdeling gaat dicht. Mijn werkgever zegt dat er ontslagen vallen. Wat zijn mijn rechten?',
  idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
  ...overrides,
});

/**
 * One suite for every engine: the same store and services must behave the same on SQLite and PostgreSQL.
 * `open` makes a fresh, empty database for this run.
 */
export function defineStoreSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`store and services on ${engine}`, () => {
    let database: TestDatabase;
    let opened: OpenedStore;
    let services: Services;
    let communityId: string;

    before(async () => {
      database = await open();
      opened = await openStore(database.url);
      services = createServices(opened.store, fixedClock);
      await seedCommunity(opened.store, fixtureCommunity, fixedClock);
      communityId = (await opened.store.communityBySlug('testgemeente'))!.id;
    });

    after(async () => {
      await opened?.connection.close();
      await database?.drop();
    });

    it('migrates once: a second start finds nothing to do', async () => {
      assert.deepEqual(opened.migrations, migrationNames);
      const again = await openStore(database.url);
      assert.deepEqual(again.migrations, []);
      await again.connection.close();
    });

    it('lists seeded questions newest first with a stable cursor order', async () => {
      const firstPage = await services.questions.list(communityId, { first: 2 });
      assert.equal(await firstPage.totalCount(), 5);
      assert.equal(firstPage.pageInfo.hasNextPage, true);
      const secondPage = await services.questions.list(communityId, { first: 2, after: firstPage.pageInfo.endCursor });
      const thirdPage = await services.questions.list(communityId, { first: 2, after: secondPage.pageInfo.endCursor });
      const titles = [...firstPage.edges, ...secondPage.edges, ...thirdPage.edges].map((e) => e.node.title);
      assert.equal(titles.length, 5);
      assert.equal(new Set(titles).size, 5);
      assert.equal(titles[0], 'Gedeeltelijk werken naast mijn WW-uitkering');
      assert.equal(thirdPage.pageInfo.hasNextPage, false);
      const created = [...firstPage.edges, ...secondPage.edges, ...thirdPage.edges].map((e) => e.node.createdAt);
      assert.deepEqual(created, [...created].sort().reverse());
    });

    it('keeps the order stable when questions share a creation time', async () => {
      for (let i = 0; i < 3; i++)
        await services.questions.ask(askInput({ topic: 'ww', title: `Zelfde moment vraag nummer ${i}` }));
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await services.questions.list(communityId, { first: 1, after, topic: 'ww' });
        seen.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      assert.equal(seen.length, 5);
      assert.equal(new Set(seen).size, 5);
    });

    it('caps first at 50 and refuses less than 1', async () => {
      const many = await services.questions.list(communityId, { first: 5000 });
      assert.ok(many.edges.length <= 50);
      await assert.rejects(services.questions.list(communityId, { first: 0 }), ServiceError);
    });

    it('refuses a forged cursor with a clear error', async () => {
      const forged = Buffer.from(JSON.stringify(['NEWEST', "' OR 1=1 --", 3])).toString('base64url');
      for (const cursor of [forged, 'not a cursor', 'eyJ9', Buffer.from('["OLDEST","a","b"]').toString('base64url')]) {
        await assert.rejects(
          services.questions.list(communityId, { after: cursor }),
          (error: unknown) => error instanceof ServiceError && error.messageKey === 'INVALID_CURSOR',
        );
      }
    });

    it('filters by topic and status', async () => {
      const open = await services.questions.list(communityId, { status: 'OPEN', topic: 'ontslag' });
      assert.deepEqual(
        open.edges.map((e) => e.node.title),
        ['Vaststellingsovereenkomst tekenen of niet?'],
      );
      const resolved = await services.questions.list(communityId, { status: 'RESOLVED' });
      assert.deepEqual(
        resolved.edges.map((e) => e.node.title),
        ['Mijn werkgever dreigt met ontslag terwijl ik ziek ben'],
      );
    });

    it('finds "ontslag" when searching for "ontslagen", and other Dutch inflections', async () => {
      const search = async (text: string) =>
        (await services.questions.list(communityId, { search: text })).edges.map((e) => e.node.title);
      assert.ok((await search('ontslagen')).includes('Mijn werkgever dreigt met ontslag terwijl ik ziek ben'));
      assert.ok((await search('uitkeringen')).includes('Gedeeltelijk werken naast mijn WW-uitkering'));
      assert.ok((await search('vaststellingsovereenkomsten')).includes('Vaststellingsovereenkomst tekenen of niet?'));
      assert.deepEqual(await search('pensioenbreuk'), []);
      // Operators and quotes in a search are text, not syntax.
      assert.deepEqual(await search('"ontslag" OR * NEAR(x) -- \' ;'), await search('ontslag OR x'));
    });

    it('ranks similar questions by shared words', async () => {
      const similar = await services.questions.similar(
        communityId,
        'Moet ik de vaststellingsovereenkomst van mijn werkgever tekenen?',
        3,
      );
      assert.equal(similar[0]?.title, 'Vaststellingsovereenkomst tekenen of niet?');
      assert.deepEqual(await services.questions.similar(communityId, 'de het een', 3), []);
    });

    it('stores an asked question once per idempotency key and returns the owner token only once', async () => {
      const input = askInput({ displayName: '  ', notifyEmail: 'iemand@example.org' });
      const first = await services.questions.ask(input);
      assert.deepEqual(first.errors, []);
      assert.ok(first.ownerToken && first.ownerToken.length >= 40);
      assert.equal(first.question?.author.displayName, 'Anoniem');
      const second = await services.questions.ask(input);
      assert.equal(second.question?.id, first.question?.id);
      assert.equal(second.ownerToken, null);
      const [row] = await opened.store.questionsByIds([first.question!.id]);
      assert.equal(row?.owner_token_hash, hashToken(first.ownerToken));
      assert.notEqual(row?.owner_token_hash, first.ownerToken);
      const page = await services.questions.list(communityId, { search: 'afdeling sluit' });
      assert.equal(page.edges.filter((e) => e.node.id === first.question?.id).length, 1);
    });

    it('keeps one question when the same key arrives twice at once', async () => {
      const input = askInput();
      const results = await Promise.all([services.questions.ask(input), services.questions.ask(input)]);
      assert.equal(results[0].question?.id, results[1].question?.id);
      assert.equal(results.filter((r) => r.ownerToken !== null).length, 1);
    });

    it('returns Dutch-coded user errors and writes nothing for bad input', async () => {
      const before = await opened.store.countRows('questions');
      const result = await services.questions.ask(
        askInput({ title: 'Kort', body: 'x'.repeat(6000), notifyEmail: 'geen-adres', topic: 'ww' }),
      );
      assert.deepEqual(
        result.errors.map((e) => [e.field, e.code]),
        [
          ['title', 'TOO_SHORT'],
          ['body', 'TOO_LONG'],
          ['notifyEmail', 'INVALID_EMAIL'],
        ],
      );
      const unknownTopic = await services.questions.ask(askInput({ topic: 'bestaat-niet' }));
      assert.deepEqual(unknownTopic.errors, [{ field: 'topic', code: 'UNKNOWN_TOPIC' }]);
      const unknownCommunity = await services.questions.ask(askInput({ community: 'nergens' }));
      assert.deepEqual(unknownCommunity.errors, [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }]);
      assert.equal(await opened.store.countRows('questions'), before);
    });

    it('leaves no rows behind when a write fails halfway', async () => {
      const counts = async () => [await opened.store.countRows('questions'), await opened.store.countRows('answers')];
      const before = await counts();
      // An answer to a question that does not exist fails after the question was inserted.
      const [existing] = (await services.questions.list(communityId, { first: 1 })).edges;
      await assert.rejects(
        opened.store.transaction(async (store) => {
          await store.insertQuestion({
            ...(await store.questionsByIds([existing!.node.id]))[0]!,
            id: 'half-written',
            idempotency_key: 'half-written-key',
          });
          await store.insertAnswerRow({
            id: 'half-written-answer',
            question_id: 'does-not-exist',
            body: 'Een antwoord dat nergens bij hoort.',
            author_display_name: 'Anoniem',
            author_role: 'CITIZEN',
            author_expert_id: null,
            is_expert: 0,
            idempotency_key: 'half-written-answer-key',
            helpful_count: 0,
            created_at: '2026-11-01T12:00:00.000Z',
            publication: 'PUBLISHED',
            owner_token_hash: null,
            source_url: null,
            reviewed_on: null,
            hand_off: '[]',
            device_hash: null,
            findings: '[]',
            moderation_reason: null,
            flag_count: 0,
            waiting_since: null,
          });
        }),
      );
      assert.deepEqual(await counts(), before);
      assert.deepEqual(await opened.store.questionsByIds(['half-written']), []);
      assert.deepEqual(
        (await services.questions.list(communityId, { search: existing!.node.title })).edges.filter(
          (e) => e.node.id === 'half-written',
        ),
        [],
      );
    });

    it('answers: stores once per key, counts, and lists the accepted answer first, then experts', async () => {
      const [question] = (await services.questions.list(communityId, { status: 'RESOLVED' })).edges;
      const input = {
        questionId: question!.node.id,
        body: 'Ik had hetzelfde. Het kwam goed.',
        idempotencyKey: 'answer-key-1',
      };
      const first = await services.answers.answer(input);
      const again = await services.answers.answer(input);
      assert.deepEqual(first.errors, []);
      assert.equal(again.answer?.id, first.answer?.id);
      const refreshed = (await services.questions.byId(question!.node.id))!;
      assert.equal(refreshed.answerCount, 3);
      assert.equal(refreshed.status, 'RESOLVED');
      const answers = await services.answers.list(refreshed, 2, null);
      assert.equal(answers.pageInfo.hasNextPage, true);
      const rest = await services.answers.list(refreshed, 2, answers.pageInfo.endCursor);
      assert.deepEqual(
        [...answers.edges, ...rest.edges].map((e) => e.node.body.slice(0, 12)),
        ['Bij mij ging', 'Tijdens ziek', 'Ik had hetze'],
      );
      assert.equal(answers.edges[0]?.node.isAccepted, true);
      assert.equal(answers.edges[1]?.node.author.role, 'EXPERT');
      const unknown = await services.answers.answer({ ...input, questionId: 'nope', idempotencyKey: 'answer-key-2' });
      assert.deepEqual(unknown.errors, [{ field: 'questionId', code: 'UNKNOWN_QUESTION' }]);
    });

    it('lists experts by topic with their topics and answer counts', async () => {
      const all = await services.experts.list(communityId, {});
      assert.deepEqual(
        all.edges.map((e) => e.node.displayName),
        ['Bram Testklant', 'Els Testadviseur'],
      );
      const ww = await services.experts.list(communityId, { topic: 'ww' });
      assert.deepEqual(
        ww.edges.map((e) => e.node.displayName),
        ['Els Testadviseur'],
      );
      const topics = await services.experts.topicsOf([ww.edges[0]!.node.id]);
      assert.deepEqual(
        topics.get(ww.edges[0]!.node.id)?.map((t) => t.slug),
        ['ontslag', 'ww'],
      );
      const counts = await services.experts.answerCounts([ww.edges[0]!.node.id]);
      assert.equal(counts.get(ww.edges[0]!.node.id), 1);
    });

    it('keeps a per-community origin allowlist', async () => {
      const request = { origin: 'https://www.testgemeente.nl', ownOrigin: 'http://localhost:4000' };
      await assert.rejects(services.communities.bySlug('testgemeente', request), ServiceError);
      await services.communities.allowOrigin('testgemeente', 'https://www.testgemeente.nl/pad?x=1');
      assert.equal((await services.communities.bySlug('testgemeente', request))?.slug, 'testgemeente');
      await services.communities.create('andere', 'Andere community');
      await assert.rejects(services.communities.bySlug('andere', request), ServiceError);
      assert.ok(await services.communities.bySlug('andere', { ...request, origin: request.ownOrigin }));
    });
  });
}
