import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { RequestSignInLinkDocument, SignInDocument, SignInWithLinkDocument } from '@plein/schema';
import {
  LOCKOUT_BASE_MS,
  LOCKOUT_MAX_MS,
  lockoutFor,
  SIGN_IN_LINK_MS,
  SIGN_IN_LINKS_PER_HOUR,
} from '../src/services/account-service.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../src/services/passwords.ts';
import { ServiceError } from '../src/services/errors.ts';
import { ACCOUNT_SESSION_MS } from '../src/services/session-service.ts';
import type { SignInRefusal } from '../src/services/sign-in-log.ts';
import { freshSqliteDatabase } from './engines.ts';
import {
  type AccountsHarness,
  bearer,
  createAccount,
  onEveryEngine,
  sessionFor,
  signedInAccount,
  startAccountsHarness,
} from './sign-in-helper.ts';

const MINUTE = 60_000;
/** No widget adds accounts yet, so there is no operation document for it in @plein/schema. */
const AddUserDocument = `mutation AddUser($input: AddUserInput!) {
  addUser(input: $input) { user { id email displayName roles expert { id } } errors { field code message } }
}`;
const PASSWORD = 'een lang en goed wachtwoord';

/** The token in the last sign-in link e-mail to `to`. */
function linkTokenFor(harness: AccountsHarness, to: string): string {
  const mail = harness.mailer.sent.filter((message) => message.to === to).at(-1);
  assert.ok(mail, `no mail to ${to}`);
  const match = /plein-link=([A-Za-z0-9_-]{43})/.exec(mail.text);
  assert.ok(match, 'the mail holds a sign-in link');
  return match[1]!;
}

describe('passwords', () => {
  it('are stored as scrypt$N$r$p$salt$hash with a fresh salt each time', async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    assert.match(first, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(first, second);
    assert.equal(await verifyPassword(first, PASSWORD), true);
    assert.equal(await verifyPassword(second, PASSWORD), true);
    assert.equal(await verifyPassword(first, `${PASSWORD}!`), false);
  });

  it('never match a malformed or tampered hash', async () => {
    const hash = await hashPassword(PASSWORD);
    assert.equal(await verifyPassword('', PASSWORD), false);
    assert.equal(await verifyPassword(hash.replace('scrypt$', 'bcrypt$'), PASSWORD), false);
    assert.equal(await verifyPassword(hash.replace('$32768$', '$1099511627776$'), PASSWORD), false);
    assert.equal(await verifyPassword(hash.slice(0, -2), PASSWORD), false);
    assert.equal(await verifyPassword(await dummyPasswordHash(), PASSWORD), false);
  });

  it('lock for 15 minutes after 5 failures, doubling for each next 5, never longer than a day', () => {
    assert.deepEqual([1, 2, 3, 4, 6, 9].map(lockoutFor), [0, 0, 0, 0, 0, 0]);
    assert.equal(lockoutFor(5), LOCKOUT_BASE_MS);
    assert.equal(lockoutFor(10), 2 * LOCKOUT_BASE_MS);
    assert.equal(lockoutFor(15), 4 * LOCKOUT_BASE_MS);
    assert.equal(lockoutFor(50), LOCKOUT_MAX_MS);
    assert.equal(lockoutFor(5000), LOCKOUT_MAX_MS);
  });
});

onEveryEngine('accounts', (engine, open) => {
  describe(`accounts on ${engine}`, () => {
    let harness: AccountsHarness;
    let refusals: SignInRefusal[];

    before(async () => {
      harness = await startAccountsHarness(open, { signInUrl: 'https://www.testgemeente.nl/werk/?pagina=1' });
      refusals = [];
      harness.services.signInLog.listen((refusal) => refusals.push(refusal));
      await harness.services.communities.create('anderegemeente', 'Andere Gemeente');
    });
    after(async () => harness?.close());

    it('signs in with the right password: an 8-hour session whose token gives the viewer', async () => {
      const account = await createAccount(harness.services, {
        community: 'testgemeente',
        email: 'Moderator@Testgemeente.nl',
        roles: ['MODERATOR'],
        password: PASSWORD,
        displayName: 'Mo Derator',
      });
      assert.equal(account.email, 'moderator@testgemeente.nl');
      const result = await harness.services.accounts.signIn({
        community: 'testgemeente',
        email: 'MODERATOR@testgemeente.nl ',
        password: PASSWORD,
      });
      assert.deepEqual(result.errors, []);
      assert.match(result.session!.token, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(result.session!.expiresAt, new Date(harness.now().getTime() + ACCOUNT_SESSION_MS).toISOString());
      const viewer = await harness.services.sessions.viewerFor(result.session!.token);
      assert.equal(viewer?.userId, account.id);
      assert.equal(viewer?.displayName, 'Mo Derator');
      assert.deepEqual([...viewer!.roles], ['MODERATOR']);
      assert.equal(viewer?.portalCitizen, false);
      // Only the hash is stored.
      const stored = await harness.opened.connection.db.selectFrom('sessions').select('token_hash').execute();
      assert.ok(stored.every((row) => row.token_hash !== result.session!.token));
    });

    it('answers a wrong password and an unknown address the same way, and logs neither address', async () => {
      await createAccount(harness.services, {
        community: 'testgemeente',
        email: 'staf@testgemeente.nl',
        roles: ['STAFF'],
        password: PASSWORD,
      });
      const wrong = await harness.services.accounts.signIn({
        community: 'testgemeente',
        email: 'staf@testgemeente.nl',
        password: 'niet het wachtwoord',
      });
      const unknown = await harness.services.accounts.signIn({
        community: 'testgemeente',
        email: 'niemand@testgemeente.nl',
        password: 'niet het wachtwoord',
      });
      assert.deepEqual(wrong, unknown);
      assert.deepEqual(wrong.errors, [{ field: null, code: 'SIGN_IN_FAILED' }]);
      assert.equal(wrong.session, null);
      // The same account in another community does not exist there.
      const elsewhere = await harness.services.accounts.signIn({
        community: 'anderegemeente',
        email: 'staf@testgemeente.nl',
        password: PASSWORD,
      });
      assert.deepEqual(elsewhere, wrong);

      const [wrongLog, unknownLog] = refusals.slice(-3);
      assert.equal(wrongLog?.reason, 'wrong-password');
      assert.equal(unknownLog?.reason, 'unknown-account');
      assert.match(wrongLog?.emailHash ?? '', /^[A-Za-z0-9_-]{16}$/);
      assert.notEqual(wrongLog?.emailHash, unknownLog?.emailHash);
      const logged = harness.logLines.join('\n');
      assert.doesNotMatch(logged, /staf@|niemand@|niet het wachtwoord/);
    });

    it('locks an account after 5 failures, even for the right password, and lets it in after 15 minutes', async () => {
      const account = await createAccount(harness.services, {
        community: 'testgemeente',
        email: 'slot@testgemeente.nl',
        roles: ['EXPERT'],
        password: PASSWORD,
      });
      const attempt = (password: string) =>
        harness.services.accounts.signIn({ community: 'testgemeente', email: account.email, password });
      for (let i = 0; i < 5; i++) assert.equal((await attempt('fout wachtwoord')).session, null);
      const whileLocked = await attempt(PASSWORD);
      assert.deepEqual(whileLocked.errors, [{ field: null, code: 'SIGN_IN_FAILED' }]);
      assert.equal(refusals.at(-1)?.reason, 'locked');

      harness.advance(LOCKOUT_BASE_MS - MINUTE);
      assert.equal((await attempt(PASSWORD)).session, null);
      harness.advance(MINUTE);
      assert.ok((await attempt(PASSWORD)).session, 'released after 15 minutes');

      // A success forgets the failures: 4 new ones do not lock.
      for (let i = 0; i < 4; i++) await attempt('fout wachtwoord');
      assert.ok((await attempt(PASSWORD)).session);
    });

    it('doubles the lock when the failures go on after it ends', async () => {
      const account = await createAccount(harness.services, {
        community: 'testgemeente',
        email: 'dubbel@testgemeente.nl',
        roles: ['STAFF'],
        password: PASSWORD,
      });
      const attempt = (password: string) =>
        harness.services.accounts.signIn({ community: 'testgemeente', email: account.email, password });
      for (let i = 0; i < 5; i++) await attempt('fout');
      harness.advance(LOCKOUT_BASE_MS);
      for (let i = 0; i < 5; i++) await attempt('fout');
      harness.advance(2 * LOCKOUT_BASE_MS - MINUTE);
      assert.equal((await attempt(PASSWORD)).session, null, 'still locked after 29 minutes');
      harness.advance(MINUTE);
      assert.ok((await attempt(PASSWORD)).session, 'released after 30 minutes');
    });

    it('counts failures for addresses without an account the same way', async () => {
      const attempt = () =>
        harness.services.accounts.signIn({ community: 'testgemeente', email: 'spook@testgemeente.nl', password: 'x' });
      for (let i = 0; i < 5; i++) await attempt();
      assert.equal(refusals.at(-1)?.reason, 'unknown-account');
      assert.deepEqual((await attempt()).errors, [{ field: null, code: 'SIGN_IN_FAILED' }]);
      assert.equal(refusals.at(-1)?.reason, 'locked');
    });

    it('sends a sign-in link that works once, for 15 minutes, to the host page', async () => {
      const account = await createAccount(harness.services, {
        community: 'testgemeente',
        email: 'link@testgemeente.nl',
        roles: ['EXPERT'],
      });
      const before = harness.mailer.sent.length;
      const sent = await harness.services.accounts.requestSignInLink(
        { community: 'testgemeente', email: 'Link@testgemeente.nl' },
        'nl',
      );
      assert.deepEqual(sent, { sent: true, errors: [] });
      await harness.services.accounts.settled();
      assert.equal(harness.mailer.sent.length, before + 1);
      const mail = harness.mailer.sent.at(-1)!;
      assert.equal(mail.to, 'link@testgemeente.nl');
      assert.match(mail.subject, /Uw link om in te loggen bij Testgemeente Werk/);
      assert.match(mail.text, /https:\/\/www\.testgemeente\.nl\/werk\/\?pagina=1&plein-link=[A-Za-z0-9_-]{43}\n/);
      assert.match(mail.text, /15 minuten/);
      const token = linkTokenFor(harness, account.email);

      const signedIn = await harness.services.accounts.signInWithLink(token);
      assert.deepEqual(signedIn.errors, []);
      assert.equal(signedIn.viewer?.userId, account.id);
      const replay = await harness.services.accounts.signInWithLink(token);
      assert.deepEqual(replay.errors, [{ field: 'token', code: 'SIGN_IN_LINK_INVALID' }]);
      assert.equal(replay.session, null);

      await harness.services.accounts.requestSignInLink({ community: 'testgemeente', email: account.email }, 'en');
      await harness.services.accounts.settled();
      assert.match(harness.mailer.sent.at(-1)!.subject, /Your link to sign in/);
      const late = linkTokenFor(harness, account.email);
      harness.advance(SIGN_IN_LINK_MS);
      assert.deepEqual((await harness.services.accounts.signInWithLink(late)).errors, [
        { field: 'token', code: 'SIGN_IN_LINK_INVALID' },
      ]);
      assert.deepEqual((await harness.services.accounts.signInWithLink('nonsense')).errors, [
        { field: 'token', code: 'SIGN_IN_LINK_INVALID' },
      ]);
    });

    it('answers "sent" for an address without an account, and sends nothing', async () => {
      const before = harness.mailer.sent.length;
      const result = await harness.services.accounts.requestSignInLink(
        { community: 'testgemeente', email: 'onbekend@testgemeente.nl' },
        'nl',
      );
      await harness.services.accounts.settled();
      assert.deepEqual(result, { sent: true, errors: [] });
      assert.equal(harness.mailer.sent.length, before);
      assert.deepEqual(
        await harness.services.accounts.requestSignInLink({ community: 'testgemeente', email: 'geen-adres' }, 'nl'),
        { sent: false, errors: [{ field: 'email', code: 'INVALID_EMAIL' }] },
      );
    });

    it('sends at most 5 links an hour to one account', async () => {
      const account = await createAccount(harness.services, {
        community: 'testgemeente',
        email: 'veel@testgemeente.nl',
        roles: ['STAFF'],
      });
      const count = () => harness.mailer.sent.filter((mail) => mail.to === account.email).length;
      for (let i = 0; i < SIGN_IN_LINKS_PER_HOUR + 2; i++) {
        await harness.services.accounts.requestSignInLink({ community: 'testgemeente', email: account.email }, 'nl');
      }
      await harness.services.accounts.settled();
      assert.equal(count(), SIGN_IN_LINKS_PER_HOUR);
      assert.equal(refusals.at(-1)?.reason, 'too-many-links');
      harness.advance(61 * MINUTE);
      await harness.services.accounts.requestSignInLink({ community: 'testgemeente', email: account.email }, 'nl');
      await harness.services.accounts.settled();
      assert.equal(count(), SIGN_IN_LINKS_PER_HOUR + 1);
    });

    it('ends every session of an account when its password is reset, and lifts a lock', async () => {
      const account = await signedInAccount(harness.services, {
        community: 'testgemeente',
        email: 'reset@testgemeente.nl',
        roles: ['MODERATOR'],
        password: PASSWORD,
      });
      const second = await sessionFor(harness.services, account);
      assert.ok(await harness.services.sessions.viewerFor(account.token));
      for (let i = 0; i < 5; i++) {
        await harness.services.accounts.signIn({ community: 'testgemeente', email: account.email, password: 'fout' });
      }
      const locked = (await harness.services.accounts.listUsers('testgemeente')).find((u) => u.id === account.id);
      assert.ok(locked?.lockedUntil, 'locked before the reset');
      const newPassword = 'een heel nieuw wachtwoord';
      const { revokedSessions } = await harness.services.accounts.resetPassword('testgemeente', account.email, {
        password: newPassword,
      });
      assert.equal(revokedSessions, 2);
      assert.equal(await harness.services.sessions.viewerFor(account.token), null);
      assert.equal(await harness.services.sessions.viewerFor(second), null);
      assert.equal((await sessionFor(harness.services, { ...account, password: newPassword })).length, 43);
      await assert.rejects(sessionFor(harness.services, account), /sign-in failed/);

      await assert.rejects(
        harness.services.accounts.resetPassword('testgemeente', account.email, { password: 'kort' }),
        /te kort/,
      );
      await harness.services.accounts.resetPassword('testgemeente', account.email, { link: true });
      await assert.rejects(sessionFor(harness.services, { ...account, password: newPassword }), /sign-in failed/);
      const linked = await harness.services.accounts.signInWithLink(linkTokenFor(harness, account.email));
      assert.equal(linked.viewer?.userId, account.id);
      const audit = await harness.services.audit.entries(harness.communityId);
      assert.deepEqual(
        audit
          .filter((entry) => entry.subjectId === account.id)
          .map((entry) => [entry.action, entry.detail.method ?? null]),
        [
          ['user.add', null],
          ['user.reset-password', 'password'],
          ['user.reset-password', 'link'],
        ],
      );
    });

    describe('account management by admins', () => {
      let admin: Awaited<ReturnType<typeof signedInAccount>>;
      let otherAdmin: Awaited<ReturnType<typeof signedInAccount>>;

      before(async () => {
        admin = await signedInAccount(harness.services, {
          community: 'testgemeente',
          email: 'beheer@testgemeente.nl',
          roles: ['ADMIN'],
          displayName: 'Beheerder',
        });
        otherAdmin = await signedInAccount(harness.services, {
          community: 'anderegemeente',
          email: 'beheer@anderegemeente.nl',
          roles: ['ADMIN'],
        });
      });

      it('adds an account with roles and e-mails it a sign-in link; an expert gets a profile', async () => {
        const viewer = await harness.services.sessions.viewerFor(admin.token);
        const result = await harness.services.accounts.addUser(
          viewer,
          {
            community: 'testgemeente',
            email: 'Nieuw@Testgemeente.nl',
            displayName: 'Nieuwe Expert',
            roles: ['EXPERT'],
          },
          'nl',
        );
        assert.deepEqual(result.errors, []);
        assert.equal(result.user?.email, 'nieuw@testgemeente.nl');
        assert.deepEqual(result.user?.roles, ['EXPERT']);
        assert.ok(result.user?.expertId, 'an expert profile was made');
        const [profile] = await harness.services.experts.byIds([result.user.expertId]);
        assert.equal(profile?.displayName, 'Nieuwe Expert');

        const mail = harness.mailer.sent.at(-1)!;
        assert.equal(mail.to, 'nieuw@testgemeente.nl');
        assert.match(mail.subject, /U heeft een account bij Testgemeente Werk/);
        const signedIn = await harness.services.accounts.signInWithLink(linkTokenFor(harness, 'nieuw@testgemeente.nl'));
        assert.equal(signedIn.viewer?.expertId, result.user.expertId);

        const [entry] = (await harness.services.audit.entries(harness.communityId)).filter(
          (e) => e.subjectId === result.user!.id,
        );
        assert.equal(entry?.action, 'user.add');
        assert.equal(entry?.actorUserId, admin.id);
        assert.deepEqual(entry?.detail.roles, ['EXPERT']);
        assert.doesNotMatch(JSON.stringify(entry), /nieuw@|Nieuwe Expert/);

        const again = await harness.services.accounts.addUser(
          viewer,
          { community: 'testgemeente', email: 'nieuw@testgemeente.nl', displayName: 'X', roles: [] },
          'nl',
        );
        assert.deepEqual(again.errors, [{ field: 'email', code: 'USER_EXISTS' }]);
      });

      it('refuses anyone but an admin of that community', async () => {
        const input = { community: 'testgemeente', email: 'x@testgemeente.nl', displayName: 'X', roles: ['ADMIN'] };
        const code = async (promise: Promise<unknown>) => {
          try {
            await promise;
            return 'ok';
          } catch (error) {
            return error instanceof ServiceError ? error.code : String(error);
          }
        };
        assert.equal(await code(harness.services.accounts.addUser(null, input, 'nl')), 'UNAUTHENTICATED');
        const foreign = await harness.services.sessions.viewerFor(otherAdmin.token);
        assert.equal(await code(harness.services.accounts.addUser(foreign, input, 'nl')), 'FORBIDDEN');
        const moderator = await signedInAccount(harness.services, {
          community: 'testgemeente',
          email: 'mod2@testgemeente.nl',
          roles: ['MODERATOR', 'EXPERT'],
        });
        const modViewer = await harness.services.sessions.viewerFor(moderator.token);
        assert.equal(await code(harness.services.accounts.addUser(modViewer, input, 'nl')), 'FORBIDDEN');
        assert.equal(
          await code(harness.services.accounts.setUserRoles(modViewer, { userId: moderator.id, roles: ['ADMIN'] })),
          'FORBIDDEN',
        );
        assert.equal(
          await code(harness.services.accounts.setUserRoles(foreign, { userId: moderator.id, roles: [] })),
          'FORBIDDEN',
        );
        assert.equal(
          await code(harness.services.accounts.setUserRoles(null, { userId: moderator.id, roles: [] })),
          'UNAUTHENTICATED',
        );
        assert.equal((await harness.services.accounts.userById(moderator.id))?.roles.join(), 'EXPERT,MODERATOR');
      });

      it('keeps the last admin: an admin cannot remove their own role while nobody else is admin', async () => {
        const viewer = await harness.services.sessions.viewerFor(admin.token);
        const last = await harness.services.accounts.setUserRoles(viewer, { userId: admin.id, roles: ['STAFF'] });
        assert.deepEqual(last, { user: null, errors: [{ field: 'roles', code: 'LAST_ADMIN' }] });

        const colleague = await createAccount(harness.services, {
          community: 'testgemeente',
          email: 'collega@testgemeente.nl',
          roles: ['STAFF'],
        });
        const promoted = await harness.services.accounts.setUserRoles(viewer, {
          userId: colleague.id,
          roles: ['ADMIN', 'STAFF', 'ADMIN'],
        });
        assert.deepEqual(promoted.user?.roles, ['ADMIN', 'STAFF']);
        const stepDown = await harness.services.accounts.setUserRoles(viewer, { userId: admin.id, roles: ['STAFF'] });
        assert.deepEqual(stepDown.errors, []);
        assert.deepEqual(stepDown.user?.roles, ['STAFF']);
        // The session continues, now without admin rights.
        const after = await harness.services.sessions.viewerFor(admin.token);
        assert.deepEqual([...after!.roles], ['STAFF']);

        const entries = (await harness.services.audit.entries(harness.communityId)).filter(
          (entry) => entry.action === 'user.roles',
        );
        assert.deepEqual(
          entries.slice(-2).map((entry) => [entry.subjectId, entry.detail.before, entry.detail.after]),
          [
            [colleague.id, ['STAFF'], ['ADMIN', 'STAFF']],
            [admin.id, ['ADMIN'], ['STAFF']],
          ],
        );
        const unknown = await harness.services.accounts.setUserRoles(
          await harness.services.sessions.viewerFor(await sessionFor(harness.services, colleague)),
          { userId: 'geen-account', roles: [] },
        );
        assert.deepEqual(unknown.errors, [{ field: 'userId', code: 'UNKNOWN_USER' }]);
      });
    });
  });
});

describe('accounts over GraphQL', () => {
  let harness: AccountsHarness;
  before(async () => {
    harness = await startAccountsHarness(async () => freshSqliteDatabase());
    await createAccount(harness.services, {
      community: 'testgemeente',
      email: 'expert@testgemeente.nl',
      roles: ['EXPERT'],
      password: PASSWORD,
      displayName: 'Els Expert',
    });
  });
  after(async () => harness?.close());

  it('gives a wrong password and an unknown address byte-for-byte the same answer', async () => {
    const wrong = await harness.graphql(SignInDocument, {
      input: { community: 'testgemeente', email: 'expert@testgemeente.nl', password: 'fout wachtwoord' },
    });
    const unknown = await harness.graphql(SignInDocument, {
      input: { community: 'testgemeente', email: 'nobody@testgemeente.nl', password: 'fout wachtwoord' },
    });
    assert.equal(wrong.status, 200);
    assert.deepEqual(wrong.body, unknown.body);
    assert.deepEqual(wrong.body.data.signIn, {
      session: null,
      viewer: null,
      errors: [{ field: null, code: 'SIGN_IN_FAILED', message: 'Het e-mailadres of het wachtwoord klopt niet.' }],
    });
    const english = await harness.graphql(
      SignInDocument,
      { input: { community: 'testgemeente', email: 'nobody@testgemeente.nl', password: 'x' } },
      { 'accept-language': 'en' },
    );
    assert.equal(english.body.data.signIn.errors[0].message, 'The e-mail address or the password is not right.');
  });

  it('signs in and returns the session and the viewer', async () => {
    const { body } = await harness.graphql(SignInDocument, {
      input: { community: 'testgemeente', email: 'expert@testgemeente.nl', password: PASSWORD },
    });
    const { session, viewer, errors } = body.data.signIn;
    assert.deepEqual(errors, []);
    assert.match(session.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(viewer.displayName, 'Els Expert');
    assert.equal(viewer.email, 'expert@testgemeente.nl');
    assert.deepEqual(viewer.roles, ['EXPERT']);
    assert.equal(viewer.community.slug, 'testgemeente');
    assert.equal(viewer.portalCitizen, false);
    assert.equal(viewer.sessionExpiresAt, session.expiresAt);
    assert.equal(viewer.expert.displayName, 'Els Expert');
  });

  it('requests and uses a sign-in link', async () => {
    const { body } = await harness.graphql(RequestSignInLinkDocument, {
      input: { community: 'testgemeente', email: 'expert@testgemeente.nl' },
    });
    assert.deepEqual(body.data.requestSignInLink, { sent: true, errors: [] });
    await harness.services.accounts.settled();
    const token = linkTokenFor(harness, 'expert@testgemeente.nl');
    const first = await harness.graphql(SignInWithLinkDocument, { token });
    assert.equal(first.body.data.signInWithLink.viewer.email, 'expert@testgemeente.nl');
    const replay = await harness.graphql(SignInWithLinkDocument, { token });
    assert.deepEqual(replay.body.data.signInWithLink.errors, [
      { field: 'token', code: 'SIGN_IN_LINK_INVALID', message: 'Deze link werkt niet meer. Vraag een nieuwe aan.' },
    ]);
  });

  it('lets an admin add an account, and refuses an anonymous caller', async () => {
    const admin = await signedInAccount(harness.services, {
      community: 'testgemeente',
      email: 'admin@testgemeente.nl',
      roles: ['ADMIN'],
    });
    const input = { community: 'testgemeente', email: 'nieuw@testgemeente.nl', displayName: 'Nieuw', roles: ['STAFF'] };
    const anonymous = await harness.graphql(AddUserDocument, { input });
    assert.equal(anonymous.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const added = await harness.graphql(AddUserDocument, { input }, bearer(admin.token));
    assert.deepEqual(added.body.data.addUser.errors, []);
    assert.deepEqual(added.body.data.addUser.user.roles, ['STAFF']);
  });
});

describe('plein user', () => {
  const bin = fileURLToPath(new URL('../bin/plein.js', import.meta.url));
  const database = freshSqliteDatabase();
  const outboxDir = mkdtempSync(join(tmpdir(), 'plein-cli-outbox-'));
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    PLEIN_OUTBOX_DIR: outboxDir,
    PUBLIC_URL: 'https://plein.test',
    PLEIN_SIGN_IN_URL: 'https://www.test.nl/{community}/inloggen',
  };
  /** Runs `plein …` with `stdin` as its input; resolves with the output, rejects on a non-zero exit. */
  function plein(args: string[], stdin = ''): Promise<{ stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve({ stdout, stderr }) : reject(new Error(`exit ${code}: ${stderr}`)),
      );
      child.stdin.end(stdin);
    });
  }
  const outbox = () =>
    readdirSync(outboxDir)
      .filter((file) => file.endsWith('.eml'))
      .sort()
      .map((file) => readFileSync(join(outboxDir, file), 'utf8'));

  after(async () => {
    await database.drop();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  it('adds accounts, with a password from stdin or with a sign-in link by e-mail', async () => {
    await promisify(execFile)(process.execPath, [bin, 'seed'], { env });
    const withPassword = await plein(
      [
        'user',
        'add',
        '--community',
        'eemsdelta',
        '--email',
        'Admin@Eemsdelta.nl',
        '--role',
        'admin',
        '--password-stdin',
      ],
      `${PASSWORD}\n`,
    );
    assert.match(withPassword.stdout, /Account \S+ aangemaakt in eemsdelta met rollen ADMIN\./);
    assert.doesNotMatch(withPassword.stdout + withPassword.stderr, new RegExp(PASSWORD));
    assert.equal(outbox().length, 0);

    const withLink = await plein([
      'user',
      'add',
      '--community',
      'eemsdelta',
      '--email',
      'expert@eemsdelta.nl',
      '--role',
      'EXPERT',
      '--role',
      'MODERATOR',
      '--name',
      'Ellen Expert',
    ]);
    assert.match(withLink.stdout, /rollen EXPERT, MODERATOR\. Er is een inloglink per e-mail verstuurd\./);
    const [mail] = outbox();
    assert.match(mail!, /To: expert@eemsdelta\.nl/);
    assert.match(mail!, /https:\/\/www\.test\.nl\/eemsdelta\/inloggen\?plein-link=/);

    const listed = (await plein(['user', 'list', '--community', 'eemsdelta'])).stdout;
    assert.match(listed, /admin@eemsdelta\.nl\tadmin\tADMIN/);
    assert.match(listed, /expert@eemsdelta\.nl\tEllen Expert\tEXPERT,MODERATOR/);

    await assert.rejects(
      plein(
        [
          'user',
          'add',
          '--community',
          'eemsdelta',
          '--email',
          'kort@eemsdelta.nl',
          '--role',
          'STAFF',
          '--password-stdin',
        ],
        'kort\n',
      ),
      /te kort/,
    );
    await assert.rejects(plein(['user', 'add', '--community', 'eemsdelta', '--email', 'x@eemsdelta.nl']), /--role/);
    await assert.rejects(
      plein(['user', 'add', '--community', 'eemsdelta', '--email', 'admin@eemsdelta.nl', '--role', 'STAFF']),
      /al een account/,
    );
  });

  it('resets a password from stdin or with a link, ending the sessions', async () => {
    const newPassword = 'een nieuw en lang wachtwoord';
    const reset = await plein(
      ['user', 'reset-password', '--community', 'eemsdelta', '--email', 'admin@eemsdelta.nl'],
      `${newPassword}\n`,
    );
    assert.match(reset.stdout, /Het wachtwoord is gewijzigd\. 0 sessie\(s\) gestopt\./);
    const before = outbox().length;
    const link = await plein([
      'user',
      'reset-password',
      '--community',
      'eemsdelta',
      '--email',
      'admin@eemsdelta.nl',
      '--link',
    ]);
    assert.match(link.stdout, /inloglink per e-mail verstuurd/);
    assert.equal(outbox().length, before + 1);
    await assert.rejects(
      plein(['user', 'reset-password', '--community', 'eemsdelta', '--email', 'niemand@eemsdelta.nl', '--link']),
      /Geen account/,
    );
  });

  it('sets a portal secret and single sign-on for a community', async () => {
    const portal = await plein(['community', 'set-portal-secret', '--community', 'eemsdelta']);
    assert.match(portal.stdout, /\n[A-Za-z0-9_-]{43}\n$/);
    const oidc = await plein(
      [
        'community',
        'set-oidc',
        '--community',
        'eemsdelta',
        '--issuer',
        'https://login.eemsdelta.nl',
        '--client-id',
        'plein',
        '--organisation',
        'Gemeente Eemsdelta',
        '--client-secret-stdin',
      ],
      'geheim\n',
    );
    assert.match(oidc.stdout, /Redirect-URI bij de provider: https:\/\/plein\.test\/auth\/oidc\/eemsdelta\/callback/);
    await assert.rejects(
      plein([
        'community',
        'set-oidc',
        '--community',
        'eemsdelta',
        '--issuer',
        'http://login.eemsdelta.nl',
        '--client-id',
        'p',
        '--client-secret',
        's',
        '--organisation',
        'G',
      ]),
      /https/,
    );
  });
});
