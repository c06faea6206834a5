import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  AskQuestionDocument,
  AuditLogDocument,
  FlagContentDocument,
  MyAnswersDocument,
  MyQuestionsDocument,
  ModerationQueueDocument,
  RejectContentDocument,
  QuestionThreadDocument,
  UpdateModerationSettingsDocument,
  ApproveContentDocument,
  HideContentDocument,
  RedactContentDocument,
  BlockAuthorDocument,
  AnswerQuestionDocument,
  EditQuestionDocument,
  DeleteQuestionDocument,
} from '@plein/schema';
import { runModerationCommand } from '../src/moderation-cli.ts';
import type { UserError } from '../src/services/errors.ts';
import type { ModerationItem } from '../src/services/moderation-service.ts';
import type { ModerationSettings } from '../src/services/moderation-settings.ts';
import { newId } from '../src/services/secrets.ts';
import { createServices } from '../src/services/services.ts';
import type { Viewer } from '../src/services/viewer.ts';
import type { ContentKind, Role } from '../src/store/database-schema.ts';
import { key, MINUTE, refused } from './expert-world.ts';
import {
  type AccountsHarness,
  bearer,
  onEveryEngine,
  signedInAccount,
  startAccountsHarness,
} from './sign-in-helper.ts';

/** A name the personal-data step finds only with low confidence: the post is held for a moderator. */
const uncertainName = 'Mevrouw Jansen van personeelszaken zei dat ik weg moet. Klopt dat wel met mijn rechten?';
/** A valid BSN (it passes the eleven test). */
const bsn = '123456782';
const threeLinks = 'Zie https://a.example/een, https://b.example/twee en https://c.example/drie voor de uitleg.';

const gql = {
  ask: String(AskQuestionDocument),
  answer: String(AnswerQuestionDocument),
  edit: String(EditQuestionDocument),
  remove: String(DeleteQuestionDocument),
  thread: String(QuestionThreadDocument),
  myQuestions: String(MyQuestionsDocument),
  myAnswers: String(MyAnswersDocument),
  flag: String(FlagContentDocument),
  queue: String(ModerationQueueDocument),
  approve: String(ApproveContentDocument),
  reject: String(RejectContentDocument),
  hide: String(HideContentDocument),
  redact: String(RedactContentDocument),
  block: String(BlockAuthorDocument),
  auditLog: String(AuditLogDocument),
  settings: String(UpdateModerationSettingsDocument),
};

const codes = (result: { errors: UserError[] }) => result.errors.map((error) => error.code);

let counter = 0;
const unique = () => `${++counter}${Math.random().toString(36).slice(2, 7)}`;
/** A browser's random `Plein-Device` key. */
const newDevice = () => `device-${unique()}-0123456789abcdef`;

interface Account {
  token: string;
  viewer: Viewer;
  displayName: string;
}

onEveryEngine('moderation', (engine, open) => {
  describe(`moderation on ${engine}`, () => {
    let api: AccountsHarness;
    let moderator: Account;
    let admin: Account;
    let staff: Account;
    let expert: Account;
    let otherModerator: Account;
    let otherAdmin: Account;

    const account = async (roles: Role[], options: { community?: string; expertId?: string } = {}) => {
      const created = await signedInAccount(api.services, {
        community: options.community ?? 'testgemeente',
        email: `${roles.join('-').toLowerCase()}-${unique()}@example.org`,
        displayName: `${roles[0]} ${unique()}`,
        roles,
        expertId: options.expertId,
      });
      const viewer = await api.services.sessions.viewerFor(created.token);
      assert.ok(viewer);
      return { token: created.token, viewer, displayName: created.displayName };
    };

    const questionInput = (extra: Record<string, unknown> = {}) => ({
      community: 'testgemeente',
      topic: 'ontslag',
      title: `Mag mijn werkgever dit zomaar ${unique()}`,
      body: 'Mijn werkgever wil dat ik per direct vertrek. Wat kan ik nu het beste doen?',
      idempotencyKey: key(),
      ...extra,
    });
    const ask = (extra: Record<string, unknown> = {}, deviceKey?: string | null, services = api.services) =>
      services.questions.ask(questionInput(extra), undefined, 'nl', null, deviceKey);
    const answerInput = (questionId: string, extra: Record<string, unknown> = {}) => ({
      questionId,
      body: `Bel eerst het Juridisch Loket, dat is gratis (${unique()}).`,
      idempotencyKey: key(),
      ...extra,
    });
    const answer = (
      questionId: string,
      extra: Record<string, unknown> = {},
      options: { viewer?: Viewer; deviceKey?: string } = {},
    ) =>
      api.services.answers.answer(answerInput(questionId, extra), undefined, options.viewer ?? null, options.deviceKey);

    /** A new published question; its id and owner token. */
    const published = async (deviceKey?: string, extra: Record<string, unknown> = {}) => {
      const result = await ask(extra, deviceKey);
      assert.deepEqual(result.errors, []);
      assert.equal(result.question?.publication, 'PUBLISHED');
      return { id: result.question.id, ownerToken: result.ownerToken! };
    };
    const questionRow = async (id: string) => (await api.opened.store.questionsByIds([id]))[0]!;
    const answerRow = async (id: string) => (await api.opened.store.answersByIds([id]))[0]!;
    const rows = async () => [
      await api.opened.store.countRows('questions'),
      await api.opened.store.countRows('answers'),
    ];
    const ref = (kind: ContentKind, id: string) => ({ kind, id });
    const publicTotal = async () => (await api.services.questions.list(api.communityId, { first: 1 })).totalCount();
    const auditEntries = () => api.services.audit.entries(api.communityId);
    const lastAudit = async () => (await auditEntries()).at(-1)!;

    const configure = async (settings: Partial<ModerationSettings> = {}) => {
      const result = await api.services.moderation.updateSettings(
        {
          community: 'testgemeente',
          preModeration: 'NONE',
          flagThreshold: 3,
          blockedWords: [],
          heldWords: [],
          ...settings,
        },
        admin.viewer,
      );
      assert.deepEqual(result.errors, []);
    };
    const queueItems = async (viewer: Viewer = moderator.viewer, args = { first: 50 }) =>
      (await api.services.moderation.queue(viewer, args)).edges.map((edge) => edge.node);
    const contentOf = (item: ModerationItem) => ({ kind: item.kind, id: item.answer?.id ?? item.question.id });
    /** Hides whatever waits, so a test starts with an empty queue. */
    const emptyQueue = async () => {
      for (const item of await queueItems()) {
        const result = await api.services.moderation.hide(
          { content: contentOf(item), reason: 'Opgeruimd voor de volgende test.' },
          moderator.viewer,
        );
        assert.deepEqual(result.errors, []);
      }
    };

    before(async () => {
      api = await startAccountsHarness(open);
      const andere = await api.services.communities.create('andere', 'Andere community');
      await api.opened.store.insertTopic({
        id: newId(),
        community_id: andere.id,
        slug: 'schulden',
        name: 'Schulden',
        position: 0,
      });
      const els = (await api.opened.store.expertsOfCommunity(api.communityId)).find(
        (row) => row.display_name === 'Els Testadviseur',
      )!;
      moderator = await account(['MODERATOR']);
      admin = await account(['ADMIN']);
      staff = await account(['STAFF']);
      expert = await account(['EXPERT'], { expertId: els.id });
      otherModerator = await account(['MODERATOR'], { community: 'andere' });
      otherAdmin = await account(['ADMIN'], { community: 'andere' });
    });
    afterEach(() => configure());
    after(() => api?.close());

    describe('the pipeline, step by step', () => {
      it('1 form: refuses a filled honeypot and a form sent within 3 seconds, and stores nothing', async () => {
        const before = await rows();
        assert.deepEqual(codes(await ask({ antiSpam: { honeypot: 'https://spam.example', fillMs: 9000 } })), [
          'POST_REFUSED',
        ]);
        assert.deepEqual(codes(await ask({ antiSpam: { honeypot: '', fillMs: 1200 } })), ['SUBMITTED_TOO_FAST']);
        assert.deepEqual(await rows(), before);
        const person = await ask({ antiSpam: { honeypot: '', fillMs: 45_000 } });
        assert.equal(person.question?.publication, 'PUBLISHED');
      });

      it('2 blocks: refuses a blocked device or pseudonym before any other step', async () => {
        const device = newDevice();
        const spam = await published(device, { displayName: 'Spammer Sam' });
        const blocked = await api.services.moderation.block(
          { content: ref('QUESTION', spam.id), scope: 'DEVICE', reason: 'Reclame voor een bedrijf.' },
          moderator.viewer,
        );
        assert.deepEqual(blocked.errors, []);
        await configure({ blockedWords: ['oplichter'] });
        // The blocked word would be refused too, but the author learns nothing about the lists.
        const again = await ask({ body: 'Mijn baas is een oplichter, ik wil weg bij dit bedrijf.' }, device);
        assert.deepEqual(codes(again), ['BLOCKED_AUTHOR']);
        // The form's signals come first: a bot on a blocked device gets the general refusal.
        assert.deepEqual(codes(await ask({ antiSpam: { honeypot: 'x' } }, device)), ['POST_REFUSED']);
      });

      it('3 length: refuses text outside the limits, also when a moderator redacts', async () => {
        assert.deepEqual(codes(await ask({ body: 'Te kort.' })), ['TOO_SHORT']);
        const question = await published();
        const redacted = await api.services.moderation.redact(
          { content: ref('QUESTION', question.id), body: 'Kort.', removedKinds: ['name'] },
          moderator.viewer,
        );
        assert.deepEqual(redacted.errors, [{ field: 'body', code: 'TOO_SHORT', params: { min: 20 } }]);
      });

      it('4 personal data: replaces it, and holds a post with a name it is unsure of, with a finding', async () => {
        const result = await ask({ body: `${uncertainName} Mijn BSN is ${bsn}.` });
        assert.equal(result.question?.publication, 'HELD');
        const row = await questionRow(result.question.id);
        assert.ok(!row.body.includes(bsn) && row.body.includes('[BSN verwijderd]'));
        assert.ok(row.body.includes('Mevrouw Jansen'), 'the uncertain name stays for the moderator to judge');
        assert.deepEqual(JSON.parse(row.findings), [{ step: 'personal-data', detail: 'name' }]);
        assert.equal(row.waiting_since, api.now().toISOString());
      });

      it('5 words: refuses blocked words and holds held words, as whole words with simple endings', async () => {
        await configure({ blockedWords: ['oplichter'], heldWords: ['advocaat', 'raad van bestuur'] });
        const before = await rows();
        const refusedPost = await ask({ body: 'Stelletje OPLICHTERS bij dat bedrijf, wat moet ik nu doen?' });
        assert.deepEqual(refusedPost.errors, [{ field: null, code: 'BLOCKED_WORDS' }]);
        assert.deepEqual(await rows(), before);

        const ordinary = await ask({ body: 'Is dit oplichterij van mijn werkgever of mag hij dit zomaar?' });
        assert.equal(ordinary.question?.publication, 'PUBLISHED', 'a word inside another word is no match');

        const held = await ask({ body: 'De Raad van Bestuur wil mij weg. Heb ik een advocaat nodig?' });
        assert.equal(held.question?.publication, 'HELD');
        const row = await questionRow(held.question.id);
        assert.deepEqual(JSON.parse(row.findings), [{ step: 'words', detail: 'advocaat, raad van bestuur' }]);

        const pseudonym = await ask({ displayName: 'De Oplichter' });
        assert.deepEqual(codes(pseudonym), ['BLOCKED_WORDS'], 'the pseudonym is checked too');
      });

      it('6 links: holds a post with more than two http(s) links', async () => {
        const held = await ask({ body: threeLinks });
        assert.equal(held.question?.publication, 'HELD');
        assert.deepEqual(JSON.parse((await questionRow(held.question.id)).findings), [{ step: 'links', detail: '3' }]);
        const two = await ask({ body: 'Zie https://a.example/een en https://b.example/twee voor de uitleg.' });
        assert.equal(two.question?.publication, 'PUBLISHED');
      });

      it('7 repeat: refuses the same text from the same device within 10 minutes, but not a retry', async () => {
        const device = newDevice();
        const input = questionInput();
        const first = await api.services.questions.ask(input, undefined, 'nl', null, device);
        assert.deepEqual(first.errors, []);

        const retry = await api.services.questions.ask(input, undefined, 'nl', null, device);
        assert.deepEqual(retry.errors, [], 'the same idempotency key gets the stored question back');
        assert.equal(retry.question?.id, first.question?.id);
        assert.equal(retry.ownerToken, null);

        const sameText = { ...input, idempotencyKey: key() };
        assert.deepEqual(codes(await api.services.questions.ask(sameText, undefined, 'nl', null, device)), [
          'REPEATED_POST',
        ]);
        const shouted = { ...sameText, title: `${input.title.toUpperCase()}!!`, idempotencyKey: key() };
        assert.deepEqual(codes(await api.services.questions.ask(shouted, undefined, 'nl', null, device)), [
          'REPEATED_POST',
        ]);
        const otherDevice = await api.services.questions.ask(
          { ...input, idempotencyKey: key() },
          undefined,
          'nl',
          null,
          newDevice(),
        );
        assert.deepEqual(otherDevice.errors, []);

        api.advance(10 * MINUTE + 1000);
        const later = await api.services.questions.ask(
          { ...input, idempotencyKey: key() },
          undefined,
          'nl',
          null,
          device,
        );
        assert.deepEqual(later.errors, [], 'after 10 minutes the same text is welcome again');

        const target = await published();
        const body = 'Ik zou eerst met de bedrijfsarts praten.';
        assert.deepEqual(codes(await answer(target.id, { body }, { deviceKey: device })), []);
        assert.deepEqual(codes(await answer(target.id, { body }, { deviceKey: device })), ['REPEATED_POST']);
      });

      it('8 rate: refuses a device that posts too often, in the database or through a given limit', async () => {
        const limited = createServices(api.opened.store, api.now, undefined, { moderation: { postsPerWindow: 2 } });
        const device = newDevice();
        assert.deepEqual(codes(await ask({}, device, limited)), []);
        const question = (await ask({}, device, limited)).question!;
        assert.deepEqual(codes(await ask({}, device, limited)), ['TOO_MANY_POSTS']);
        assert.deepEqual(
          codes(await limited.answers.answer(answerInput(question.id), undefined, null, device)),
          ['TOO_MANY_POSTS'],
          'questions and answers count together',
        );
        assert.deepEqual(codes(await ask({}, newDevice(), limited)), [], 'another device is not affected');
        api.advance(10 * MINUTE + 1000);
        assert.deepEqual(codes(await ask({}, device, limited)), []);

        const checked: [ContentKind, string][] = [];
        const external = createServices(api.opened.store, api.now, undefined, {
          moderation: { rate: { check: async (kind, hash) => (checked.push([kind, hash]), false) } },
        });
        assert.deepEqual(codes(await ask({}, device, external)), ['TOO_MANY_POSTS']);
        assert.equal(checked.length, 1);
        assert.equal(checked[0]![0], 'QUESTION');
        assert.ok(!checked[0]![1].includes(device), 'the limit sees the keyed hash, not the key');
      });

      it('9 pre-moderation: holds the first post of a device, or everything', async () => {
        await configure({ preModeration: 'FIRST_POST' });
        const device = newDevice();
        const first = await ask({}, device);
        assert.equal(first.question?.publication, 'HELD');
        assert.deepEqual(JSON.parse((await questionRow(first.question.id)).findings), [
          { step: 'pre-moderation', detail: 'first-post' },
        ]);
        assert.equal((await ask({}, device)).question?.publication, 'HELD', 'nothing published yet');
        const approved = await api.services.moderation.approve(
          { content: ref('QUESTION', first.question.id) },
          moderator.viewer,
        );
        assert.deepEqual(approved.errors, []);
        assert.equal((await ask({}, device)).question?.publication, 'PUBLISHED');
        assert.equal((await ask({})).question?.publication, 'HELD', 'without a device key every post is a first');

        await configure({ preModeration: 'EVERYTHING', heldWords: ['advocaat'] });
        const everything = await ask({}, device);
        assert.equal(everything.question?.publication, 'HELD');
        assert.deepEqual(JSON.parse((await questionRow(everything.question.id)).findings), [
          { step: 'pre-moderation', detail: 'everything' },
        ]);
      });

      it("9 pre-moderation: a verified expert's answer skips it, and only it", async () => {
        const question = await published();
        await configure({ preModeration: 'EVERYTHING', heldWords: ['advocaat'] });
        const peer = await answer(question.id);
        assert.equal(peer.answer?.publication, 'HELD');
        const expertAnswer = await answer(question.id, {}, { viewer: expert.viewer });
        assert.equal(expertAnswer.answer?.publication, 'PUBLISHED');
        const withWord = await answer(
          question.id,
          { body: 'Neem een advocaat als uw werkgever niet wil praten.' },
          { viewer: expert.viewer },
        );
        assert.equal(withWord.answer?.publication, 'HELD');
        assert.deepEqual(JSON.parse((await answerRow(withWord.answer.id)).findings), [
          { step: 'words', detail: 'advocaat' },
        ]);
        const withName = await answer(question.id, { body: uncertainName }, { viewer: expert.viewer });
        assert.equal(withName.answer?.publication, 'HELD', 'never the personal-data step');
      });

      it('runs the steps in the documented order, and stores nothing when one refuses', async () => {
        await configure({ blockedWords: ['oplichter'], heldWords: ['advocaat'] });
        const before = await rows();
        // Personal data (4) is replaced in memory, then the blocked word (5) refuses: nothing with the BSN is stored.
        const refusal = await ask({ body: `Mijn BSN is ${bsn} en mijn baas is een oplichter. Wat nu?` });
        assert.deepEqual(codes(refusal), ['BLOCKED_WORDS']);
        assert.deepEqual(await rows(), before);

        // Held by words (5) and links (6): both findings, in that order.
        const held = await ask({ body: `Moet ik een advocaat nemen? ${threeLinks}` });
        assert.equal(held.question?.publication, 'HELD');
        assert.deepEqual(JSON.parse((await questionRow(held.question.id)).findings), [
          { step: 'words', detail: 'advocaat' },
          { step: 'links', detail: '3' },
        ]);

        // A held post still meets the repeat check (7): holding does not stop the steps after it.
        const device = newDevice();
        const input = questionInput({ body: `Moet ik een advocaat nemen, vraag ik me af?` });
        assert.deepEqual(codes(await api.services.questions.ask(input, undefined, 'nl', null, device)), []);
        const repeated = await api.services.questions.ask(
          { ...input, idempotencyKey: key() },
          undefined,
          'nl',
          null,
          device,
        );
        assert.deepEqual(codes(repeated), ['REPEATED_POST']);
      });

      it("sends the asker's changes through the pipeline again, without comparing them with themselves", async () => {
        await configure({ blockedWords: ['oplichter'] });
        const device = newDevice();
        const input = questionInput();
        const asked = await api.services.questions.ask(input, undefined, 'nl', null, device);
        const edit = (changes: Record<string, string>) =>
          api.services.owner.edit({
            questionId: asked.question!.id,
            ownerToken: asked.ownerToken!,
            title: input.title,
            body: input.body,
            topic: 'ontslag',
            ...changes,
          });
        assert.deepEqual(codes(await edit({ body: 'Mijn baas is een oplichter, wat kan ik doen?' })), [
          'BLOCKED_WORDS',
        ]);
        assert.deepEqual(codes(await edit({})), [], 'the same text is no repeat of itself');
        const held = await edit({ body: uncertainName });
        assert.equal(held.question?.publication, 'HELD');
        const row = await questionRow(asked.question!.id);
        assert.deepEqual(JSON.parse(row.findings), [{ step: 'personal-data', detail: 'name' }]);
        assert.equal(row.waiting_since, api.now().toISOString());

        await api.services.moderation.reject(
          { content: ref('QUESTION', row.id), reason: 'Dit noemt een collega bij naam.' },
          moderator.viewer,
        );
        assert.deepEqual(codes(await edit({})), ['MODERATED']);
      });
    });

    describe('flags', () => {
      it('counts one flag per device, redacts the note, and hides the content at the threshold', async () => {
        await configure({ flagThreshold: 2 });
        const question = await published();
        const content = ref('QUESTION', question.id);
        const totalBefore = await publicTotal();
        const note = 'Hier staat het nummer 06-12345678 van iemand in.';
        const first = newDevice();

        assert.deepEqual(await api.services.moderation.flag({ content, reason: 'PERSONAL_DATA', note }, first), {
          counted: true,
          errors: [],
        });
        assert.deepEqual(await api.services.moderation.flag({ content, reason: 'SPAM' }, first), {
          counted: false,
          errors: [],
        });
        assert.deepEqual(await api.services.moderation.flag({ content, reason: 'SPAM' }, null), {
          counted: false,
          errors: [{ field: null, code: 'DEVICE_REQUIRED' }],
        });
        const waiting = (await queueItems()).find((item) => item.id === `QUESTION:${question.id}`);
        assert.equal(waiting?.publication, 'PUBLISHED', 'one flag: still visible, but in the queue');
        assert.deepEqual(
          waiting.flags.map((flag) => [flag.reason, flag.note]),
          [['PERSONAL_DATA', 'Hier staat het nummer [telefoonnummer verwijderd] van iemand in.']],
        );
        assert.equal((await questionRow(question.id)).flag_count, 1);

        const second = await api.services.moderation.flag({ content, reason: 'OFFENSIVE' }, newDevice());
        assert.equal(second.counted, true);
        assert.equal(await api.services.questions.byId(question.id), null, 'hidden from everyone');
        assert.equal(await publicTotal(), totalBefore - 1);
        const own = await api.services.questions.byId(question.id, undefined, question.ownerToken);
        assert.equal(own?.publication, 'HIDDEN', 'its author sees it as hidden');
        assert.equal((own as { moderationReason?: string | null }).moderationReason, null);
        const entry = await lastAudit();
        assert.deepEqual(
          [entry.action, entry.actorUserId, entry.subjectId, entry.detail],
          ['moderation.hidden-by-flags', null, question.id, { flags: 2, threshold: 2 }],
        );
        assert.deepEqual(await api.services.moderation.flag({ content, reason: 'SPAM' }, newDevice()), {
          counted: false,
          errors: [{ field: 'content', code: 'UNKNOWN_QUESTION' }],
        });
      });

      it('flags published content only, and keeps counts right when an answer is hidden by flags', async () => {
        await configure({ flagThreshold: 1 });
        const held = await ask({ body: uncertainName });
        assert.deepEqual(
          codes(
            await api.services.moderation.flag(
              { content: ref('QUESTION', held.question!.id), reason: 'SPAM' },
              newDevice(),
            ),
          ),
          ['UNKNOWN_QUESTION'],
        );
        const question = await published();
        const peer = await answer(question.id);
        assert.equal((await questionRow(question.id)).answer_count, 1);
        const flagged = await api.services.moderation.flag(
          { content: ref('ANSWER', peer.answer!.id), reason: 'INCORRECT' },
          newDevice(),
        );
        assert.equal(flagged.counted, true);
        assert.equal((await answerRow(peer.answer!.id)).publication, 'HIDDEN');
        assert.equal((await questionRow(question.id)).answer_count, 0);
      });
    });

    describe("moderators' decisions", () => {
      it("approves a verified expert's held answer: counts, status, the event and the audit log", async () => {
        await configure({ heldWords: ['advocaat'] });
        const question = await published();
        const held = await answer(
          question.id,
          { body: 'Neem een advocaat als uw werkgever niet wil praten.' },
          { viewer: expert.viewer },
        );
        assert.equal(held.answer?.publication, 'HELD');
        assert.deepEqual(
          [(await questionRow(question.id)).answer_count, (await questionRow(question.id)).status],
          [0, 'OPEN'],
        );

        const announced: string[] = [];
        const stop = api.services.events.on('answer-published', (event) => void announced.push(event.answer.id));
        const approved = await api.services.moderation.approve(
          { content: ref('ANSWER', held.answer.id) },
          moderator.viewer,
        );
        await api.services.events.settled();
        stop();
        assert.deepEqual(approved.errors, []);
        assert.equal(approved.item?.publication, 'PUBLISHED');
        assert.deepEqual(announced, [held.answer.id], 'live updates and follow-up mails hear of it');
        const row = await questionRow(question.id);
        assert.deepEqual([row.answer_count, row.has_expert_answer, row.status], [1, 1, 'ANSWERED']);
        assert.equal((await answerRow(held.answer.id)).waiting_since, null);

        const entry = await lastAudit();
        assert.equal(entry.action, 'moderation.approved');
        assert.equal(entry.actorUserId, moderator.viewer.userId);
        assert.deepEqual([entry.subjectType, entry.subjectId], ['answer', held.answer.id]);
        assert.deepEqual(entry.detail, { from: 'HELD', to: 'PUBLISHED', closedFlags: 0 });
        const heldId = held.answer.id;
        assert.ok(!(await queueItems()).some((item) => item.answer?.id === heldId));
      });

      it('rejects with a reason that only the author and moderators read; counts follow', async () => {
        const question = await published();
        const topicId = (await questionRow(question.id)).topic_id;
        const [totalBefore, topicBefore] = [
          await publicTotal(),
          (await api.services.communities.questionCountsByTopic([topicId])).get(topicId),
        ];
        const reason = 'Dit gaat niet over werk of inkomen. Bel ons op 06-12345678.';
        assert.deepEqual(
          codes(await api.services.moderation.reject({ content: ref('QUESTION', question.id) }, moderator.viewer)),
          ['REQUIRED'],
        );
        const rejected = await api.services.moderation.reject(
          { content: ref('QUESTION', question.id), reason },
          moderator.viewer,
        );
        const redactedReason = 'Dit gaat niet over werk of inkomen. Bel ons op [telefoonnummer verwijderd].';
        assert.equal(rejected.item?.publication, 'REJECTED');
        assert.equal(rejected.item.question.moderationReason, redactedReason);

        assert.equal(await api.services.questions.byId(question.id), null);
        const own = await api.services.questions.byId(question.id, undefined, question.ownerToken);
        assert.deepEqual(
          [own?.publication, (own as { moderationReason?: string }).moderationReason],
          ['REJECTED', redactedReason],
        );
        const [mine] = await api.services.questions.mine([question.ownerToken]);
        assert.equal((mine as { moderationReason?: string }).moderationReason, redactedReason);
        assert.equal(await publicTotal(), totalBefore - 1);
        assert.equal((await api.services.communities.questionCountsByTopic([topicId])).get(topicId), topicBefore! - 1);
        assert.equal(
          (await api.services.questions.similar(api.communityId, (await questionRow(question.id)).title, 20)).some(
            (similar) => similar.id === question.id,
          ),
          false,
        );
        const entry = await lastAudit();
        assert.deepEqual(
          [entry.action, entry.detail],
          ['moderation.rejected', { from: 'PUBLISHED', to: 'REJECTED', closedFlags: 0, reason: redactedReason }],
        );
      });

      it("hides an expert's answer: the question is open again, and the writer reads why", async () => {
        const question = await published();
        const expertAnswer = await answer(question.id, {}, { viewer: expert.viewer });
        const peer = await answer(question.id, {}, { deviceKey: newDevice() });
        await api.services.votes.markHelpful({ answerId: expertAnswer.answer!.id, voterKey: newDevice() });
        assert.deepEqual(
          [(await questionRow(question.id)).status, (await questionRow(question.id)).helpful_count],
          ['ANSWERED', 1],
        );

        const hidden = await api.services.moderation.hide(
          { content: ref('ANSWER', expertAnswer.answer!.id), reason: 'Dit klopt niet meer sinds de nieuwe wet.' },
          moderator.viewer,
        );
        assert.equal(hidden.item?.publication, 'HIDDEN');
        const row = await questionRow(question.id);
        assert.deepEqual([row.status, row.answer_count, row.has_expert_answer, row.helpful_count], ['OPEN', 1, 0, 0]);
        const thread = await api.services.answers.list((await api.services.questions.byId(question.id))!, 20, null);
        assert.deepEqual(
          thread.edges.map((edge) => edge.node.id),
          [peer.answer!.id],
        );

        const [writer] = await api.services.answers.mine([expertAnswer.ownerToken!]);
        assert.deepEqual(
          [writer?.publication, writer?.moderationReason],
          ['HIDDEN', 'Dit klopt niet meer sinds de nieuwe wet.'],
        );
      });

      it('redacts: new text through length and personal data, published, searchable; the log keeps no text', async () => {
        const held = await ask({ body: `${uncertainName} Zie ook mijn kleurpotloodtekening.` });
        const id = held.question!.id;
        const title = (await questionRow(id)).title;
        const redacted = await api.services.moderation.redact(
          {
            content: ref('QUESTION', id),
            body: 'Iemand van personeelszaken zei dat ik weg moet. Bel mij op 06-12345678. Klopt dat met mijn rechten?',
            removedKinds: ['name', 'name'],
          },
          moderator.viewer,
        );
        assert.deepEqual(redacted.errors, []);
        assert.equal(redacted.item?.publication, 'PUBLISHED');
        const row = await questionRow(id);
        assert.equal(row.title, title, 'the title stays when none is given');
        assert.ok(row.body.includes('[telefoonnummer verwijderd]') && !row.body.includes('Jansen'));
        const search = async (text: string) =>
          (await api.services.questions.list(api.communityId, { search: text, first: 50 })).edges.map((e) => e.node.id);
        assert.ok((await search('personeelszaken rechten')).includes(id));
        assert.ok(!(await search('kleurpotloodtekening')).includes(id), 'the old text left the search index');

        const entry = await lastAudit();
        assert.equal(entry.action, 'moderation.redacted');
        assert.deepEqual(entry.detail, {
          from: 'HELD',
          to: 'PUBLISHED',
          closedFlags: 0,
          removedKinds: ['name'],
          changedFields: ['body'],
        });
        assert.ok(!JSON.stringify(entry).includes('Jansen') && !JSON.stringify(entry).includes('06-1234'));

        const anAnswer = await answer((await published()).id);
        assert.deepEqual(
          codes(
            await api.services.moderation.redact(
              {
                content: ref('ANSWER', anAnswer.answer!.id),
                title: 'Een titel',
                body: 'Genoeg tekst hier.',
                removedKinds: ['name'],
              },
              moderator.viewer,
            ),
          ),
          ['FIELD_NOT_ALLOWED'],
        );
        assert.deepEqual(
          codes(
            await api.services.moderation.redact(
              {
                content: ref('ANSWER', anAnswer.answer!.id),
                body: 'Genoeg tekst hier.',
                removedKinds: ['Naam en toenaam'],
              },
              moderator.viewer,
            ),
          ),
          ['REMOVED_KINDS'],
        );
      });

      it('blocks a device: its posts are refused here, not in another community, and the content is hidden', async () => {
        const device = newDevice();
        const spam = await published(device);
        const blocked = await api.services.moderation.block(
          { content: ref('QUESTION', spam.id), scope: 'DEVICE', reason: 'Reclame, drie keer achter elkaar.' },
          moderator.viewer,
        );
        assert.deepEqual(blocked.errors, []);
        assert.equal(blocked.item?.publication, 'HIDDEN');
        assert.equal((await questionRow(spam.id)).moderation_reason, null, 'a block is not announced to its author');
        assert.deepEqual(codes(await ask({}, device)), ['BLOCKED_AUTHOR']);
        const target = await published();
        assert.deepEqual(codes(await answer(target.id, {}, { deviceKey: device })), ['BLOCKED_AUTHOR']);
        assert.deepEqual(codes(await ask({}, newDevice())), []);

        const elsewhere = await api.services.questions.ask(
          { ...questionInput(), community: 'andere', topic: 'schulden' },
          undefined,
          'nl',
          null,
          device,
        );
        assert.deepEqual(elsewhere.errors, [], 'the device hash differs per community');
        const hashes = [
          (await questionRow(spam.id)).device_hash,
          (await questionRow(elsewhere.question!.id)).device_hash,
        ];
        assert.notEqual(hashes[0], hashes[1]);
        assert.ok(hashes.every((hash) => hash && !hash.includes(device)));

        const entry = await lastAudit();
        assert.equal(entry.action, 'moderation.author-blocked');
        assert.deepEqual(entry.detail, {
          from: 'PUBLISHED',
          to: 'HIDDEN',
          closedFlags: 0,
          scope: 'DEVICE',
          reason: 'Reclame, drie keer achter elkaar.',
          newBlock: true,
        });
        assert.ok(!JSON.stringify(entry).includes(hashes[0]!));

        const withoutDevice = await published();
        assert.deepEqual(
          codes(
            await api.services.moderation.block(
              { content: ref('QUESTION', withoutDevice.id), scope: 'DEVICE', reason: 'Reclame.' },
              moderator.viewer,
            ),
          ),
          ['NO_DEVICE'],
        );
      });

      it('blocks a pseudonym in any spelling, but never "Anoniem" or an account', async () => {
        const spam = await published(newDevice(), { displayName: 'Kortingskoning' });
        const blocked = await api.services.moderation.block(
          { content: ref('QUESTION', spam.id), scope: 'PSEUDONYM', reason: 'Alleen reclame.' },
          moderator.viewer,
        );
        assert.deepEqual(blocked.errors, []);
        assert.deepEqual(codes(await ask({ displayName: '  KORTINGSKONING ' }, newDevice())), ['BLOCKED_AUTHOR']);
        assert.deepEqual(codes(await ask({ displayName: 'Kortingskoningin' }, newDevice())), []);

        const anonymous = await published();
        assert.deepEqual(
          codes(
            await api.services.moderation.block(
              { content: ref('QUESTION', anonymous.id), scope: 'PSEUDONYM', reason: 'Reclame.' },
              moderator.viewer,
            ),
          ),
          ['ANONYMOUS_NOT_BLOCKABLE'],
        );
        const expertAnswer = await answer(anonymous.id, {}, { viewer: expert.viewer });
        assert.deepEqual(
          codes(
            await api.services.moderation.block(
              { content: ref('ANSWER', expertAnswer.answer!.id), scope: 'PSEUDONYM', reason: 'Reclame.' },
              moderator.viewer,
            ),
          ),
          ['ACCOUNT_NOT_BLOCKABLE'],
        );
      });

      it('lets moderators and admins of the community decide, and nobody else', async () => {
        const question = await published();
        const content = ref('QUESTION', question.id);
        const reason = 'Dit hoort hier niet.';
        await refused(api.services.moderation.hide({ content, reason }, null), 'UNAUTHENTICATED');
        for (const viewer of [expert.viewer, staff.viewer]) {
          await refused(api.services.moderation.hide({ content, reason }, viewer), 'FORBIDDEN');
          await refused(api.services.moderation.approve({ content }, viewer), 'FORBIDDEN');
          await refused(api.services.moderation.queue(viewer, {}), 'FORBIDDEN');
        }
        // A role holds in its own community only.
        await refused(api.services.moderation.hide({ content, reason }, otherModerator.viewer), 'FORBIDDEN');
        assert.deepEqual(
          codes(
            await api.services.moderation.hide({ content: ref('QUESTION', 'bestaat-niet'), reason }, moderator.viewer),
          ),
          ['UNKNOWN_QUESTION'],
        );
        assert.equal((await questionRow(question.id)).publication, 'PUBLISHED');
        const byAdmin = await api.services.moderation.hide({ content, reason }, admin.viewer);
        assert.equal(byAdmin.item?.publication, 'HIDDEN');
      });
    });

    describe('the queue, the audit log and the settings', () => {
      it('lists what waits, the longest waiting first, with findings and flags, page by page', async () => {
        await emptyQueue();
        await configure({ heldWords: ['advocaat'] });
        const flaggedLater = await published();
        const target = await published();
        api.advance(MINUTE);
        const held = await ask({ body: uncertainName });
        api.advance(MINUTE);
        await api.services.moderation.flag({ content: ref('QUESTION', flaggedLater.id), reason: 'SPAM' }, newDevice());
        api.advance(MINUTE);
        const heldAnswer = await answer(target.id, { body: 'Neem een advocaat, dat is echt beter voor u.' });

        const firstPage = await api.services.moderation.queue(moderator.viewer, { first: 2 });
        assert.equal(await firstPage.totalCount(), 3);
        assert.equal(firstPage.pageInfo.hasNextPage, true);
        const rest = await api.services.moderation.queue(moderator.viewer, {
          first: 2,
          after: firstPage.pageInfo.endCursor,
        });
        assert.equal(rest.pageInfo.hasNextPage, false);
        const items = [...firstPage.edges, ...rest.edges].map((edge) => edge.node);
        assert.deepEqual(
          items.map((item) => item.id),
          [`QUESTION:${held.question!.id}`, `QUESTION:${flaggedLater.id}`, `ANSWER:${heldAnswer.answer!.id}`],
        );
        const [first, second, third] = items;
        assert.deepEqual(
          [first!.publication, first!.findings, first!.flags],
          ['HELD', [{ step: 'personal-data', detail: 'name' }], []],
        );
        assert.deepEqual([second!.publication, second!.flags.map((flag) => flag.reason)], ['PUBLISHED', ['SPAM']]);
        assert.deepEqual(
          [third!.kind, third!.question.id, third!.answer?.publication, third!.findings],
          ['ANSWER', target.id, 'HELD', [{ step: 'words', detail: 'advocaat' }]],
        );
        assert.ok(first!.waitingSince < second!.waitingSince && second!.waitingSince < third!.waitingSince);

        await api.services.moderation.approve({ content: ref('QUESTION', flaggedLater.id) }, moderator.viewer);
        assert.deepEqual(
          (await queueItems(admin.viewer)).map((item) => item.id),
          [`QUESTION:${held.question!.id}`, `ANSWER:${heldAnswer.answer!.id}`],
        );
        await assert.rejects(api.services.moderation.queue(moderator.viewer, { after: 'bogus' }), {
          code: 'BAD_USER_INPUT',
        });
      });

      it('shows staff, moderators and admins the audit log newest first, and never changes an entry', async () => {
        await refused(api.services.moderation.auditLog(null, {}), 'UNAUTHENTICATED');
        await refused(api.services.moderation.auditLog(expert.viewer, {}), 'FORBIDDEN');
        const all = async (viewer: Viewer) => {
          const entries = [];
          let after: string | null = null;
          do {
            const page = await api.services.moderation.auditLog(viewer, { first: 7, after });
            entries.push(...page.edges.map((edge) => edge.node));
            after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
          } while (after);
          return entries;
        };
        const before = await all(staff.viewer);
        assert.ok(before.length > 7, 'several pages');
        assert.deepEqual(await all(moderator.viewer), before);
        assert.deepEqual(await all(admin.viewer), before);
        const times = before.map((entry) => entry.createdAt);
        assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
        assert.equal(new Set(before.map((entry) => entry.id)).size, before.length, 'pages do not overlap');
        assert.ok(
          before.some((entry) => entry.action === 'moderation.approved' && entry.actorName === moderator.displayName),
        );
        assert.ok(before.some((entry) => entry.action === 'moderation.hidden-by-flags' && entry.actorName === null));
        assert.equal(
          (await all(otherAdmin.viewer)).some((entry) => entry.id === before[0]!.id),
          false,
        );

        api.advance(MINUTE);
        const question = await published();
        await api.services.moderation.hide(
          { content: ref('QUESTION', question.id), reason: 'Nog een besluit voor het logboek.' },
          moderator.viewer,
        );
        await api.services.moderation.approve({ content: ref('QUESTION', question.id) }, moderator.viewer);
        const later = await all(staff.viewer);
        assert.deepEqual(
          later.slice(0, 2).map((entry) => entry.action),
          ['moderation.approved', 'moderation.hidden'],
        );
        assert.deepEqual(later.slice(later.length - before.length), before, 'only added, nothing changed');
      });

      it('keeps settings per community, with defaults, validated, changed by admins only', async () => {
        assert.deepEqual(await api.services.moderation.settings(otherModerator.viewer), {
          preModeration: 'NONE',
          flagThreshold: 3,
          blockedWords: [],
          heldWords: [],
        });
        const update = (settings: Record<string, unknown>, viewer: Viewer = admin.viewer) =>
          api.services.moderation.updateSettings(
            {
              community: 'testgemeente',
              preModeration: 'FIRST_POST',
              flagThreshold: 5,
              blockedWords: [],
              heldWords: [],
              ...settings,
            },
            viewer,
          );
        assert.deepEqual((await update({ flagThreshold: 0 })).errors, [
          { field: 'flagThreshold', code: 'FLAG_THRESHOLD' },
        ]);
        assert.deepEqual(codes(await update({ flagThreshold: 21 })), ['FLAG_THRESHOLD']);
        assert.deepEqual((await update({ heldWords: ['a'] })).errors, [{ field: 'heldWords', code: 'WORD_LIST' }]);
        assert.deepEqual(codes(await update({ blockedWords: ['x'.repeat(41)] })), ['WORD_LIST']);
        const many = Array.from({ length: 201 }, (_, i) => `woord${i}`);
        assert.deepEqual(codes(await update({ blockedWords: many })), ['WORD_LIST']);
        assert.deepEqual(codes(await update({ community: 'bestaat-niet' })), ['UNKNOWN_COMMUNITY']);
        await refused(update({}, moderator.viewer), 'FORBIDDEN');
        await refused(update({}, otherAdmin.viewer), 'FORBIDDEN');
        await refused(api.services.moderation.settings(staff.viewer), 'FORBIDDEN');

        const saved = await update({
          blockedWords: ['  Oplichter ', 'oplichter', 'Nep  bedrijf'],
          heldWords: many.slice(1),
        });
        assert.deepEqual(saved.errors, []);
        assert.deepEqual(saved.settings?.blockedWords, ['Oplichter', 'Nep bedrijf']);
        assert.deepEqual(await api.services.moderation.settings(moderator.viewer), saved.settings);
        const entry = await lastAudit();
        assert.deepEqual(
          [entry.action, entry.actorUserId, entry.detail],
          [
            'moderation.settings-changed',
            admin.viewer.userId,
            { preModeration: 'FIRST_POST', flagThreshold: 5, blockedWords: 2, heldWords: 200 },
          ],
        );
      });
      it('shows and changes the settings from the command line, in the audit log without an account', async () => {
        const lines: string[] = [];
        const out = { log: (line: string) => void lines.push(line), error: (line: string) => void lines.push(line) };
        const plein = (...args: string[]) => runModerationCommand(args, api.services, out);

        assert.equal(await plein('settings', '--community', 'testgemeente'), 0);
        assert.deepEqual(lines.splice(0), [
          'Voorafgaande controle: NONE',
          'Verbergen na: 3 meldingen',
          'Geweigerde woorden (0): -',
          'Vastgehouden woorden (0): -',
        ]);
        const changed = await plein(
          'settings',
          '--community',
          'testgemeente',
          '--pre-moderation',
          'first-post',
          '--held-word',
          'advocaat',
          '--held-word',
          'rechter',
        );
        assert.equal(changed, 0);
        assert.equal(lines[0], 'De moderatie-instellingen van testgemeente zijn gewijzigd.');
        assert.deepEqual(await api.services.moderation.settings(moderator.viewer), {
          preModeration: 'FIRST_POST',
          flagThreshold: 3,
          blockedWords: [],
          heldWords: ['advocaat', 'rechter'],
        });
        const entry = await lastAudit();
        assert.deepEqual(
          [entry.action, entry.actorUserId, entry.detail],
          [
            'moderation.settings-changed',
            null,
            { source: 'cli', preModeration: 'FIRST_POST', flagThreshold: 3, blockedWords: 0, heldWords: 2 },
          ],
        );
        lines.length = 0;
        assert.equal(await plein('settings', '--community', 'testgemeente', '--flag-threshold', '50'), 1);
        assert.deepEqual(lines, ['flagThreshold: Kies een getal van 1 tot en met 20.']);
        assert.equal(await plein('settings', '--community', 'testgemeente', '--pre-moderation', 'soms'), 2);
        assert.equal(await plein('settings', '--community', 'bestaat-niet'), 1);
      });
    });

    describe('through GraphQL', () => {
      it('reads the Plein-Device header for the repeat check; answers in Dutch or English', async () => {
        const device = { 'plein-device': newDevice() };
        const input = questionInput();
        const first = await api.graphql(gql.ask, { input }, device);
        assert.deepEqual(first.body.data.askQuestion.errors, []);
        const retry = await api.graphql(gql.ask, { input }, device);
        assert.equal(retry.body.data.askQuestion.question.id, first.body.data.askQuestion.question.id);

        const again = await api.graphql(gql.ask, { input: { ...input, idempotencyKey: key() } }, device);
        assert.deepEqual(again.body.data.askQuestion, {
          question: null,
          ownerToken: null,
          errors: [{ field: null, code: 'REPEATED_POST', message: 'U heeft dit bericht net al geplaatst.' }],
        });
        const english = await api.graphql(
          gql.ask,
          { input: { ...input, idempotencyKey: key() } },
          { ...device, 'accept-language': 'en' },
        );
        assert.equal(english.body.data.askQuestion.errors[0].message, 'You have just posted this message.');
        const withoutDevice = await api.graphql(gql.ask, { input: { ...input, idempotencyKey: key() } });
        assert.deepEqual(withoutDevice.body.data.askQuestion.errors, [], 'without a key there is nothing to compare');

        const fast = await api.graphql(gql.ask, { input: questionInput({ antiSpam: { honeypot: '', fillMs: 800 } }) });
        assert.equal(
          fast.body.data.askQuestion.errors[0].message,
          'Dat ging erg snel. Controleer uw bericht en verstuur het opnieuw.',
        );
        await configure({ blockedWords: ['oplichter'] });
        const blocked = await api.graphql(gql.ask, {
          input: questionInput({ body: 'Mijn baas is een oplichter, mag hij mij zo behandelen?' }),
        });
        assert.equal(
          blocked.body.data.askQuestion.errors[0].message,
          'In uw bericht staan woorden die hier niet mogen.',
        );
        assert.ok(!JSON.stringify(blocked.body).includes('oplichter'), 'the words are never repeated');
      });

      it('takes flags from anyone with a device key, once per device', async () => {
        const question = await published();
        const variables = { input: { content: ref('QUESTION', question.id), reason: 'OFFENSIVE', note: 'Grof.' } };
        const device = { 'plein-device': newDevice() };
        const withoutKey = await api.graphql(gql.flag, variables);
        assert.deepEqual(withoutKey.body.data.flagContent, {
          counted: false,
          errors: [
            {
              field: null,
              code: 'DEVICE_REQUIRED',
              message: 'Melden lukt niet vanaf deze pagina. Laad de pagina opnieuw en probeer het nog een keer.',
            },
          ],
        });
        assert.equal((await api.graphql(gql.flag, variables, device)).body.data.flagContent.counted, true);
        assert.equal((await api.graphql(gql.flag, variables, device)).body.data.flagContent.counted, false);
      });

      it('shows moderationReason to the author and moderators only', async () => {
        const asked = await api.graphql(gql.ask, { input: questionInput({ body: uncertainName }) });
        const { question, ownerToken } = asked.body.data.askQuestion;
        assert.equal(question.publication, 'HELD');
        const asModerator = bearer(moderator.token);
        const queue = await api.graphql(gql.queue, { first: 50 }, asModerator);
        const item = queue.body.data.viewer.moderationQueue.edges.find(
          (edge: { node: { id: string } }) => edge.node.id === `QUESTION:${question.id}`,
        );
        assert.deepEqual(item.node.findings, [{ step: 'personal-data', detail: 'name' }]);

        const reason = 'Uw vraag noemt iemand bij naam. Stel de vraag opnieuw zonder naam.';
        const rejected = await api.graphql(
          gql.reject,
          { input: { content: ref('QUESTION', question.id), reason } },
          asModerator,
        );
        assert.deepEqual(rejected.body.data.rejectContent.errors, []);
        assert.equal(rejected.body.data.rejectContent.item.question.moderationReason, reason);

        assert.equal((await api.graphql(gql.thread, { id: question.id })).body.data.question, null);
        const own = (await api.graphql(gql.thread, { id: question.id, ownerToken })).body.data.question;
        assert.deepEqual([own.publication, own.moderationReason], ['REJECTED', reason]);
        const [mine] = (await api.graphql(gql.myQuestions, { ownerTokens: [ownerToken] })).body.data.myQuestions;
        assert.equal(mine.moderationReason, reason);

        const open = await published();
        const hiddenAnswer = await answer(open.id);
        await api.services.moderation.hide(
          { content: ref('ANSWER', hiddenAnswer.answer!.id), reason: 'Dit advies is onjuist.' },
          moderator.viewer,
        );
        const [writer] = (await api.graphql(gql.myAnswers, { ownerTokens: [hiddenAnswer.ownerToken] })).body.data
          .myAnswers;
        assert.deepEqual([writer.publication, writer.moderationReason], ['HIDDEN', 'Dit advies is onjuist.']);
        const publicThread = (await api.graphql(gql.thread, { id: open.id })).body.data.question;
        assert.equal(publicThread.moderationReason, null);
        assert.equal(publicThread.answers.totalCount, 0);

        const refusedQueue = await api.graphql(gql.queue, {}, bearer(expert.token));
        assert.equal(refusedQueue.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
        const anonymous = await api.graphql(gql.queue, {});
        assert.equal(anonymous.body.data.viewer, null);
      });

      it('lets no mutation change the audit log: entries are only added, newest first', async () => {
        type Entry = { id: string; action: string; subjectId: string | null; actorName: string | null };
        const read = async () => {
          const entries: Entry[] = [];
          let after: string | null = null;
          do {
            const response = await api.graphql(gql.auditLog, { first: 20, after }, bearer(staff.token));
            assert.equal(response.body.errors, undefined);
            const { edges, pageInfo } = response.body.data.viewer.auditLog;
            entries.push(...edges.map((edge: { node: Entry }) => edge.node));
            after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
          } while (after);
          return entries;
        };
        const refusedLog = await api.graphql(gql.auditLog, {}, bearer(expert.token));
        assert.equal(refusedLog.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
        const before = await read();
        api.advance(MINUTE);

        const asModerator = bearer(moderator.token);
        const device = { 'plein-device': newDevice() };
        const asked = (await api.graphql(gql.ask, { input: questionInput() }, device)).body.data.askQuestion;
        const id = asked.question.id;
        const content = ref('QUESTION', id);
        const answered = (await api.graphql(gql.answer, { input: answerInput(id) }, device)).body.data.answerQuestion;
        await api.graphql(gql.flag, { input: { content, reason: 'SPAM' } }, device);
        await api.graphql(gql.hide, { input: { content, reason: 'Even uit beeld.' } }, asModerator);
        await api.graphql(gql.approve, { input: { content } }, asModerator);
        await api.graphql(
          gql.redact,
          {
            input: {
              content: ref('ANSWER', answered.answer.id),
              body: 'Bel eerst het Juridisch Loket.',
              removedKinds: ['phone'],
            },
          },
          asModerator,
        );
        await api.graphql(gql.reject, { input: { content, reason: 'Toch niet passend.' } }, asModerator);
        await api.graphql(gql.block, { input: { content, scope: 'DEVICE', reason: 'Te vaak reclame.' } }, asModerator);
        await api.graphql(
          gql.settings,
          {
            input: {
              community: 'testgemeente',
              preModeration: 'NONE',
              flagThreshold: 4,
              blockedWords: [],
              heldWords: [],
            },
          },
          bearer(admin.token),
        );
        await api.graphql(gql.remove, { input: { questionId: id, ownerToken: asked.ownerToken } });

        const afterwards = await read();
        const added = afterwards.slice(0, afterwards.length - before.length);
        assert.deepEqual(
          added.map((entry) => entry.action),
          [
            'moderation.settings-changed',
            'moderation.author-blocked',
            'moderation.rejected',
            'moderation.redacted',
            'moderation.approved',
            'moderation.hidden',
          ],
        );
        assert.ok(added.slice(1).every((entry) => entry.actorName === moderator.displayName));
        assert.deepEqual(
          afterwards.slice(added.length),
          before,
          'the older entries are as they were, in the same order',
        );
        assert.ok(
          added.some((entry) => entry.subjectId === id),
          'deleting the question kept its entries',
        );
      });

      it('allows the Plein-Device header from a registered host page', async () => {
        await api.services.communities.allowOrigin('testgemeente', 'https://www.testgemeente.nl');
        const preflight = await api.app.inject({
          method: 'OPTIONS',
          url: '/graphql',
          headers: {
            host: 'localhost:4000',
            origin: 'https://www.testgemeente.nl',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,plein-device',
          },
        });
        assert.match(String(preflight.headers['access-control-allow-headers']), /plein-device/);
      });
    });
  });
});
