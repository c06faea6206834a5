import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runExpertCommand } from '../src/expert-cli.ts';
import { cliActor } from '../src/services/verification-service.ts';
import type { Viewer } from '../src/services/viewer.ts';
import { PleinStore } from '../src/store/store.ts';
import { freshSqliteDatabase } from './engines.ts';
import { DAY, type ExpertWorld, MINUTE, key, onEveryEngine, openExpertWorld, refused } from './expert-world.ts';
import { fixedClock } from './fixture-community.ts';

const inAYear = new Date(fixedClock().getTime() + 365 * DAY).toISOString();

onEveryEngine('verification', (engine, open) => {
  describe(`verification on ${engine}`, () => {
    let world: ExpertWorld;
    let admin: Viewer;
    const verifyInput = (overrides: Record<string, unknown> = {}) => ({
      expertId: world.els,
      evidence: 'KVK',
      kvkNumber: '12345678',
      organisation: 'Adviespraktijk Test',
      independence: 'INDEPENDENT',
      topics: ['ontslag'],
      validUntil: '2027-06-30T12:00:00.000Z',
      ...overrides,
    });
    const errorsOf = async (overrides: Record<string, unknown>) =>
      (await world.services.verifications.verify(verifyInput(overrides), admin)).errors;

    before(async () => {
      world = await openExpertWorld(await open());
      admin = await world.viewer(['ADMIN']);
    });
    after(() => world?.close());

    it('lets only an admin of the expert own community verify', async () => {
      const { verifications } = world.services;
      const expert = await world.viewer(['EXPERT'], { expertId: world.els });
      await refused(verifications.verify(verifyInput(), null), 'UNAUTHENTICATED');
      await refused(verifications.verify(verifyInput(), expert), 'FORBIDDEN');
      await refused(verifications.verify(verifyInput(), await world.viewer(['MODERATOR', 'STAFF'])), 'FORBIDDEN');
      await refused(verifications.verify(verifyInput(), world.portalCitizen()), 'FORBIDDEN');
      const otherAdmin = await world.viewer(['ADMIN'], { communityId: world.otherCommunityId });
      await refused(verifications.verify(verifyInput(), otherAdmin), 'FORBIDDEN');
      await refused(verifications.verify(verifyInput({ expertId: 'no-such-expert' }), expert), 'FORBIDDEN');
      // Only the CLI's own object acts as the CLI, not something shaped like it.
      await refused(verifications.verify(verifyInput(), { ...cliActor } as unknown as Viewer), 'FORBIDDEN');
      assert.deepEqual((await verifications.verify(verifyInput({ expertId: 'no-such-expert' }), admin)).errors, [
        { field: 'expertId', code: 'UNKNOWN_EXPERT' },
      ]);
      await refused(verifications.revoke({ expertId: world.els, reason: 'Klopt niet meer' }, expert), 'FORBIDDEN');
      await refused(verifications.revoke({ expertId: world.els, reason: 'Klopt niet meer' }, otherAdmin), 'FORBIDDEN');
      // Nothing was stored by any of the refused calls.
      assert.equal(await world.opened.store.countRows('audit_log'), 0);
    });

    it('checks the evidence: a KvK number of exactly 8 digits, a note for a manual check', async () => {
      for (const kvkNumber of [undefined, '', '1234567', '123456789', '1234567a']) {
        assert.deepEqual(await errorsOf({ kvkNumber }), [{ field: 'kvkNumber', code: 'INVALID_KVK' }], kvkNumber);
      }
      assert.deepEqual(await errorsOf({ evidence: 'MANUAL', kvkNumber: null }), [{ field: 'note', code: 'REQUIRED' }]);
      assert.deepEqual(await errorsOf({ evidence: 'MANUAL', note: '   ' }), [{ field: 'note', code: 'REQUIRED' }]);
      assert.deepEqual(await errorsOf({ evidence: 'NOTARY' }), [{ field: 'evidence', code: 'REQUIRED' }]);
      assert.deepEqual(await errorsOf({ independence: 'OTHER' }), [{ field: 'independenceNote', code: 'REQUIRED' }]);
      assert.deepEqual(await errorsOf({ organisation: 'X' }), [
        { field: 'organisation', code: 'TOO_SHORT', params: { min: 2 } },
      ]);
    });

    it('checks the topics and the end date', async () => {
      assert.deepEqual(await errorsOf({ topics: [] }), [{ field: 'topics', code: 'REQUIRED', params: { min: 1 } }]);
      assert.deepEqual(await errorsOf({ topics: ['ontslag', 'schulden'] }), [
        { field: 'topics', code: 'UNKNOWN_TOPIC' },
      ]);
      for (const validUntil of [
        world.now().toISOString(),
        '2026-10-31',
        '2029-12-01T00:00:00Z',
        'volgend jaar',
        '2027-02-30',
        '2027-06-30T12:00:00',
      ]) {
        assert.deepEqual(await errorsOf({ validUntil }), [{ field: 'validUntil', code: 'VALID_UNTIL' }], validUntil);
      }
      assert.equal(await world.opened.store.countRows('audit_log'), 0);
    });

    it('stores a new record that replaces the current one, and writes the audit log in the same step', async () => {
      const before = await world.opened.store.latestVerifications([world.els]);
      const result = await world.services.verifications.verify(
        verifyInput({
          kvkNumber: '1234 5678',
          topics: ['ww', 'ontslag', 'ww'],
          independence: 'OTHER',
          independenceNote: 'Werkt één dag per week voor een re-integratiebureau.',
          validUntil: '2027-06-30',
        }),
        admin,
      );
      assert.deepEqual(result.errors, []);
      const expert = result.expert!;
      assert.equal(expert.verified, true);
      assert.equal(expert.independent, false);
      assert.equal(expert.independence, 'OTHER');
      assert.equal(expert.independenceNote, 'Werkt één dag per week voor een re-integratiebureau.');
      const current = expert.currentVerification!;
      assert.equal(current.kvkNumber, '12345678', 'the 8 digits are kept');
      assert.equal(current.validUntil, '2027-06-30T23:59:59.999Z', 'a day is valid to its end');
      assert.deepEqual(
        (await world.services.communities.topicsByIds(current.topicIds)).map((t) => t.slug),
        ['ontslag', 'ww'],
        'topics once each, in the community order',
      );

      const [previous] = await world.opened.store.verificationsOf(world.els);
      assert.equal(previous?.id, before.get(world.els)?.id);
      assert.equal(previous?.revoked_at, world.now().toISOString(), 'the seeded verification was ended');
      const now = world.now().toISOString();
      assert.deepEqual(
        [...(await world.opened.store.currentVerifications([world.els], now)).values()].map((v) => v.id),
        [current.id],
        'exactly one current verification',
      );

      const entries = await world.services.audit.entries(world.communityId);
      assert.equal(entries.length, 1);
      const [entry] = entries;
      assert.equal(entry?.action, 'verification.created');
      assert.equal(entry?.actorUserId, admin.userId);
      assert.equal(entry?.subjectType, 'expert');
      assert.equal(entry?.subjectId, world.els);
      assert.deepEqual(entry?.detail, {
        source: 'graphql',
        verificationId: current.id,
        evidence: 'KVK',
        independence: 'OTHER',
        topics: ['ww', 'ontslag'],
        validUntil: '2027-06-30T23:59:59.999Z',
        replacedCurrent: 1,
      });
      assert.doesNotMatch(JSON.stringify(entries), /12345678|Adviespraktijk|re-integratiebureau/);
    });

    it('keeps the audit log append-only: the store has no way to change or remove an entry', () => {
      const methods = Object.getOwnPropertyNames(PleinStore.prototype).filter((name) => /audit/i.test(name));
      // auditPage: the moderation's paged read of the log (Viewer.auditLog).
      assert.deepEqual(methods.sort(), ['auditEntries', 'auditPage', 'insertAuditEntry']);
    });

    it('shows the KvK number and the note to admins of the community only', async () => {
      world.advance(MINUTE);
      await world.services.verifications.verify(
        verifyInput({ evidence: 'MANUAL', kvkNumber: '87654321', note: 'Diploma gezien op kantoor.' }),
        admin,
      );
      const [expert] = await world.services.experts.byIds([world.els]);
      const viewers = {
        admin,
        anonymous: null,
        expert: await world.viewer(['EXPERT'], { expertId: world.els }),
        moderator: await world.viewer(['MODERATOR', 'STAFF']),
        otherAdmin: await world.viewer(['ADMIN'], { communityId: world.otherCommunityId }),
      };
      for (const [who, viewer] of Object.entries(viewers)) {
        const [visible] = await world.services.verifications.visibleVerifications([expert!], viewer);
        assert.equal(visible?.evidence, 'MANUAL', who);
        assert.equal(visible?.organisation, 'Adviespraktijk Test', who);
        assert.equal(visible?.current, true, who);
        assert.equal(visible?.note, who === 'admin' ? 'Diploma gezien op kantoor.' : null, who);
        assert.equal(visible?.kvkNumber, null, `${who}: a KvK number is kept for KVK evidence only`);
      }
    });

    it('revokes: the badge goes at once, the reason is logged without personal data', async () => {
      const { verifications } = world.services;
      world.advance(MINUTE);
      assert.deepEqual((await verifications.revoke({ expertId: world.els, reason: 'x' }, admin)).errors, [
        { field: 'reason', code: 'TOO_SHORT', params: { min: 3 } },
      ]);
      const result = await verifications.revoke(
        { expertId: world.els, reason: 'Werkt niet meer bij de praktijk, zegt collega op 06-12345678.' },
        admin,
      );
      assert.deepEqual(result.errors, []);
      assert.equal(result.expert?.verified, false);
      assert.equal(result.expert?.independence, null);
      assert.equal(result.expert?.currentVerification, null);
      const [latest] = await verifications.visibleVerifications([result.expert!], admin);
      assert.equal(latest?.current, false, 'admins still see the record, no longer current');
      assert.ok(latest?.revokedAt);
      assert.deepEqual(await verifications.visibleVerifications([result.expert!], null), [null]);

      const entry = (await world.services.audit.entries(world.communityId)).at(-1);
      assert.equal(entry?.action, 'verification.revoked');
      assert.deepEqual(entry?.detail, {
        source: 'graphql',
        reason: 'Werkt niet meer bij de praktijk, zegt collega op [telefoonnummer verwijderd].',
      });
      assert.deepEqual((await verifications.revoke({ expertId: world.els, reason: 'Nog een keer' }, admin)).errors, [
        { field: 'expertId', code: 'NOT_VERIFIED' },
      ]);
    });

    it('lets an expired verification drop the badge by itself, everywhere', async () => {
      const { services } = world;
      // Bram's seeded verification ends a year after the fixed clock.
      const bramViewer = await world.viewer(['EXPERT'], { expertId: world.bram });
      const [before] = await services.experts.byIds([world.bram]);
      assert.equal(before?.verified, true);
      assert.equal(before?.independence, 'MUNICIPALITY');
      assert.equal(before?.organisation, 'Gemeente Test');
      const directory = async () =>
        (await services.experts.list(world.communityId, {})).edges.map((edge) => edge.node.displayName);
      assert.ok((await directory()).includes('Bram Testklant'));
      const { question } = await services.questions.ask({
        community: 'testgemeente',
        topic: 'bijstand-aanvragen',
        title: 'Moet ik mijn spaargeld opmaken voor bijstand?',
        body: 'Ik heb een klein spaarbedrag. Moet ik dat eerst opmaken voordat ik bijstand krijg?',
        idempotencyKey: key(),
      });
      const inbox = async () => (await services.claims.inbox(bramViewer, {})).edges.map((edge) => edge.node.id);
      assert.deepEqual(await inbox(), [question!.id]);

      world.setNow(inAYear);
      const [atTheEnd] = await services.experts.byIds([world.bram]);
      assert.equal(atTheEnd?.verified, false, 'valid until means: not at that moment any more');
      assert.equal(atTheEnd?.independent, false);
      assert.equal(atTheEnd?.independence, null);
      assert.equal(atTheEnd?.independenceNote, null);
      assert.ok(!(await directory()).includes('Bram Testklant'));
      assert.deepEqual(await inbox(), []);
      assert.deepEqual(await services.verifications.visibleVerifications([atTheEnd!], null), [null]);
      const [adminView] = await services.verifications.visibleVerifications([atTheEnd!], admin);
      assert.equal(adminView?.current, false);
      await refused(services.claims.claim(question!.id, bramViewer), 'FORBIDDEN');

      const answered = await services.answers.answer(
        { questionId: question!.id, body: 'U mag een klein bedrag houden, de vermogensgrens.', idempotencyKey: key() },
        undefined,
        bramViewer,
      );
      assert.deepEqual(answered.errors, []);
      assert.equal(answered.answer?.author.role, 'CITIZEN', 'no badge: answered as a peer');
      assert.equal(answered.answer?.author.expertId, null);
      assert.equal(answered.answer?.author.displayName, 'Bram Testklant');
      assert.equal((await services.questions.byId(question!.id))?.status, 'OPEN');
    });

    it('verifies and lists from the command line as the CLI actor', async () => {
      world.setNow(new Date(fixedClock().getTime() + 2 * DAY).toISOString());
      const lines: string[] = [];
      const errors: string[] = [];
      const out = { log: (line: string) => lines.push(line), error: (line: string) => errors.push(line) };
      const args = [
        'verify',
        '--community',
        'testgemeente',
        '--expert-id',
        world.bram,
        '--evidence',
        'organisation',
        '--organisation',
        'Gemeente Test',
        '--independence',
        'municipality',
        '--topic',
        'bijstand-aanvragen',
        '--topic',
        'ww',
        '--valid-until',
        '2027-03-31',
      ];
      assert.equal(await runExpertCommand(args, world.services, out), 0, errors.join('\n'));
      assert.deepEqual(lines, ['Bram Testklant is geverifieerd tot 2027-03-31.']);
      const entry = (await world.services.audit.entries(world.communityId)).at(-1);
      assert.equal(entry?.actorUserId, null);
      assert.equal(entry?.detail?.source, 'cli');
      assert.deepEqual(entry?.detail?.topics, ['bijstand-aanvragen', 'ww']);

      const wrong = [...args];
      wrong[wrong.indexOf('--evidence') + 1] = 'kvk';
      assert.equal(await runExpertCommand([...wrong, '--kvk', '123'], world.services, out), 1);
      assert.match(errors.at(-1) ?? '', /^--kvk: Een KvK-nummer heeft precies 8 cijfers\.$/);
      assert.equal(
        await runExpertCommand(['verify', '--community', 'andere', ...args.slice(3)], world.services, out),
        2,
      );
      assert.match(errors.at(-1) ?? '', /geen expert met id/);

      lines.length = 0;
      assert.equal(await runExpertCommand(['list', '--community', 'testgemeente'], world.services, out), 0);
      assert.deepEqual(lines, [
        `${world.bram}\tBram Testklant\tgeverifieerd tot 2027-03-31\tww,bijstand-aanvragen`,
        `${world.els}\tEls Testadviseur\tingetrokken op ${fixedClock().toISOString().slice(0, 10)}\tontslag,ww`,
      ]);
      assert.equal((await world.services.verifications.verify({}, cliActor)).errors[0]?.code, 'UNKNOWN_EXPERT');
    });
  });
});

describe('plein expert (the command)', () => {
  const database = freshSqliteDatabase();
  after(() => database.drop());
  const bin = fileURLToPath(new URL('../bin/plein.js', import.meta.url));
  const plein = (...args: string[]) =>
    promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
    });

  it('shows the seeded experts: verified for a year, one expired', async () => {
    await plein('seed');
    const listed = (await plein('expert', 'list', '--community', 'eemsdelta')).stdout.trim().split('\n');
    assert.equal(listed.length, 5);
    const states = Object.fromEntries(listed.map((line) => line.split('\t')).map(([, name, state]) => [name, state]));
    assert.match(states['mr. Martijn Bartelds'] ?? '', /^verlopen op \d{4}-\d{2}-\d{2}$/);
    assert.match(states['Geert Heikens'] ?? '', /^geverifieerd tot \d{4}-\d{2}-\d{2}$/);
    assert.equal(Object.values(states).filter((state) => state.startsWith('geverifieerd tot')).length, 4);
    await assert.rejects(plein('expert', 'list'), /Geef --community op/);
    await assert.rejects(plein('expert', 'verify', '--community', 'eemsdelta', '--wrong'), /Unknown option/);
  });
});
