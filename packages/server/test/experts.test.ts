import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AnswerQuestionDocument,
  ExpertProfileDocument,
  ExpertsDirectoryDocument,
  QuestionThreadDocument,
  UpdateMyProfileDocument,
  VerifyExpertDocument,
} from '@plein/schema';
import { median } from '../src/services/expert-service.ts';
import { initialsOf } from '../src/services/models.ts';
import type { Viewer } from '../src/services/viewer.ts';
import { DAY, type ExpertWorld, HOUR, key, MINUTE, onEveryEngine, openExpertWorld, refused } from './expert-world.ts';
import { type AccountsHarness, bearer, signedInAccount, startAccountsHarness } from './sign-in-helper.ts';

describe('initials', () => {
  it('takes the first name and the surname, skipping particles and titles', () => {
    assert.equal(initialsOf('Fatima el Amrani'), 'FA');
    assert.equal(initialsOf('Jan van der Berg'), 'JB');
    assert.equal(initialsOf("Kees in 't Veld"), 'KV');
    assert.equal(initialsOf('mr. Martijn Bartelds'), 'MB');
    assert.equal(initialsOf('Dr. Anne-Marie de Jong'), 'AJ');
    assert.equal(initialsOf('van Dijk'), 'VD');
    assert.equal(initialsOf('Geert'), 'G');
    assert.equal(initialsOf('  özlem   yılmaz '), 'ÖY');
    assert.equal(initialsOf('—'), '?');
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones, in whole minutes', () => {
    assert.equal(median([]), null);
    assert.equal(median([42]), 42);
    assert.equal(median([300, 10, 60]), 60);
    assert.equal(median([10, 60, 300, 15]), 38);
  });
});

onEveryEngine('experts', (engine, open) => {
  describe(`expert profiles and answers on ${engine}`, () => {
    let world: ExpertWorld;
    let elsViewer: Viewer;
    let questionIds: Map<string, string>;
    const profile = (overrides: Record<string, unknown> = {}) => ({
      displayName: 'Els Testadviseur',
      title: 'Onafhankelijk arbeidsadviseur',
      bio: 'Ik help mensen bij vragen over werk en ontslag.',
      ...overrides,
    });
    const ask = async (topic: string, title: string) => {
      const result = await world.services.questions.ask({
        community: 'testgemeente',
        topic,
        title,
        body: 'Dit is de uitleg bij mijn vraag, lang genoeg om te plaatsen.',
        idempotencyKey: key(),
      });
      assert.deepEqual(result.errors, []);
      return result.question!;
    };

    before(async () => {
      world = await openExpertWorld(await open());
      elsViewer = await world.viewer(['EXPERT'], { expertId: world.els });
      const page = await world.services.questions.list(world.communityId, { first: 50 });
      questionIds = new Map(page.edges.map((edge) => [edge.node.title, edge.node.id]));
    });
    after(() => world?.close());

    it('lets experts change their own profile only', async () => {
      const { experts } = world.services;
      await refused(experts.updateProfile(profile(), null), 'UNAUTHENTICATED');
      await refused(experts.updateProfile(profile(), await world.viewer(['ADMIN'])), 'FORBIDDEN');
      await refused(experts.updateProfile(profile(), world.portalCitizen()), 'FORBIDDEN');
      // An account of another community that names this community's expert changes nothing.
      const stranger = await world.viewer(['EXPERT'], { communityId: world.otherCommunityId, expertId: world.els });
      await refused(experts.updateProfile(profile({ displayName: 'Overgenomen' }), stranger), 'FORBIDDEN');
      assert.equal((await experts.byId(world.els))?.displayName, 'Els Testadviseur');
    });

    it('checks the profile: name length, https photo with a description, bio without BSN or IBAN', async () => {
      const { experts } = world.services;
      const errors = async (overrides: Record<string, unknown>) =>
        (await experts.updateProfile(profile(overrides), elsViewer)).errors;
      assert.deepEqual(await errors({ displayName: 'E' }), [
        { field: 'displayName', code: 'TOO_SHORT', params: { min: 2 } },
      ]);
      assert.deepEqual(await errors({ displayName: 'E'.repeat(81) }), [
        { field: 'displayName', code: 'TOO_LONG', params: { max: 80 } },
      ]);
      assert.deepEqual(await errors({ title: 'T'.repeat(81) }), [
        { field: 'title', code: 'TOO_LONG', params: { max: 80 } },
      ]);
      assert.deepEqual(await errors({ bio: 'B'.repeat(601) }), [
        { field: 'bio', code: 'TOO_LONG', params: { max: 600 } },
      ]);
      for (const photoUrl of ['http://foto.example.org/els.jpg', 'javascript:alert(1)', 'https://localhost/x.jpg']) {
        assert.deepEqual(await errors({ photoUrl, photoAlt: 'Els' }), [{ field: 'photoUrl', code: 'INVALID_URL' }]);
      }
      assert.deepEqual(await errors({ photoUrl: `https://foto.example.org/${'x'.repeat(480)}.jpg`, photoAlt: 'Els' }), [
        { field: 'photoUrl', code: 'TOO_LONG', params: { max: 500 } },
      ]);
      assert.deepEqual(await errors({ photoUrl: 'https://foto.example.org/els.jpg' }), [
        { field: 'photoAlt', code: 'REQUIRED' },
      ]);

      const result = await experts.updateProfile(
        profile({
          displayName: 'Els van der Test-Adviseur',
          bio: 'Bel mij op kantoor: 050-1234567. Stuur nooit uw BSN 111222333 of IBAN NL91ABNA0417164300 mee.',
          photoUrl: 'https://foto.example.org/els.jpg',
          photoAlt: 'Els lacht in haar kantoor',
        }),
        elsViewer,
      );
      assert.deepEqual(result.errors, []);
      const updated = result.expert!;
      assert.equal(updated.displayName, 'Els van der Test-Adviseur');
      assert.equal(updated.initials, 'ET');
      assert.equal(
        updated.bio,
        'Bel mij op kantoor: 050-1234567. Stuur nooit uw BSN [BSN verwijderd] of IBAN [IBAN verwijderd] mee.',
      );
      assert.equal(updated.photoUrl, 'https://foto.example.org/els.jpg');
      assert.equal(updated.photoAlt, 'Els lacht in haar kantoor');
      assert.equal(updated.verified, true, 'a profile change keeps the verification');

      const withoutPhoto = await experts.updateProfile(profile({ photoAlt: 'blijft niet' }), elsViewer);
      assert.equal(withoutPhoto.expert?.photoUrl, null);
      assert.equal(withoutPhoto.expert?.photoAlt, null);
      assert.equal(withoutPhoto.expert?.displayName, 'Els Testadviseur');
    });

    it('counts the median minutes to a first answer per expert, in one query for many experts', async () => {
      const { experts } = world.services;
      // Seeded: Els answered once, 5 hours after the question; Bram once, after 3 hours; Olga never.
      const before = await experts.medianMinutesToFirstAnswer([world.els, world.bram, world.otherExpert]);
      assert.deepEqual(
        [...before],
        [
          [world.els, 300],
          [world.bram, 180],
          [world.otherExpert, null],
        ],
      );
      const question = await ask('ww', 'Hoe snel moet ik mijn WW aanvragen?');
      world.advance(20 * MINUTE);
      const first = await world.services.answers.answer(
        { questionId: question.id, body: 'Binnen een week na uw laatste werkdag.', idempotencyKey: key() },
        undefined,
        elsViewer,
      );
      assert.deepEqual(first.errors, []);
      world.advance(3 * HOUR);
      // A second answer on the same question does not count again: only the first one does.
      await world.services.answers.answer(
        { questionId: question.id, body: 'Aanvulling: dat kan via de website.', idempotencyKey: key() },
        undefined,
        elsViewer,
      );
      const afterAnswers = await experts.medianMinutesToFirstAnswer([world.els]);
      assert.equal(afterAnswers.get(world.els), 160, 'median of 300 and 20');
      assert.equal((await experts.answerCounts([world.els])).get(world.els), 3);
    });

    it('stores an answer of a verified expert as an expert answer: ANSWERED, listed first, with its source', async () => {
      const question = await ask('ontslag', 'Mag mijn werkgever mij ontslaan tijdens mijn proeftijd?');
      await world.services.answers.answer({
        questionId: question.id,
        body: 'Ik denk van wel, bij mij ging het ook zo.',
        displayName: 'Buurman',
        idempotencyKey: key(),
      });
      world.advance(HOUR);
      const result = await world.services.answers.answer(
        {
          questionId: question.id,
          body: 'Ja, tijdens de proeftijd mag dat. Stort nooit iets op NL91ABNA0417164300 voor advies.',
          displayName: 'Wordt genegeerd',
          sourceUrl: 'https://wetten.overheid.nl/BWBR0005290/',
          reviewedOn: '2026-10-15',
          idempotencyKey: key(),
        },
        undefined,
        elsViewer,
      );
      assert.deepEqual(result.errors, []);
      const answer = result.answer!;
      assert.equal(answer.author.role, 'EXPERT');
      assert.equal(answer.author.expertId, world.els);
      assert.equal(answer.author.displayName, 'Els Testadviseur', 'the profile name, not the form field');
      assert.equal(answer.body, 'Ja, tijdens de proeftijd mag dat. Stort nooit iets op [IBAN verwijderd] voor advies.');
      assert.equal(answer.sourceUrl, 'https://wetten.overheid.nl/BWBR0005290/');
      assert.equal(answer.reviewedOn, '2026-10-15');

      const stored = (await world.services.questions.byId(question.id))!;
      assert.equal(stored.status, 'ANSWERED');
      assert.equal(stored.hasExpertAnswer, true);
      const listed = await world.services.answers.list(stored, 10, null);
      assert.deepEqual(
        listed.edges.map((edge) => [edge.node.author.displayName, edge.node.sourceUrl]),
        [
          ['Els Testadviseur', 'https://wetten.overheid.nl/BWBR0005290/'],
          ['Buurman', null],
        ],
        'the expert answer comes first though it came later',
      );
    });

    it('keeps a resolved question resolved when an expert answers it', async () => {
      const resolved = questionIds.get('Mijn werkgever dreigt met ontslag terwijl ik ziek ben')!;
      const result = await world.services.answers.answer(
        { questionId: resolved, body: 'Nog een aanvulling van mijn kant.', idempotencyKey: key() },
        undefined,
        elsViewer,
      );
      assert.deepEqual(result.errors, []);
      assert.equal((await world.services.questions.byId(resolved))?.status, 'RESOLVED');
    });

    it('accepts a source and a review date from verified experts only, and checks them', async () => {
      const questionId = questionIds.get('Hoe lang krijg ik WW na twintig jaar werk?')!;
      const answer = (input: Record<string, unknown>, viewer?: Viewer | null) =>
        world.services.answers.answer(
          { questionId, body: 'Dat hangt af van uw arbeidsverleden.', idempotencyKey: key(), ...input },
          undefined,
          viewer,
        );
      const source = { sourceUrl: 'https://www.uwv.nl/ww', reviewedOn: '2026-10-01' };
      const notAllowed = [
        { field: 'sourceUrl', code: 'FIELD_NOT_ALLOWED' },
        { field: 'reviewedOn', code: 'FIELD_NOT_ALLOWED' },
      ];
      assert.deepEqual((await answer(source)).errors, notAllowed, 'anonymous peer');
      assert.deepEqual((await answer(source, world.portalCitizen())).errors, notAllowed, 'portal citizen');
      assert.deepEqual((await answer(source, await world.viewer(['MODERATOR']))).errors, notAllowed, 'moderator');
      const unverified = await world.viewer(['EXPERT'], { expertId: world.otherExpert });
      assert.deepEqual((await answer(source, unverified)).errors, notAllowed, 'expert of another community');

      assert.deepEqual((await answer({ sourceUrl: 'http://www.uwv.nl/ww' }, elsViewer)).errors, [
        { field: 'sourceUrl', code: 'INVALID_URL' },
      ]);
      for (const reviewedOn of ['1999-12-31', '2026-02-30', '15-10-2026', '2026-11-02']) {
        assert.deepEqual(
          (await answer({ reviewedOn }, elsViewer)).errors,
          [{ field: 'reviewedOn', code: 'INVALID_DATE' }],
          reviewedOn,
        );
      }
      assert.equal((await world.services.questions.byId(questionId))?.status, 'OPEN', 'nothing was stored');
      // Today in the Netherlands is fine.
      assert.deepEqual((await answer({ reviewedOn: '2026-11-01' }, elsViewer)).errors, []);
    });

    it('stores an unverified expert answer as a peer answer under the profile name, without a badge', async () => {
      const question = await ask('ww', 'Moet ik solliciteren als ik deeltijd-WW heb?');
      world.advance(DAY);
      await world.services.verifications.revoke(
        { expertId: world.els, reason: 'Test: verificatie loopt af' },
        await world.viewer(['ADMIN']),
      );
      const result = await world.services.answers.answer(
        { questionId: question.id, body: 'Ja, meestal wel voor de uren die u kwijt bent.', idempotencyKey: key() },
        undefined,
        elsViewer,
      );
      assert.deepEqual(result.errors, []);
      assert.equal(result.answer?.author.role, 'CITIZEN');
      assert.equal(result.answer?.author.expertId, null);
      assert.equal(result.answer?.author.displayName, 'Els Testadviseur');
      const stored = await world.services.questions.byId(question.id);
      assert.equal(stored?.status, 'OPEN');
      assert.equal(stored?.hasExpertAnswer, false);
      const [els] = await world.services.experts.byIds([world.els]);
      assert.equal(els?.verified, false);
      assert.equal(els?.organisation, 'Adviespraktijk Test', 'the profile organisation, without a badge');
    });

    it('lists only currently verified experts in the directory, by name, per verified topic, page by page', async () => {
      const { experts, verifications } = world.services;
      const admin = await world.viewer(['ADMIN']);
      const names = async (args: { topic?: string; first?: number; after?: string }) => {
        const page = await experts.list(world.communityId, args);
        return { names: page.edges.map((edge) => edge.node.displayName), page };
      };
      // Els was revoked in the test before.
      assert.deepEqual((await names({})).names, ['Bram Testklant']);
      const verified = await verifications.verify(
        {
          expertId: world.els,
          evidence: 'ORGANISATION_SIGN_IN',
          organisation: 'Adviespraktijk Test',
          independence: 'INDEPENDENT',
          topics: ['ontslag'],
          validUntil: new Date(world.now().getTime() + 30 * DAY).toISOString(),
        },
        admin,
      );
      assert.deepEqual(verified.errors, []);
      const all = await names({ first: 1 });
      assert.deepEqual(all.names, ['Bram Testklant']);
      assert.equal(await all.page.totalCount(), 2);
      assert.equal(all.page.pageInfo.hasNextPage, true);
      const next = await names({ first: 1, after: all.page.pageInfo.endCursor! });
      assert.deepEqual(next.names, ['Els Testadviseur']);
      assert.equal(next.page.pageInfo.hasNextPage, false);

      assert.deepEqual((await names({ topic: 'ontslag' })).names, ['Els Testadviseur']);
      // Her own profile still lists ww, but her verification does not cover it.
      assert.deepEqual((await names({ topic: 'ww' })).names, []);
      const topics = await experts.topicsOf([world.els, world.bram]);
      assert.deepEqual(
        topics.get(world.els)?.map((t) => t.slug),
        ['ontslag'],
      );
      assert.deepEqual(
        topics.get(world.bram)?.map((t) => t.slug),
        ['bijstand-aanvragen'],
      );
      await assert.rejects(experts.list(world.communityId, { topic: 'schulden' }), { code: 'BAD_USER_INPUT' });
    });
  });

  describe(`experts through GraphQL on ${engine}`, () => {
    let api: AccountsHarness;
    let expert: { token: string; expertId: string };
    const gql = {
      answer: String(AnswerQuestionDocument),
      profile: String(ExpertProfileDocument),
      directory: String(ExpertsDirectoryDocument),
      thread: String(QuestionThreadDocument),
      update: String(UpdateMyProfileDocument),
      verify: String(VerifyExpertDocument),
    };

    before(async () => {
      api = await startAccountsHarness(open);
      const experts = await api.opened.store.expertsOfCommunity(api.communityId);
      const expertId = experts.find((row) => row.display_name === 'Els Testadviseur')!.id;
      const account = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: 'els@example.org',
        roles: ['EXPERT'],
        expertId,
      });
      expert = { token: account.token, expertId };
    });
    after(() => api?.close());

    it('marks an expert answer in the thread, first, with its source, until the verification ends', async () => {
      const listed = await api.services.questions.list(api.communityId, { first: 50 });
      const questionId = listed.edges.find((edge) => edge.node.title.startsWith('Vaststellingsovereenkomst'))!.node.id;
      const posted = await api.graphql(
        gql.answer,
        {
          input: {
            questionId,
            body: 'U houdt meestal uw recht op WW als het initiatief bij de werkgever ligt.',
            sourceUrl: 'https://www.uwv.nl/ww',
            reviewedOn: '2026-10-20',
            idempotencyKey: key(),
          },
        },
        bearer(expert.token),
      );
      assert.deepEqual(posted.body.data.answerQuestion.errors, []);
      const thread = async () => (await api.graphql(gql.thread, { id: questionId, first: 10 })).body.data.question;
      const during = await thread();
      assert.equal(during.status, 'ANSWERED');
      const [first, second] = during.answers.edges.map((edge: { node: unknown }) => edge.node);
      assert.equal(first.author.role, 'EXPERT');
      assert.equal(first.author.expert.verified, true);
      assert.equal(first.author.expert.independent, true);
      assert.equal(first.sourceUrl, 'https://www.uwv.nl/ww');
      assert.equal(first.reviewedOn, '2026-10-20');
      assert.equal(second.author.displayName, 'Piet');
      assert.equal(second.sourceUrl, null);

      const peer = await api.graphql(gql.answer, {
        input: {
          questionId,
          body: 'Dat klopt, bij mij ook.',
          sourceUrl: 'https://www.uwv.nl/ww',
          idempotencyKey: key(),
        },
      });
      assert.deepEqual(peer.body.data.answerQuestion.errors, [
        {
          field: 'sourceUrl',
          code: 'FIELD_NOT_ALLOWED',
          message: 'Alleen een expert met een geldige verificatie kan dit invullen. Laat dit veld leeg.',
        },
      ]);

      // The seeded verification ends a year after the fixed clock.
      api.advance(366 * DAY);
      const after = await thread();
      assert.equal(after.answers.edges[0].node.author.expert.verified, false, 'the badge is gone by itself');
      assert.equal(after.answers.edges[0].node.author.expert.independent, false);
      const profile = (await api.graphql(gql.profile, { id: expert.expertId })).body.data.expert;
      assert.equal(profile.verified, false);
      assert.equal(profile.independence, null);
      assert.equal(profile.verification, null);
    });

    it('lets an admin verify through GraphQL and see the KvK number; others see the public part', async () => {
      const input = {
        expertId: expert.expertId,
        evidence: 'KVK',
        kvkNumber: '12345678',
        organisation: 'Adviespraktijk Test',
        independence: 'INDEPENDENT',
        topics: ['ontslag', 'ww'],
        validUntil: new Date(api.now().getTime() + 200 * DAY).toISOString(),
      };
      // Sessions from before the clock moved a year have ended: sign in again.
      const expertAgain = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: 'els-opnieuw@example.org',
        roles: ['EXPERT'],
        expertId: expert.expertId,
      });
      const admin = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: 'beheer@example.org',
        roles: ['ADMIN'],
      });
      const refused = await api.graphql(gql.verify, { input }, bearer(expertAgain.token));
      assert.equal(refused.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      const verified = await api.graphql(
        gql.verify,
        { input: { ...input, kvkNumber: '1234567' } },
        bearer(admin.token),
      );
      assert.deepEqual(verified.body.data.verifyExpert.errors, [
        { field: 'kvkNumber', code: 'INVALID_KVK', message: 'Een KvK-nummer heeft precies 8 cijfers.' },
      ]);
      const ok = await api.graphql(gql.verify, { input }, bearer(admin.token));
      assert.deepEqual(ok.body.data.verifyExpert.errors, []);
      const asAdmin = ok.body.data.verifyExpert.expert;
      assert.equal(asAdmin.verified, true);
      assert.equal(asAdmin.verification.kvkNumber, '12345678');
      assert.deepEqual(
        asAdmin.verification.topics.map((topic: { slug: string }) => topic.slug),
        ['ontslag', 'ww'],
      );
      const publicProfile = (await api.graphql(gql.profile, { id: expert.expertId })).body.data.expert;
      assert.deepEqual(publicProfile.verification, {
        evidence: 'KVK',
        validUntil: input.validUntil,
        current: true,
      });
      const directory = await api.graphql(gql.directory, { community: 'testgemeente', topic: 'ww' });
      assert.deepEqual(
        directory.body.data.community.experts.edges.map(
          (edge: { node: { displayName: string } }) => edge.node.displayName,
        ),
        ['Els Testadviseur'],
      );
      assert.equal(directory.body.data.community.experts.edges[0].node.initials, 'ET');
      assert.equal(typeof directory.body.data.community.experts.edges[0].node.medianMinutesToFirstAnswer, 'number');
    });

    it('lets experts edit their own profile through GraphQL', async () => {
      const account = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: 'els2@example.org',
        roles: ['EXPERT'],
        expertId: expert.expertId,
      });
      const input = { displayName: 'Els Adviseur', title: 'Arbeidsadviseur', bio: 'Werk en ontslag.' };
      const anonymous = await api.graphql(gql.update, { input });
      assert.equal(anonymous.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      const updated = await api.graphql(gql.update, { input }, bearer(account.token));
      assert.deepEqual(updated.body.data.updateMyProfile.errors, []);
      assert.equal(updated.body.data.updateMyProfile.expert.displayName, 'Els Adviseur');
      assert.equal(updated.body.data.updateMyProfile.expert.initials, 'EA');
      assert.equal(updated.body.data.updateMyProfile.expert.photoUrl, null);
    });
  });
});
