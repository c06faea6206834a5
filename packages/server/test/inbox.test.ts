import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClaimQuestionDocument, ExpertInboxDocument, ReleaseClaimDocument } from '@plein/schema';
import { CLAIM_MS } from '../src/services/claim-service.ts';
import type { Question } from '../src/services/models.ts';
import type { Viewer } from '../src/services/viewer.ts';
import { type ExpertWorld, HOUR, key, MINUTE, onEveryEngine, openExpertWorld, refused } from './expert-world.ts';
import { type AccountsHarness, bearer, signedInAccount, startAccountsHarness } from './sign-in-helper.ts';

/** A name the personal-data step finds only with low confidence: the question is held for a moderator. */
const uncertainName = 'Mevrouw Jansen van personeelszaken zei dat ik weg moet. Klopt dat wel met mijn rechten?';

onEveryEngine('inbox and claims', (engine, open) => {
  describe(`the expert inbox and claims on ${engine}`, () => {
    let world: ExpertWorld;
    let els: Viewer;
    let bram: Viewer;
    let seeded: Map<string, string>;
    const ask = async (
      topic: string,
      title: string,
      body = 'Dit is de uitleg bij mijn vraag, lang genoeg om te plaatsen.',
    ) => {
      const result = await world.services.questions.ask({
        community: 'testgemeente',
        topic,
        title,
        body,
        idempotencyKey: key(),
      });
      assert.deepEqual(result.errors, []);
      return result.question!;
    };
    const inboxTitles = async (viewer: Viewer, args: { first?: number; after?: string } = {}) =>
      (await world.services.claims.inbox(viewer, { first: 50, ...args })).edges.map((edge) => edge.node.title);

    before(async () => {
      world = await openExpertWorld(await open());
      els = await world.viewer(['EXPERT'], { expertId: world.els });
      bram = await world.viewer(['EXPERT'], { expertId: world.bram });
      const page = await world.services.questions.list(world.communityId, { first: 50 });
      seeded = new Map(page.edges.map((edge) => [edge.node.title, edge.node.id]));
    });
    after(() => world?.close());

    it('shows open questions in the verified topics without an expert answer, oldest first', async () => {
      // Seeded, for ontslag and ww: one resolved (with an expert answer), three open without one.
      assert.deepEqual(await inboxTitles(els), [
        'Hoe lang krijg ik WW na twintig jaar werk?',
        'Vaststellingsovereenkomst tekenen of niet?',
        'Gedeeltelijk werken naast mijn WW-uitkering',
      ]);
      // Bram's only seeded question (bijstand) has his answer.
      assert.deepEqual(await inboxTitles(bram), []);

      world.advance(MINUTE);
      await ask('bijstand-aanvragen', 'Mag ik een auto hebben in de bijstand?');
      const held = await ask('ontslag', 'Personeelszaken wil dat ik vertrek', uncertainName);
      assert.equal(held.publication, 'HELD');
      assert.deepEqual(await inboxTitles(bram), ['Mag ik een auto hebben in de bijstand?'], 'only his topics');
      assert.ok(!(await inboxTitles(els)).includes('Personeelszaken wil dat ik vertrek'), 'held questions stay out');
    });

    it('pages the inbox by a cursor', async () => {
      const first = await world.services.claims.inbox(els, { first: 2 });
      assert.equal(first.edges.length, 2);
      assert.equal(first.pageInfo.hasNextPage, true);
      assert.equal(await first.totalCount(), 3);
      const rest = await world.services.claims.inbox(els, { first: 2, after: first.pageInfo.endCursor });
      assert.deepEqual(
        rest.edges.map((edge) => edge.node.title),
        ['Gedeeltelijk werken naast mijn WW-uitkering'],
      );
      assert.equal(rest.pageInfo.hasNextPage, false);
      await assert.rejects(world.services.claims.inbox(els, { after: 'bogus' }), { code: 'BAD_USER_INPUT' });
    });

    it('is for experts: others are refused, an expert without a current verification sees nothing', async () => {
      await refused(world.services.claims.inbox(null, {}), 'UNAUTHENTICATED');
      await refused(world.services.claims.inbox(world.portalCitizen(), {}), 'FORBIDDEN');
      await refused(world.services.claims.inbox(await world.viewer(['MODERATOR', 'ADMIN', 'STAFF']), {}), 'FORBIDDEN');
      const withoutProfile = await world.viewer(['EXPERT']);
      assert.deepEqual(await inboxTitles(withoutProfile), []);
      const otherCommunity = await world.viewer(['EXPERT'], {
        communityId: world.otherCommunityId,
        expertId: world.els,
      });
      assert.deepEqual(await inboxTitles(otherCommunity), [], 'a profile of another community gives no inbox');
    });

    it('claims a question for two hours; another expert meets ALREADY_CLAIMED until it ends', async () => {
      const { claims } = world.services;
      const questionId = seeded.get('Hoe lang krijg ik WW na twintig jaar werk?')!;
      const claimedAt = world.now().toISOString();
      const claimed = await claims.claim(questionId, els);
      assert.deepEqual(claimed.errors, []);
      assert.equal(claimed.question?.id, questionId);
      const question = claimed.question!;
      const [mine] = await claims.claimsFor([question], els);
      assert.deepEqual(mine, {
        questionId,
        expertId: world.els,
        claimedAt,
        expiresAt: new Date(world.now().getTime() + CLAIM_MS).toISOString(),
        mine: true,
      });
      assert.equal(CLAIM_MS, 2 * HOUR);
      const [seenByBram] = await claims.claimsFor([question], bram);
      assert.equal(seenByBram?.mine, false);
      assert.equal(seenByBram?.expertId, world.els);

      world.advance(HOUR);
      assert.deepEqual((await claims.claim(questionId, bram)).errors, [
        { field: 'questionId', code: 'ALREADY_CLAIMED' },
      ]);
      const [still] = await claims.claimsFor([question], bram);
      assert.equal(still?.expertId, world.els, 'the refused claim changed nothing');

      // Claiming again extends the expert's own claim and keeps its start.
      assert.deepEqual((await claims.claim(questionId, els)).errors, []);
      const [extended] = await claims.claimsFor([question], els);
      assert.equal(extended?.claimedAt, claimedAt);
      assert.equal(extended?.expiresAt, new Date(world.now().getTime() + CLAIM_MS).toISOString());

      world.advance(CLAIM_MS - 1);
      assert.equal((await claims.claimsFor([question], els))[0]?.expertId, world.els, 'one millisecond before the end');
      world.advance(1);
      assert.deepEqual(await claims.claimsFor([question], els), [null], 'a claim ends by itself');
      const takenOver = await claims.claim(questionId, bram);
      assert.deepEqual(takenOver.errors, []);
      const [bramsClaim] = await claims.claimsFor([question], bram);
      assert.equal(bramsClaim?.expertId, world.bram);
      assert.equal(bramsClaim?.claimedAt, world.now().toISOString(), 'a new claim starts now');
      assert.deepEqual((await claims.claim(questionId, els)).errors, [
        { field: 'questionId', code: 'ALREADY_CLAIMED' },
      ]);
    });

    it('releases only the expert own claim', async () => {
      const { claims } = world.services;
      const questionId = seeded.get('Hoe lang krijg ik WW na twintig jaar werk?')!;
      const question = (await world.services.questions.byId(questionId))!;
      assert.deepEqual((await claims.release(questionId, els)).errors, []);
      assert.equal((await claims.claimsFor([question], els))[0]?.expertId, world.bram, "Els cannot end Bram's claim");
      assert.deepEqual((await claims.release(questionId, bram)).errors, []);
      assert.deepEqual(await claims.claimsFor([question], bram), [null]);
      assert.deepEqual((await claims.release(questionId, bram)).errors, [], 'nothing to give back is no error');
      assert.deepEqual((await claims.release('no-such-question', bram)).errors, [
        { field: 'questionId', code: 'UNKNOWN_QUESTION' },
      ]);
      await refused(claims.release(questionId, null), 'UNAUTHENTICATED');
      await refused(claims.release(questionId, await world.viewer(['MODERATOR'])), 'FORBIDDEN');
    });

    it('lets only verified experts of the community claim, and only published questions', async () => {
      const { claims } = world.services;
      const questionId = seeded.get('Gedeeltelijk werken naast mijn WW-uitkering')!;
      await refused(claims.claim(questionId, null), 'UNAUTHENTICATED');
      await refused(claims.claim(questionId, world.portalCitizen()), 'FORBIDDEN');
      await refused(claims.claim(questionId, await world.viewer(['MODERATOR', 'ADMIN'])), 'FORBIDDEN');
      await refused(claims.claim(questionId, await world.viewer(['EXPERT'])), 'FORBIDDEN');
      const olga = await world.viewer(['EXPERT'], { communityId: world.otherCommunityId, expertId: world.otherExpert });
      await refused(claims.claim(questionId, olga), 'FORBIDDEN');
      const heldQuestion = await ask('ww', 'Mijn leidinggevende wil dat ik stop', uncertainName);
      assert.deepEqual((await claims.claim(heldQuestion.id, els)).errors, [
        { field: 'questionId', code: 'UNKNOWN_QUESTION' },
      ]);
      assert.deepEqual((await claims.claim(42, els)).errors, [{ field: 'questionId', code: 'UNKNOWN_QUESTION' }]);
    });

    it('shows a claim to the community experts, moderators and admins only', async () => {
      const questionId = seeded.get('Vaststellingsovereenkomst tekenen of niet?')!;
      assert.deepEqual((await world.services.claims.claim(questionId, els)).errors, []);
      const question = (await world.services.questions.byId(questionId))!;
      const seen = async (viewer: Viewer | null) =>
        (await world.services.claims.claimsFor([question], viewer))[0]?.expertId ?? null;
      assert.equal(await seen(null), null, 'anonymous');
      assert.equal(await seen(world.portalCitizen()), null, 'a citizen signed in through the portal');
      assert.equal(await seen(await world.viewer(['STAFF'])), null, 'municipal staff');
      assert.equal(await seen(await world.viewer(['ADMIN'], { communityId: world.otherCommunityId })), null);
      assert.equal(await seen(await world.viewer(['MODERATOR'])), world.els);
      assert.equal(await seen(await world.viewer(['ADMIN'])), world.els);
      assert.equal(await seen(bram), world.els);
    });

    it('ends the claim and leaves the inbox when the expert answers', async () => {
      const questionId = seeded.get('Vaststellingsovereenkomst tekenen of niet?')!;
      const result = await world.services.answers.answer(
        { questionId, body: 'Teken niet meteen: laat de overeenkomst eerst nakijken.', idempotencyKey: key() },
        undefined,
        els,
      );
      assert.deepEqual(result.errors, []);
      const question = (await world.services.questions.byId(questionId))!;
      assert.deepEqual(await world.services.claims.claimsFor([question], els), [null]);
      assert.ok(!(await inboxTitles(els)).includes('Vaststellingsovereenkomst tekenen of niet?'));
    });

    it('lets exactly one of two experts win when they claim at the same moment', async () => {
      const questions: Question[] = [];
      for (let i = 0; i < 6; i++) questions.push(await ask('ww', `Vraag ${i} over de duur van mijn WW`));
      for (const question of questions) {
        const results = await Promise.all([
          world.services.claims.claim(question.id, els),
          world.services.claims.claim(question.id, bram),
        ]);
        const winners = results.filter((result) => result.errors.length === 0);
        assert.equal(winners.length, 1, question.title);
        const losers = results.filter((result) => result.errors.length > 0);
        assert.deepEqual(losers[0]?.errors, [{ field: 'questionId', code: 'ALREADY_CLAIMED' }]);
        const [claim] = await world.services.claims.claimsFor([question], els);
        assert.equal(claim?.expertId, results[0]?.errors.length === 0 ? world.els : world.bram);
      }
    });
  });

  describe(`the expert inbox and claims through GraphQL on ${engine}`, () => {
    let api: AccountsHarness;
    let expertToken: string;
    let staffHeaders: Record<string, string>;
    const claimQuery = `query ($id: ID!) { question(id: $id) { id claim { mine expiresAt expert { displayName verified } } } }`;

    before(async () => {
      api = await startAccountsHarness(open);
      const [els] = (await api.opened.store.expertsOfCommunity(api.communityId)).filter(
        (expert) => expert.display_name === 'Els Testadviseur',
      );
      expertToken = (
        await signedInAccount(api.services, {
          community: 'testgemeente',
          email: 'els@example.org',
          roles: ['EXPERT'],
          expertId: els!.id,
        })
      ).token;
      const staff = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: 'staf@example.org',
        roles: ['STAFF'],
      });
      staffHeaders = bearer(staff.token);
    });
    after(() => api?.close());

    it('serves the inbox, a claim and its release to the signed-in expert, and hides the claim from others', async () => {
      const inbox = await api.graphql(String(ExpertInboxDocument), { first: 10 }, bearer(expertToken));
      assert.equal(inbox.body.errors, undefined, JSON.stringify(inbox.body.errors));
      const edges = inbox.body.data.viewer.inbox.edges;
      assert.equal(inbox.body.data.viewer.inbox.totalCount, 3);
      const questionId = edges[0].node.id as string;
      assert.equal(edges[0].node.title, 'Hoe lang krijg ik WW na twintig jaar werk?');
      assert.equal(edges[0].node.claim, null);

      const claimed = await api.graphql(String(ClaimQuestionDocument), { questionId }, bearer(expertToken));
      assert.deepEqual(claimed.body.data.claimQuestion.errors, []);
      assert.equal(claimed.body.data.claimQuestion.question.claim.mine, true);
      assert.equal(claimed.body.data.claimQuestion.question.claim.expert.displayName, 'Els Testadviseur');

      const asExpert = await api.graphql(claimQuery, { id: questionId }, bearer(expertToken));
      assert.equal(asExpert.body.data.question.claim.expert.verified, true);
      for (const headers of [{}, staffHeaders, bearer('not-a-token')]) {
        const other = await api.graphql(claimQuery, { id: questionId }, headers);
        assert.equal(other.body.errors, undefined);
        assert.equal(other.body.data.question.claim, null, JSON.stringify(headers));
      }

      const anonymousClaim = await api.graphql(String(ClaimQuestionDocument), { questionId });
      assert.equal(anonymousClaim.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      const staffClaim = await api.graphql(String(ClaimQuestionDocument), { questionId }, staffHeaders);
      assert.equal(staffClaim.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      assert.equal(staffClaim.body.errors?.[0]?.message, 'U mag dit niet doen.');

      const released = await api.graphql(String(ReleaseClaimDocument), { questionId }, bearer(expertToken));
      assert.deepEqual(released.body.data.releaseClaim, { question: { id: questionId, claim: null }, errors: [] });
      const anonymousInbox = await api.graphql(String(ExpertInboxDocument), {});
      assert.equal(anonymousInbox.body.data.viewer, null);
    });
  });
});
