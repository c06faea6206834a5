import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApproveContentDocument, AuditLogDocument, HideContentDocument, MyQuestionsDocument } from '@plein/schema';
import { type Kysely, sql } from 'kysely';
import { startFollowSweeper } from '../src/runtime.ts';
import { REJECTED_CONTENT_RETENTION_MS } from '../src/services/moderation-service.ts';
import { newId } from '../src/services/secrets.ts';
import { createServices, type Services } from '../src/services/services.ts';
import { EXPIRED_SIGN_IN_RETENTION_MS } from '../src/services/session-service.ts';
import type { Viewer } from '../src/services/viewer.ts';
import { openStore } from '../src/store/open-store.ts';
import { PleinStore } from '../src/store/store.ts';
import type { ContentKind, Database } from '../src/store/database-schema.ts';
import type { TestDatabase } from './engines.ts';
import { key, MINUTE } from './expert-world.ts';
import {
  type AccountsHarness,
  bearer,
  onEveryEngine,
  sessionFor,
  signedInAccount,
  startAccountsHarness,
  type TestAccount,
} from './sign-in-helper.ts';

const DAY = 24 * 60 * MINUTE;

let counter = 0;
const unique = () => `${++counter}${Math.random().toString(36).slice(2, 7)}`;
const newDevice = () => `device-${unique()}-0123456789abcdef`;
const at = (time: Date, offsetMs: number) => new Date(time.getTime() + offsetMs).toISOString();

/**
 * Resolves once another PostgreSQL session waits for transaction `xid` (a row it locked), or when `gaveUp` says the
 * waiting side finished without waiting: the overlap the test wants has happened, or the assertions after it fail.
 */
async function waitForLockOn(db: Kysely<Database>, xid: string, gaveUp: () => boolean): Promise<void> {
  while (!gaveUp()) {
    const waiting = await sql<{ count: string }>`
      SELECT count(*) AS count FROM pg_locks
      WHERE locktype = 'transactionid' AND NOT granted AND transactionid::text = ${xid}`.execute(db);
    if (Number(waiting.rows[0]!.count) > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

onEveryEngine('retention', (engine, open) => {
  describe(`retention jobs on ${engine}`, () => {
    let api: AccountsHarness;
    let database: TestDatabase;
    let moderator: { account: TestAccount; viewer: Viewer };

    before(async () => {
      api = await startAccountsHarness(async () => (database = await open()));
      const account = await signedInAccount(api.services, {
        community: 'testgemeente',
        email: `moderator-${unique()}@example.org`,
        roles: ['MODERATOR'],
      });
      const viewer = await api.services.sessions.viewerFor(account.token);
      assert.ok(viewer);
      moderator = { account, viewer };
    });
    /** A session that is valid now: tests move the clock by weeks. */
    const moderatorToken = () => sessionFor(api.services, moderator.account);
    after(() => api?.close());

    const store = () => api.opened.store;
    const ref = (kind: ContentKind, id: string) => ({ kind, id });

    /** A published question with a device key; its id and owner token. */
    const ask = async () => {
      const result = await api.services.questions.ask(
        {
          community: 'testgemeente',
          topic: 'ontslag',
          title: `Mag mijn werkgever dit zomaar doen ${unique()}`,
          body: 'Mijn werkgever wil dat ik per direct vertrek. Wat kan ik nu het beste doen?',
          displayName: 'Sanne uit Delfzijl',
          idempotencyKey: key(),
        },
        undefined,
        'nl',
        null,
        newDevice(),
      );
      assert.deepEqual(result.errors, []);
      return { id: result.question!.id, ownerToken: result.ownerToken! };
    };
    const answer = async (questionId: string) => {
      const result = await api.services.answers.answer(
        {
          questionId,
          body: `Bel eerst het Juridisch Loket, dat is gratis (${unique()}).`,
          displayName: 'Karel',
          idempotencyKey: key(),
        },
        undefined,
        null,
        newDevice(),
      );
      assert.deepEqual(result.errors, []);
      return result.answer!.id;
    };
    const decide = async (action: 'reject' | 'hide' | 'approve', kind: ContentKind, id: string) => {
      const result = await api.services.moderation[action](
        { content: ref(kind, id), reason: action === 'approve' ? null : 'Dit past niet bij de regels.' },
        moderator.viewer,
      );
      assert.deepEqual(result.errors, []);
    };
    const question = async (id: string) => (await store().questionsByIds([id]))[0]!;
    const answerRow = async (id: string) => (await store().answersByIds([id]))[0]!;
    const isErasedQuestion = async (id: string) => {
      const row = await question(id);
      return row.title === '' && row.body === '' && row.author_display_name === 'Anoniem' && row.device_hash === null;
    };
    const isErasedAnswer = async (id: string) => {
      const row = await answerRow(id);
      return row.body === '' && row.author_display_name === 'Anoniem' && row.device_hash === null;
    };
    const flagNotes = async (kind: ContentKind, id: string) =>
      (
        await api.opened.connection.db
          .selectFrom('content_flags')
          .select('note')
          .where('content_kind', '=', kind)
          .where('content_id', '=', id)
          .execute()
      ).map((row) => row.note);

    it('erases rejected text 30 days after the rejection, keeps younger and other content, and then finds nothing', async () => {
      // Older than the cutoff: a rejected question (flagged first, with a note) and a rejected answer.
      const old = await ask();
      const flagged = await api.services.moderation.flag(
        { content: ref('QUESTION', old.id), reason: 'OFFENSIVE', note: 'Hij scheldt in de tweede zin.' },
        newDevice(),
      );
      assert.deepEqual(flagged.errors, []);
      await decide('reject', 'QUESTION', old.id);
      const host = await ask();
      const oldAnswer = await answer(host.id);
      await decide('reject', 'ANSWER', oldAnswer);
      // Older, but not rejected: hidden, and rejected-then-approved.
      const hidden = await ask();
      await decide('hide', 'QUESTION', hidden.id);
      const approved = await ask();
      await decide('reject', 'QUESTION', approved.id);
      await decide('approve', 'QUESTION', approved.id);
      // Rejected early, taken back, and rejected again later: the newest rejection counts.
      const again = await ask();
      await decide('reject', 'QUESTION', again.id);
      await decide('hide', 'QUESTION', again.id);
      const rejectedAt = api.now();

      api.advance(20 * DAY);
      await decide('reject', 'QUESTION', again.id);
      const young = await ask();
      await decide('reject', 'QUESTION', young.id);
      const youngAnswer = await answer(host.id);
      await decide('reject', 'ANSWER', youngAnswer);

      const before = [await store().countRows('questions'), await store().countRows('answers')];
      const auditBefore = (await api.services.audit.entries(api.communityId)).length;
      const reason = (await question(old.id)).moderation_reason;
      // One millisecond before the cutoff nothing of it goes; at the cutoff exactly, it does.
      assert.deepEqual(
        await api.services.moderation.sweep(new Date(rejectedAt.getTime() + REJECTED_CONTENT_RETENTION_MS - 1)),
        {
          questions: 0,
          answers: 0,
        },
      );
      const sweepAt = new Date(rejectedAt.getTime() + REJECTED_CONTENT_RETENTION_MS);
      assert.deepEqual(await api.services.moderation.sweep(sweepAt), { questions: 1, answers: 1 });

      assert.ok(await isErasedQuestion(old.id));
      assert.ok(await isErasedAnswer(oldAnswer));
      assert.deepEqual(await flagNotes('QUESTION', old.id), [null]);
      // The row keeps what reports, the author and the audit log need.
      const kept = await question(old.id);
      assert.equal(kept.publication, 'REJECTED');
      assert.equal(kept.moderation_reason, reason);
      assert.equal(kept.topic_id, (await question(young.id)).topic_id);
      assert.deepEqual([await store().countRows('questions'), await store().countRows('answers')], before);
      assert.equal((await api.services.audit.entries(api.communityId)).length, auditBefore);
      for (const id of [hidden.id, approved.id, again.id, young.id, host.id]) {
        assert.equal(await isErasedQuestion(id), false, id);
      }
      assert.equal(await isErasedAnswer(youngAnswer), false);
      if (engine === 'SQLite') {
        const indexed = await sql<{
          count: number;
        }>`SELECT count(*) AS count FROM question_search WHERE question_id = ${old.id}`.execute(
          api.opened.connection.db,
        );
        assert.equal(Number(indexed.rows[0]!.count), 0, 'the search entry of an erased question goes too');
      }

      // A second run, and a run of another instance, find nothing left.
      assert.deepEqual(await api.services.moderation.sweep(sweepAt), { questions: 0, answers: 0 });

      // The young ones go 20 days later.
      assert.deepEqual(await api.services.moderation.sweep(new Date(sweepAt.getTime() + 20 * DAY)), {
        questions: 2,
        answers: 1,
      });
      assert.ok(await isErasedQuestion(again.id));
      assert.ok(await isErasedQuestion(young.id));
      assert.ok(await isErasedAnswer(youngAnswer));
      assert.equal(await isErasedQuestion(hidden.id), false);
      assert.equal(await isErasedQuestion(approved.id), false);
    });

    it('shows an erased question to its author and moderators without text, and refuses to publish it', async () => {
      const erased = await ask();
      await decide('reject', 'QUESTION', erased.id);
      await api.services.moderation.sweep(new Date(api.now().getTime() + REJECTED_CONTENT_RETENTION_MS));
      assert.ok(await isErasedQuestion(erased.id));
      const asModerator = bearer(await moderatorToken());

      const mine = await api.graphql(MyQuestionsDocument, { ownerTokens: [erased.ownerToken] });
      assert.equal(mine.body.errors, undefined);
      assert.equal(mine.body.data.myQuestions[0].title, '');
      assert.equal(mine.body.data.myQuestions[0].publication, 'REJECTED');
      assert.equal(mine.body.data.myQuestions[0].moderationReason, 'Dit past niet bij de regels.');

      const approve = await api.graphql(
        ApproveContentDocument,
        { input: { content: ref('QUESTION', erased.id) } },
        asModerator,
      );
      assert.equal(approve.body.errors, undefined);
      assert.equal(approve.body.data.approveContent.item, null);
      assert.equal(approve.body.data.approveContent.errors[0].code, 'TEXT_ERASED');
      assert.match(approve.body.data.approveContent.errors[0].message, /gewist/);
      assert.equal((await question(erased.id)).publication, 'REJECTED');

      const log = await api.graphql(AuditLogDocument, { first: 5 }, asModerator);
      assert.equal(log.body.errors, undefined);
      assert.equal(log.body.data.viewer.auditLog.edges[0].node.action, 'moderation.rejected');

      const hide = await api.graphql(
        HideContentDocument,
        { input: { content: ref('QUESTION', erased.id), reason: 'Uit beeld gehouden.' } },
        asModerator,
      );
      assert.equal(hide.body.errors, undefined);
      assert.deepEqual(hide.body.data.hideContent.errors, []);
      assert.equal(hide.body.data.hideContent.item.question.title, '');
      assert.equal(hide.body.data.hideContent.item.question.body, '');
    });

    it('deletes sessions, sign-in links and OpenID Connect states a day after they expired, once', async () => {
      const token = await moderatorToken();
      const sweepAt = new Date(api.now().getTime() + 2 * 60 * MINUTE);
      const cutoff = new Date(sweepAt.getTime() - EXPIRED_SIGN_IN_RETENTION_MS);
      const userId = moderator.viewer.userId!;
      const expiring = { old: at(cutoff, 0), young: at(cutoff, 1) };
      const sessionIds = { old: newId(), young: newId() };
      const linkHashes = { old: `link-${unique()}`, young: `link-${unique()}` };
      const states = { old: `state-${unique()}`, young: `state-${unique()}` };
      for (const age of ['old', 'young'] as const) {
        await store().insertSession({
          id: sessionIds[age],
          community_id: api.communityId,
          user_id: userId,
          token_hash: `hash-${unique()}`,
          kind: 'account',
          method: 'password',
          pseudonym: null,
          created_at: at(cutoff, -8 * 60 * MINUTE),
          expires_at: expiring[age],
          revoked_at: null,
        });
        await store().insertSignInLink({
          token_hash: linkHashes[age],
          user_id: userId,
          created_at: at(cutoff, -15 * MINUTE),
          expires_at: expiring[age],
          used_at: null,
        });
        await store().insertOidcSignIn({
          state: states[age],
          community_id: api.communityId,
          code_verifier: 'verifier',
          nonce: 'nonce',
          return_to: 'https://www.example.org/',
          expires_at: expiring[age],
        });
      }

      assert.deepEqual(await api.services.sessions.sweep(sweepAt), { sessions: 1, signInLinks: 1, oidcStates: 1 });
      assert.deepEqual(await api.services.sessions.sweep(sweepAt), { sessions: 0, signInLinks: 0, oidcStates: 0 });
      const db = api.opened.connection.db;
      const sessions = await db
        .selectFrom('sessions')
        .select('id')
        .where('id', 'in', Object.values(sessionIds))
        .execute();
      assert.deepEqual(
        sessions.map((row) => row.id),
        [sessionIds.young],
      );
      const links = await db
        .selectFrom('sign_in_links')
        .select('token_hash')
        .where('token_hash', 'in', Object.values(linkHashes))
        .execute();
      assert.deepEqual(
        links.map((row) => row.token_hash),
        [linkHashes.young],
      );
      const oidc = await db
        .selectFrom('oidc_sign_ins')
        .select('state')
        .where('state', 'in', Object.values(states))
        .execute();
      assert.deepEqual(
        oidc.map((row) => row.state),
        [states.young],
      );
      // The moderator's own session, still valid, is untouched.
      assert.ok(await api.services.sessions.viewerFor(token));
    });

    it('erases each item once when two instances sweep at the same moment', async () => {
      // On PostgreSQL the other instance has a connection pool of its own. On SQLite it shares this process's one
      // connection: a second connection in the same process would wait for a lock synchronously, holding up the
      // event loop that has to commit the first one (two processes on one file do not have that problem).
      const second = engine === 'PostgreSQL' ? await openStore(database.url) : null;
      const other: Services = createServices(second?.store ?? store(), api.now);
      try {
        const questions: string[] = [];
        const answers: string[] = [];
        const host = await ask();
        for (let i = 0; i < 12; i++) {
          const asked = await ask();
          await decide('reject', 'QUESTION', asked.id);
          questions.push(asked.id);
          const answered = await answer(host.id);
          await decide('reject', 'ANSWER', answered);
          answers.push(answered);
        }
        const sweepAt = new Date(api.now().getTime() + REJECTED_CONTENT_RETENTION_MS);
        const runs = await Promise.all([
          api.services.moderation.sweep(sweepAt),
          other.moderation.sweep(sweepAt),
          api.services.moderation.sweep(sweepAt),
          other.moderation.sweep(sweepAt),
        ]);
        // Earlier tests erased everything they rejected: these are all there is, and each went once.
        const total = (kind: 'questions' | 'answers') => runs.reduce((sum, run) => sum + run[kind], 0);
        assert.equal(total('questions'), questions.length);
        assert.equal(total('answers'), answers.length);
        for (const id of questions) assert.ok(await isErasedQuestion(id), id);
        for (const id of answers) assert.ok(await isErasedAnswer(id), id);
        assert.equal(await isErasedQuestion(host.id), false);
        assert.deepEqual(await other.moderation.sweep(sweepAt), { questions: 0, answers: 0 });

        if (second) {
          // Forced overlap: the first instance has erased but not committed; the second one's UPDATE waits for those
          // rows, then sees them erased, and erases nothing.
          const overlapping = await ask();
          await decide('reject', 'QUESTION', overlapping.id);
          const laterSweep = new Date(sweepAt.getTime() + MINUTE);
          let commit!: () => void;
          const committed = new Promise<void>((resolve) => (commit = resolve));
          let erasedInFirst!: () => void;
          const firstHasErased = new Promise<void>((resolve) => (erasedInFirst = resolve));
          let xid = '';
          const first = api.opened.connection.db.transaction().execute(async (trx) => {
            const erased = await new PleinStore(trx, 'postgres').rejectedContent.eraseRejectedBefore(
              new Date(laterSweep.getTime() - REJECTED_CONTENT_RETENTION_MS).toISOString(),
              'Anoniem',
            );
            xid = (await sql<{ xid: string }>`SELECT txid_current()::text AS xid`.execute(trx)).rows[0]!.xid;
            erasedInFirst();
            await committed;
            return erased;
          });
          await firstHasErased;
          let laterDone = false;
          const later = other.moderation.sweep(laterSweep).finally(() => (laterDone = true));
          await waitForLockOn(second.connection.db, xid, () => laterDone);
          assert.equal(laterDone, false, 'the second sweep waits for the rows the first one erased');
          commit();
          assert.deepEqual(await first, { questions: 1, answers: 0 });
          assert.deepEqual(await later, { questions: 0, answers: 0 });
          assert.ok(await isErasedQuestion(overlapping.id));
        }

        // Sign-in data the same way.
        const cutoff = new Date(sweepAt.getTime() - EXPIRED_SIGN_IN_RETENTION_MS);
        for (let i = 0; i < 10; i++) {
          await store().insertOidcSignIn({
            state: `state-${unique()}`,
            community_id: api.communityId,
            code_verifier: 'verifier',
            nonce: 'nonce',
            return_to: 'https://www.example.org/',
            expires_at: at(cutoff, -i * MINUTE),
          });
        }
        // Rows of earlier tests are past this cutoff too: count everything that is.
        const expired = async (table: 'sessions' | 'sign_in_links' | 'oidc_sign_ins') =>
          Number(
            (
              await api.opened.connection.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<string | number>().as('count'))
                .where('expires_at', '<=', cutoff.toISOString())
                .executeTakeFirstOrThrow()
            ).count,
          );
        const expected = {
          sessions: await expired('sessions'),
          signInLinks: await expired('sign_in_links'),
          oidcStates: await expired('oidc_sign_ins'),
        };
        assert.ok(expected.oidcStates >= 10);
        const swept = await Promise.all([api.services.sessions.sweep(sweepAt), other.sessions.sweep(sweepAt)]);
        assert.deepEqual(
          {
            sessions: swept[0].sessions + swept[1].sessions,
            signInLinks: swept[0].signInLinks + swept[1].signInLinks,
            oidcStates: swept[0].oidcStates + swept[1].oidcStates,
          },
          expected,
        );
        assert.deepEqual(await other.sessions.sweep(sweepAt), { sessions: 0, signInLinks: 0, oidcStates: 0 });
      } finally {
        await second?.connection.close();
      }
    });

    it('runs the sign-in and rejected-content jobs on the hourly timer', async () => {
      const rejected = await ask();
      await decide('reject', 'QUESTION', rejected.id);
      const rejectedAnswer = await answer((await ask()).id);
      await decide('reject', 'ANSWER', rejectedAnswer);
      const state = `state-${unique()}`;
      await store().insertOidcSignIn({
        state,
        community_id: api.communityId,
        code_verifier: 'verifier',
        nonce: 'nonce',
        return_to: 'https://www.example.org/',
        expires_at: api.now().toISOString(),
      });
      api.advance(REJECTED_CONTENT_RETENTION_MS);

      const failures: string[] = [];
      const stop = startFollowSweeper(api.services, (_error, what) => failures.push(what));
      await stop();
      assert.deepEqual(failures, []);
      assert.ok(await isErasedQuestion(rejected.id));
      assert.ok(await isErasedAnswer(rejectedAnswer));
      const left = await api.opened.connection.db
        .selectFrom('oidc_sign_ins')
        .select('state')
        .where('state', '=', state)
        .execute();
      assert.deepEqual(left, []);
    });
  });
});
