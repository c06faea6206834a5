import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AnswerQuestionDocument,
  AskQuestionDocument,
  SignInWithPortalTokenDocument,
  ViewerDocument,
} from '@plein/schema';
import { SignJWT } from 'jose';
import { PORTAL_SESSION_MAX_MS } from '../src/services/session-service.ts';
import type { SignInRefusal } from '../src/services/sign-in-log.ts';
import { bearer, onEveryEngine, portalToken, startAccountsHarness, type AccountsHarness } from './sign-in-helper.ts';

const invalid = [{ field: 'token', code: 'PORTAL_TOKEN_INVALID' }];
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

onEveryEngine('portal sign-in', (engine, open) => {
  describe(`portal sign-in on ${engine}`, () => {
    let harness: AccountsHarness;
    let secret: string;
    let otherSecret: string;
    let refusals: SignInRefusal[];

    const signIn = (token: string, community = 'testgemeente') => harness.services.portal.signIn({ community, token });

    before(async () => {
      harness = await startAccountsHarness(open);
      refusals = [];
      harness.services.signInLog.listen((refusal) => refusals.push(refusal));
      await harness.services.communities.create('anderegemeente', 'Andere Gemeente');
      secret = await harness.services.portal.newSecret('testgemeente');
      otherSecret = await harness.services.portal.newSecret('anderegemeente');
    });
    after(async () => harness?.close());

    it('signs a citizen in under a pseudonym, never the name from the token', async () => {
      const token = await portalToken(secret, { sub: 'burger-123', name: 'Jan Jansen', now: harness.now() });
      const result = await signIn(token);
      assert.deepEqual(result.errors, []);
      assert.match(result.viewer!.displayName, /^Inwoner [A-Z2-7]{6}$/);
      assert.doesNotMatch(result.viewer!.displayName, /Jan/);
      assert.equal(result.viewer!.portalCitizen, true);
      assert.equal(result.viewer!.userId, null);
      assert.deepEqual([...result.viewer!.roles], []);
      // The session ends with the token: 10 minutes here.
      assert.equal(result.session!.expiresAt, new Date(harness.now().getTime() + 600_000).toISOString());
      const viewer = await harness.services.sessions.viewerFor(result.session!.token);
      assert.equal(viewer?.displayName, result.viewer!.displayName);
      assert.equal(viewer?.portalCitizen, true);
      const stored = await harness.opened.connection.db.selectFrom('sessions').selectAll().execute();
      assert.doesNotMatch(JSON.stringify(stored), /Jan Jansen|burger-123/);
    });

    it('gives the same subject the same pseudonym every time, and others another', async () => {
      const pseudonymOf = async (sub: string, community = 'testgemeente', key = secret) =>
        (await signIn(await portalToken(key, { sub, now: harness.now() }), community)).viewer?.displayName;
      const first = await pseudonymOf('burger-123');
      assert.equal(await pseudonymOf('burger-123'), first);
      assert.notEqual(await pseudonymOf('burger-456'), first);
      const elsewhere = await pseudonymOf('burger-123', 'anderegemeente', otherSecret);
      assert.match(elsewhere ?? '', /^Inwoner /);
      assert.notEqual(elsewhere, first);
    });

    it('keeps a session at most an hour, and never past the token', async () => {
      const now = harness.now();
      const hour = await signIn(await portalToken(secret, { sub: 'a', now, expiresIn: 3600 }));
      assert.equal(hour.session!.expiresAt, new Date(now.getTime() + PORTAL_SESSION_MAX_MS).toISOString());
      // Within the clock tolerance a token may say a little more than an hour; the session still stops at one.
      const skewed = await signIn(await portalToken(secret, { sub: 'a', now, expiresIn: 3620 }));
      assert.equal(skewed.session!.expiresAt, new Date(now.getTime() + PORTAL_SESSION_MAX_MS).toISOString());
      harness.advance(PORTAL_SESSION_MAX_MS);
      assert.equal(await harness.services.sessions.viewerFor(hour.session!.token), null);
    });

    it('refuses tokens that are forged, from another community, expired or too long-lived', async () => {
      const now = harness.now();
      const valid = await portalToken(secret, { sub: 'burger-1', now });
      const [header, payload, signature] = valid.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const cases: Record<string, string> = {
        'signed with the other community secret': await portalToken(otherSecret, { sub: 'burger-1', now }),
        expired: await portalToken(secret, { sub: 'burger-1', now: new Date(now.getTime() - 3_600_000) }),
        'valid more than an hour ahead': await portalToken(secret, { sub: 'burger-1', now, expiresIn: 3600 + 31 }),
        'alg none': `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
        'alg HS512': await new SignJWT({ name: 'Jan' })
          .setProtectedHeader({ alg: 'HS512' })
          .setSubject('burger-1')
          .setExpirationTime(seconds(now) + 600)
          .sign(new TextEncoder().encode(secret)),
        'tampered payload': `${header}.${base64url({ ...claims, sub: 'iemand-anders' })}.${signature}`,
        'tampered signature': `${header}.${payload}.${signature!.slice(0, -2)}AA`,
        'issued in the future': await new SignJWT({ name: 'Jan' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('burger-1')
          .setIssuedAt(seconds(now) + 120)
          .setExpirationTime(seconds(now) + 600)
          .sign(new TextEncoder().encode(secret)),
        'without name': await new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('burger-1')
          .setExpirationTime(seconds(now) + 600)
          .sign(new TextEncoder().encode(secret)),
        'without exp': await new SignJWT({ name: 'Jan' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('burger-1')
          .sign(new TextEncoder().encode(secret)),
        'without sub': await new SignJWT({ name: 'Jan' })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(seconds(now) + 600)
          .sign(new TextEncoder().encode(secret)),
        'not a token': 'hallo',
      };
      for (const [name, token] of Object.entries(cases)) {
        const before = refusals.length;
        const result = await signIn(token);
        assert.deepEqual(result.errors, invalid, name);
        assert.equal(result.session, null, name);
        assert.equal(refusals.length, before + 1, `${name} is logged`);
        assert.equal(refusals.at(-1)?.method, 'portal');
      }
      assert.deepEqual(
        refusals.slice(-12).map((refusal) => refusal.reason),
        [
          'signature',
          'expired',
          'exp too far ahead',
          'algorithm',
          'algorithm',
          'signature',
          'signature',
          'iat in the future',
          'claim name',
          'claim exp',
          'claim sub',
          'ERR_JWS_INVALID',
        ],
      );
      assert.deepEqual((await signIn(valid)).errors, [], 'the untampered token works');
    });

    it('refuses every token when the community has no portal secret, and old tokens after a new secret', async () => {
      await harness.services.communities.create('zonderportaal', 'Zonder Portaal');
      const token = await portalToken(secret, { sub: 'x', now: harness.now() });
      assert.deepEqual((await signIn(token, 'zonderportaal')).errors, invalid);
      assert.equal(refusals.at(-1)?.reason, 'portal sign-in is off');

      await harness.services.portal.newSecret('testgemeente');
      assert.deepEqual((await signIn(token)).errors, invalid);
      const audit = await harness.services.audit.entries(harness.communityId);
      assert.deepEqual(
        audit.filter((entry) => entry.action === 'community.portal-secret').map((entry) => entry.detail),
        [{ replaced: false }, { replaced: true }],
      );
      assert.doesNotMatch(JSON.stringify(audit), new RegExp(secret));
    });
  });
});

describe('a portal citizen over GraphQL', () => {
  let harness: AccountsHarness;
  let secret: string;
  before(async () => {
    const { freshSqliteDatabase } = await import('./engines.ts');
    harness = await startAccountsHarness(async () => freshSqliteDatabase());
    secret = await harness.services.portal.newSecret('testgemeente');
  });
  after(async () => harness?.close());

  it('signs in, and asks and answers under the pseudonym whatever name the form sends', async () => {
    const { body } = await harness.graphql(SignInWithPortalTokenDocument, {
      input: {
        community: 'testgemeente',
        token: await portalToken(secret, { sub: 'burger-789', name: 'Piet Pietersen', now: harness.now() }),
      },
    });
    const { session, viewer, errors } = body.data.signInWithPortalToken;
    assert.deepEqual(errors, []);
    assert.equal(viewer.portalCitizen, true);
    assert.equal(viewer.email, null);
    assert.deepEqual(viewer.roles, []);
    assert.match(viewer.id, /^portal:/);
    const pseudonym: string = viewer.displayName;
    assert.match(pseudonym, /^Inwoner [A-Z2-7]{6}$/);

    const me = await harness.graphql(ViewerDocument, {}, bearer(session.token));
    assert.equal(me.body.data.viewer.displayName, pseudonym);

    const asked = await harness.graphql(
      AskQuestionDocument,
      {
        input: {
          community: 'testgemeente',
          topic: 'ww',
          title: 'Hoe lang krijg ik WW na mijn ontslag?',
          body: 'Ik heb tien jaar bij dezelfde werkgever gewerkt. Hoe lang krijg ik een WW-uitkering?',
          displayName: 'Piet Pietersen',
          idempotencyKey: 'portal-question-1',
        },
      },
      bearer(session.token),
    );
    assert.deepEqual(asked.body.data.askQuestion.errors, []);
    assert.equal(asked.body.data.askQuestion.question.author.displayName, pseudonym);

    const answered = await harness.graphql(
      AnswerQuestionDocument,
      {
        input: {
          questionId: asked.body.data.askQuestion.question.id,
          body: 'Dat hangt af van uw arbeidsverleden. Kijk ook op de website van het UWV.',
          displayName: 'Piet',
          idempotencyKey: 'portal-answer-1',
        },
      },
      bearer(session.token),
    );
    assert.deepEqual(answered.body.data.answerQuestion.errors, []);
    assert.equal(answered.body.data.answerQuestion.answer.author.displayName, pseudonym);
    assert.equal(answered.body.data.answerQuestion.answer.author.role, 'CITIZEN');

    // Without the session the same form posts under its own name, as before.
    const anonymous = await harness.graphql(AskQuestionDocument, {
      input: {
        community: 'testgemeente',
        topic: 'ww',
        title: 'Moet ik solliciteren als ik WW heb?',
        body: 'Ik krijg binnenkort WW. Moet ik dan elke week solliciteren?',
        displayName: 'Klaas',
        idempotencyKey: 'portal-question-2',
      },
    });
    assert.equal(anonymous.body.data.askQuestion.question.author.displayName, 'Klaas');
  });

  it('says why in the log, never the token, the subject or the name', async () => {
    const token = await portalToken('een ander geheim', {
      sub: 'burger-geheim',
      name: 'Geheime Naam',
      now: harness.now(),
    });
    const { body } = await harness.graphql(SignInWithPortalTokenDocument, {
      input: { community: 'testgemeente', token },
    });
    assert.deepEqual(body.data.signInWithPortalToken.errors, [
      {
        field: 'token',
        code: 'PORTAL_TOKEN_INVALID',
        message: 'Uw inlog via het portaal werkt niet (meer). U kunt gewoon anoniem verder.',
      },
    ]);
    const line = harness.logLines.find((l) => l.includes('sign-in refused') && l.includes('"portal"'));
    assert.ok(line, 'the refusal is logged');
    assert.match(line, /"reason":"signature"/);
    const logged = harness.logLines.join('\n');
    assert.doesNotMatch(logged, /burger-geheim|Geheime Naam|Piet|burger-789/);
    assert.ok(!logged.includes(token.split('.')[2]!), 'no signature in the log');
  });
});
