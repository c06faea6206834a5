import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { seedCommunity } from '../src/seed/seed.ts';
import { ServiceError } from '../src/services/errors.ts';
import { ServiceEvents, type ServiceEventMap } from '../src/services/events.ts';
import { createServices, type Services } from '../src/services/services.ts';
import { type OpenedStore, openStore } from '../src/store/open-store.ts';
import type { TestDatabase } from './engines.ts';
import { fixedClock, fixtureCommunity } from './fixture-community.ts';

const MINUTE = 60_000;
let keys = 0;
const key = () => `safe-key-${++keys}-${Math.random().toString(36).slice(2)}`;

const askInput = (overrides: Record<string, unknown> = {}) => ({
  community: 'testgemeente',
  topic: 'ontslag',
  title: 'Mag mijn werkgever mijn contract zomaar stoppen?',
  body: 'Mijn tijdelijke contract loopt af en mijn werkgever zegt niets. Wat moet ik nu doen?',
  idempotencyKey: key(),
  ...overrides,
});

/** A name the pii step finds only with low confidence: "mevrouw Jansen" may be a third party. */
const uncertainName = 'Mevrouw Jansen van personeelszaken zei dat ik weg moet. Klopt dat wel met mijn rechten?';

/**
 * The rules of "Asking safely" on one engine: personal data replaced or held, held posts only for their author, the
 * asker's actions with the owner token, helpful votes, situations. `open` makes a fresh, empty database.
 */
export function defineAskingSafelySuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`asking safely on ${engine}`, () => {
    let database: TestDatabase;
    let opened: OpenedStore;
    let services: Services;
    let events: ServiceEvents;
    let communityId: string;
    let now: Date;
    const asked: ServiceEventMap['question-asked'][] = [];
    const published: ServiceEventMap['answer-published'][] = [];

    const ask = async (overrides: Record<string, unknown> = {}) => {
      const result = await services.questions.ask(askInput(overrides));
      assert.deepEqual(result.errors, []);
      return { question: result.question!, ownerToken: result.ownerToken! };
    };
    const answer = async (questionId: string, body: string, overrides: Record<string, unknown> = {}) => {
      const result = await services.answers.answer({ questionId, body, idempotencyKey: key(), ...overrides });
      assert.deepEqual(result.errors, []);
      return { answer: result.answer!, ownerToken: result.ownerToken! };
    };
    const listedIds = async (args: Parameters<Services['questions']['list']>[1] = {}) =>
      (await services.questions.list(communityId, { first: 50, ...args })).edges.map((e) => e.node.id);

    before(async () => {
      database = await open();
      opened = await openStore(database.url);
      now = fixedClock();
      events = new ServiceEvents();
      events.on('question-asked', (event) => void asked.push(event));
      events.on('answer-published', (event) => void published.push(event));
      services = createServices(opened.store, () => now, events, { personalDataAllow: ['050 - 123 45 67'] });
      await seedCommunity(opened.store, fixtureCommunity, fixedClock);
      communityId = (await opened.store.communityBySlug('testgemeente'))!.id;
    });

    after(async () => {
      await opened?.connection.close();
      await database?.drop();
    });

    it('replaces every kind of personal data before it is stored, in title, text and pseudonym', async () => {
      const { question } = await ask({
        title: 'Mijn BSN is 111 222 333, wat nu?',
        body:
          'Ik ben geboren op 12-03-1985 en woon op de Dijkstraat 14, 9934 AB Delfzijl. Mail jan.devries@example.org ' +
          'of bel 06-12345678. Mijn IBAN is NL91 ABNA 0417 1643 00. Hallo, mijn naam is Jan de Vries. ' +
          'Het kantoor zegt: bel 050 - 123 45 67.',
        displayName: 'bel 06-87654321',
      });
      const [row] = await opened.store.questionsByIds([question.id]);
      assert.equal(row?.title, 'Mijn BSN is [BSN verwijderd], wat nu?');
      assert.equal(
        row?.body,
        'Ik ben geboren op [geboortedatum verwijderd] en woon op de [adres verwijderd], [postcode verwijderd] Delfzijl. ' +
          'Mail [e-mailadres verwijderd] of bel [telefoonnummer verwijderd]. Mijn IBAN is [IBAN verwijderd]. ' +
          'Hallo, mijn naam is [naam verwijderd]. Het kantoor zegt: bel 050 - 123 45 67.',
      );
      assert.equal(row?.author_display_name, 'bel [telefoonnummer verwijderd]');
      assert.equal(row?.publication, 'PUBLISHED');
      assert.equal(question.body, row?.body, 'the caller sees what was stored');
    });

    it('replaces low-confidence finds other than names too: a BSN without the word BSN, an 0800 number', async () => {
      const { question } = await ask({ body: 'Mijn nummer bij de gemeente is 123456782. Bel ook 0800-0123 maar.' });
      const [row] = await opened.store.questionsByIds([question.id]);
      assert.equal(
        row?.body,
        'Mijn nummer bij de gemeente is [BSN verwijderd]. Bel ook [telefoonnummer verwijderd] maar.',
      );
    });

    it('holds a question that may name someone: invisible to others, visible to its asker', async () => {
      const topicId = (await opened.store.topicBySlug(communityId, 'ontslag'))!.id;
      const topicCount = async () => (await services.communities.questionCountsByTopic([topicId])).get(topicId);
      const topicBefore = await topicCount();
      const totalBefore = await (await services.questions.list(communityId, {})).totalCount();
      const { question, ownerToken } = await ask({ title: 'Personeelszaken wil mij ontslaan', body: uncertainName });
      assert.equal(question.publication, 'HELD');
      const [row] = await opened.store.questionsByIds([question.id]);
      assert.equal(row?.body, uncertainName, 'the uncertain name stays for the moderator to judge');

      assert.ok(!(await listedIds()).includes(question.id), 'not in the list');
      assert.equal(await (await services.questions.list(communityId, {})).totalCount(), totalBefore);
      assert.deepEqual(await listedIds({ search: 'personeelszaken' }), [], 'not in search');
      const similar = await services.questions.similar(communityId, 'personeelszaken ontslaan Jansen', 5);
      assert.ok(!similar.some((q) => q.id === question.id), 'not among similar questions');
      assert.equal(await topicCount(), topicBefore, 'not in the topic count');

      assert.equal(await services.questions.byId(question.id), null);
      assert.equal(await services.questions.byId(question.id, undefined, 'a'.repeat(43)), null);
      assert.equal((await services.questions.byId(question.id, undefined, ownerToken))?.publication, 'HELD');
      const mine = await services.questions.mine([ownerToken, 'onbekend-token-onbekend-token-1234']);
      assert.deepEqual(
        mine.map((q) => [q.id, q.publication]),
        [[question.id, 'HELD']],
      );

      const answered = await services.answers.answer({
        questionId: question.id,
        body: 'Ik weet het ook niet.',
        idempotencyKey: key(),
      });
      assert.deepEqual(answered.errors, [{ field: 'questionId', code: 'UNKNOWN_QUESTION' }]);
    });

    it('lists my questions newest first, held ones included, and refuses more than 50 tokens', async () => {
      const first = await ask({ title: 'Eerste vraag van dit apparaat' });
      now = new Date(now.getTime() + MINUTE);
      const second = await ask({ title: 'Tweede vraag van dit apparaat', body: uncertainName });
      const mine = await services.questions.mine([first.ownerToken, second.ownerToken, first.ownerToken]);
      assert.deepEqual(
        mine.map((q) => [q.title, q.publication]),
        [
          ['Tweede vraag van dit apparaat', 'HELD'],
          ['Eerste vraag van dit apparaat', 'PUBLISHED'],
        ],
      );
      assert.deepEqual(await services.questions.mine([]), []);
      await assert.rejects(
        services.questions.mine(Array.from({ length: 51 }, () => first.ownerToken)),
        (error: unknown) => error instanceof ServiceError && error.code === 'BAD_USER_INPUT',
      );
    });

    it('holds an answer that may name someone; its writer sees it through the answer owner token', async () => {
      const { question } = await ask();
      const clean = await answer(question.id, 'Vraag uw werkgever om een schriftelijke uitleg.');
      now = new Date(now.getTime() + MINUTE);
      const held = await answer(question.id, 'Bij mij zei meneer Bakker precies hetzelfde, heel vervelend.');
      assert.equal(clean.answer.publication, 'PUBLISHED');
      assert.equal(held.answer.publication, 'HELD');
      assert.ok(held.ownerToken && held.ownerToken !== clean.ownerToken);
      const [row] = await opened.store.answersByIds([held.answer.id]);
      assert.notEqual(row?.owner_token_hash, held.ownerToken, 'only the hash is stored');

      const refreshed = (await services.questions.byId(question.id))!;
      assert.equal(refreshed.answerCount, 1);
      const listed = await services.answers.list(refreshed, 20, null);
      assert.deepEqual(
        listed.edges.map((e) => e.node.id),
        [clean.answer.id],
      );
      assert.equal(await listed.totalCount(), 1);
      assert.deepEqual(
        (await services.answers.mine([held.ownerToken, clean.ownerToken])).map((a) => [a.id, a.publication]),
        [
          [clean.answer.id, 'PUBLISHED'],
          [held.answer.id, 'HELD'],
        ],
      );
      const vote = await services.votes.markHelpful({ answerId: held.answer.id, voterKey: 'apparaat-sleutel-1' });
      assert.deepEqual(vote.errors, [{ field: 'answerId', code: 'UNKNOWN_ANSWER' }]);

      await events.settled();
      assert.ok(published.some((e) => e.answer.id === clean.answer.id && e.question.answerCount === 1));
      assert.ok(!published.some((e) => e.answer.id === held.answer.id), 'a held answer is not announced');
    });

    it('announces a new question once, after it is stored, with the follow-up address and language', async () => {
      const input = askInput({ notifyEmail: 'volger@example.org' });
      const first = await services.questions.ask(input, undefined, 'en');
      await services.questions.ask(input, undefined, 'en');
      await events.settled();
      const announced = asked.filter((e) => e.question.id === first.question?.id);
      assert.equal(announced.length, 1);
      assert.equal(announced[0]?.notifyEmail, 'volger@example.org');
      assert.equal(announced[0]?.locale, 'en');
    });

    it('lets the asker edit within 15 minutes, removing personal data again and updating search', async () => {
      const { question, ownerToken } = await ask({ title: 'Oude titel over mijn proeftijd' });
      now = new Date(now.getTime() + 14 * MINUTE);
      const edited = await services.owner.edit({
        questionId: question.id,
        ownerToken,
        title: 'Nieuwe titel over mijn concurrentiebeding',
        body: 'Mijn werkgever noemt een concurrentiebeding. Bel mij op 06-12345678 als u het weet.',
        topic: 'ww',
      });
      assert.deepEqual(edited.errors, []);
      assert.equal(edited.question?.editedAt, now.toISOString());
      assert.equal(
        edited.question?.body,
        'Mijn werkgever noemt een concurrentiebeding. Bel mij op [telefoonnummer verwijderd] als u het weet.',
      );
      const [row] = await opened.store.questionsByIds([question.id]);
      assert.equal(row?.title, 'Nieuwe titel over mijn concurrentiebeding');
      assert.equal(row?.topic_id, (await opened.store.topicBySlug(communityId, 'ww'))?.id);
      assert.equal(row?.edited_at, now.toISOString());
      assert.ok((await listedIds({ search: 'concurrentiebeding' })).includes(question.id));
      assert.ok(!(await listedIds({ search: 'proeftijd' })).includes(question.id), 'the old words are gone');

      const change = {
        questionId: question.id,
        ownerToken,
        title: 'Nog een andere titel',
        body: 'Nog een andere tekst van voldoende lengte.',
        topic: 'ww',
      };
      now = new Date(Date.parse(question.createdAt) + 15 * MINUTE + 1);
      assert.deepEqual((await services.owner.edit(change)).errors, [{ field: null, code: 'EDIT_WINDOW_CLOSED' }]);
      assert.equal(
        (await opened.store.questionsByIds([question.id]))[0]?.title,
        'Nieuwe titel over mijn concurrentiebeding',
      );
    });

    it('holds an edited question that now may name someone, and refuses wrong tokens and topics', async () => {
      const { question, ownerToken } = await ask();
      const change = {
        questionId: question.id,
        ownerToken,
        title: 'Een vraag over personeelszaken',
        body: uncertainName,
        topic: 'ontslag',
      };
      assert.deepEqual((await services.owner.edit({ ...change, topic: 'bestaat-niet' })).errors, [
        { field: 'topic', code: 'UNKNOWN_TOPIC' },
      ]);
      const otherToken = (await ask()).ownerToken;
      assert.deepEqual((await services.owner.edit({ ...change, ownerToken: otherToken })).errors, [
        { field: null, code: 'NOT_OWNER' },
      ]);
      assert.deepEqual((await services.owner.edit({ ...change, ownerToken: 'kort' })).errors, [
        { field: 'ownerToken', code: 'NOT_OWNER' },
      ]);
      assert.deepEqual((await services.owner.edit({ ...change, questionId: 'bestaat-niet' })).errors, [
        { field: 'questionId', code: 'UNKNOWN_QUESTION' },
      ]);
      const edited = await services.owner.edit(change);
      assert.equal(edited.question?.publication, 'HELD');
      assert.ok(!(await listedIds()).includes(question.id));
      // A held question is unknown to anyone without its token, exactly like a question that does not exist.
      assert.deepEqual((await services.owner.resolve({ questionId: question.id, ownerToken: otherToken })).errors, [
        { field: 'questionId', code: 'UNKNOWN_QUESTION' },
      ]);
    });

    it('deletes a question with its answers, votes, follow-up addresses and search entry, for good', async () => {
      const { question, ownerToken } = await ask({ title: 'Vraag over de transitievergoeding die weg moet' });
      const first = await answer(question.id, 'U heeft recht op een transitievergoeding.');
      await answer(question.id, 'Vraag ook naar uw vakantiegeld.');
      await services.votes.markHelpful({ answerId: first.answer.id, voterKey: 'apparaat-sleutel-2' });
      await opened.connection.db
        .insertInto('notification_subscriptions')
        .values({
          id: `sub-${question.id}`,
          question_id: question.id,
          email: 'volger@example.org',
          locale: 'nl',
          confirm_token_hash: `c-${question.id}`,
          unsubscribe_token_hash: `u-${question.id}`,
          confirmed_at: null,
          created_at: now.toISOString(),
          confirmation_sent_at: null,
        })
        .execute();
      const votesBefore = await opened.store.countRows('helpful_votes');

      const wrong = await services.owner.delete({ questionId: question.id, ownerToken: (await ask()).ownerToken });
      assert.deepEqual(wrong.errors, [{ field: null, code: 'NOT_OWNER' }]);
      const deleted = await services.owner.delete({ questionId: question.id, ownerToken });
      assert.deepEqual(deleted, { deletedQuestionId: question.id, errors: [] });

      assert.deepEqual(await opened.store.questionsByIds([question.id]), []);
      const db = opened.connection.db;
      const left = async (table: 'answers' | 'notification_subscriptions') =>
        (await db.selectFrom(table).select('id').where('question_id', '=', question.id).execute()).length;
      assert.equal(await left('answers'), 0);
      assert.equal(await left('notification_subscriptions'), 0);
      assert.equal(await opened.store.countRows('helpful_votes'), votesBefore - 1);
      assert.deepEqual(await listedIds({ search: 'transitievergoeding' }), []);
      if (opened.store.engine === 'sqlite') {
        const entries = await sql<{
          n: number;
        }>`SELECT count(*) AS n FROM question_search WHERE question_id = ${question.id}`.execute(db);
        assert.equal(entries.rows[0]?.n, 0, 'the search entry is gone');
      }
      const again = await services.owner.delete({ questionId: question.id, ownerToken });
      assert.deepEqual(again.errors, [{ field: 'questionId', code: 'UNKNOWN_QUESTION' }]);
    });

    it('resolves a question for its asker only', async () => {
      const { question, ownerToken } = await ask();
      const other = await ask();
      assert.deepEqual(
        (await services.owner.resolve({ questionId: question.id, ownerToken: other.ownerToken })).errors,
        [{ field: null, code: 'NOT_OWNER' }],
      );
      const resolved = await services.owner.resolve({ questionId: question.id, ownerToken });
      assert.equal(resolved.question?.status, 'RESOLVED');
      assert.ok((await listedIds({ status: 'RESOLVED' })).includes(question.id));
    });

    it('accepts an answer: RESOLVED, the answer first, and pages that neither repeat nor skip', async () => {
      const { question, ownerToken } = await ask();
      const bodies = ['Eerste antwoord van iemand.', 'Tweede antwoord van iemand.', 'Derde antwoord van iemand.'];
      const answers = [];
      for (const body of bodies) {
        answers.push((await answer(question.id, body)).answer);
        now = new Date(now.getTime() + MINUTE);
      }
      const other = await ask();
      const refused = await services.owner.acceptAnswer({ answerId: answers[2]!.id, ownerToken: other.ownerToken });
      assert.deepEqual(refused.errors, [{ field: null, code: 'NOT_OWNER' }]);
      const unknown = await services.owner.acceptAnswer({ answerId: 'bestaat-niet', ownerToken });
      assert.deepEqual(unknown.errors, [{ field: 'answerId', code: 'UNKNOWN_ANSWER' }]);

      const accepted = await services.owner.acceptAnswer({ answerId: answers[2]!.id, ownerToken });
      assert.deepEqual(accepted.errors, []);
      assert.equal(accepted.question?.status, 'RESOLVED');
      assert.equal(accepted.question?.acceptedAnswerId, answers[2]!.id);

      const refreshed = (await services.questions.byId(question.id))!;
      assert.equal(refreshed.status, 'RESOLVED');
      const seen: { body: string; isAccepted: boolean }[] = [];
      let after: string | null = null;
      do {
        const page = await services.answers.list(refreshed, 1, after);
        seen.push(...page.edges.map((e) => ({ body: e.node.body, isAccepted: e.node.isAccepted })));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      assert.deepEqual(seen, [
        { body: bodies[2], isAccepted: true },
        { body: bodies[0], isAccepted: false },
        { body: bodies[1], isAccepted: false },
      ]);
    });

    it('counts one helpful vote per device and answer, and one per different device', async () => {
      const { question } = await ask();
      const { answer: target } = await answer(question.id, 'Kijk op de website van UWV bij WW.');
      const vote = (voterKey: string) => services.votes.markHelpful({ answerId: target.id, voterKey });
      const first = await vote('apparaat-a-0001');
      assert.deepEqual([first.counted, first.answer?.helpfulCount, first.errors], [true, 1, []]);
      const again = await vote('apparaat-a-0001');
      assert.deepEqual([again.counted, again.answer?.helpfulCount], [false, 1]);
      const other = await vote('apparaat-b-0002');
      assert.deepEqual([other.counted, other.answer?.helpfulCount], [true, 2]);
      assert.equal(
        (await services.questions.byId(question.id))?.helpfulCount,
        2,
        'the question counts its answers votes',
      );

      // The store keeps a keyed hash: neither the device key nor the answer id can be read from it.
      const rows = await opened.connection.db
        .selectFrom('helpful_votes')
        .selectAll()
        .where('answer_id', '=', target.id)
        .execute();
      assert.equal(rows.length, 2);
      for (const row of rows) {
        assert.ok(!row.voter_hash.includes('apparaat'));
        assert.match(row.voter_hash, /^[A-Za-z0-9_-]{43}$/);
      }
      const stored = await opened.connection.db.selectFrom('instance_secrets').selectAll().execute();
      assert.equal(stored.filter((secret) => secret.name === 'vote-key').length, 1, 'the vote key is kept');

      // After a restart the same device is still recognised: the key was kept.
      const restarted = createServices(opened.store, () => now);
      assert.equal(
        (await restarted.votes.markHelpful({ answerId: target.id, voterKey: 'apparaat-a-0001' })).counted,
        false,
      );
      // With PLEIN_SECRET the key comes from the configuration instead, so hashes differ from the stored key's.
      const configured = createServices(opened.store, () => now, undefined, { secret: 'een-geheim-uit-de-omgeving' });
      assert.equal(
        (await configured.votes.markHelpful({ answerId: target.id, voterKey: 'apparaat-a-0001' })).counted,
        true,
      );

      for (const voterKey of ['kort', 'x'.repeat(101), 'met spatie erin']) {
        const refused = await services.votes.markHelpful({ answerId: target.id, voterKey });
        assert.deepEqual(refused.errors, [{ field: 'voterKey', code: 'INVALID_KEY' }]);
      }
      const unknown = await services.votes.markHelpful({ answerId: 'bestaat-niet', voterKey: 'apparaat-a-0001' });
      assert.deepEqual([unknown.counted, unknown.errors], [false, [{ field: 'answerId', code: 'UNKNOWN_ANSWER' }]]);
    });

    it('counts votes from two devices at once exactly once each', async () => {
      const { question } = await ask();
      const { answer: target } = await answer(question.id, 'Vraag het na bij het Juridisch Loket.');
      const results = await Promise.all(
        ['apparaat-c-0003', 'apparaat-c-0003', 'apparaat-d-0004'].map((voterKey) =>
          services.votes.markHelpful({ answerId: target.id, voterKey }),
        ),
      );
      assert.equal(results.filter((r) => r.counted).length, 2);
      assert.equal((await opened.store.answersByIds([target.id]))[0]?.helpful_count, 2);
    });

    it('gives the situations in the community order, each with its topic', async () => {
      const situations = await services.communities.situations(communityId);
      const topics = new Map((await services.communities.topics(communityId)).map((t) => [t.id, t.slug]));
      assert.deepEqual(
        situations.map((s) => [s.title, topics.get(s.topicId)]),
        [
          ['Ik ben ziek en mijn baan is in gevaar', 'ontslag'],
          ['Ik ben mijn baan kwijt', 'ww'],
        ],
      );
    });
  });
}
