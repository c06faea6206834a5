import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignOutDocument, ViewerDocument } from '@plein/schema';
import { ACCOUNT_SESSION_MS, bearerToken } from '../src/services/session-service.ts';
import {
  type AccountsHarness,
  bearer,
  onEveryEngine,
  signedInAccount,
  startAccountsHarness,
  type TestAccount,
} from './sign-in-helper.ts';

/** A protected mutation: only admins may call it, and only signed in. */
const SetUserRolesDocument = `mutation SetUserRoles($input: SetUserRolesInput!) {
  setUserRoles(input: $input) { user { id roles } errors { code } }
}`;
const CommunityDocument = '{ community(slug: "testgemeente") { name } }';

onEveryEngine('sessions', (engine, open) => {
  describe(`sessions on ${engine}`, () => {
    let harness: AccountsHarness;
    let admin: TestAccount & { token: string };

    before(async () => {
      harness = await startAccountsHarness(open);
      admin = await signedInAccount(harness.services, {
        community: 'testgemeente',
        email: 'admin@testgemeente.nl',
        roles: ['ADMIN', 'STAFF'],
        displayName: 'Anna Admin',
      });
    });
    after(async () => harness?.close());

    /** What the server says about a request with this Authorization header: the viewer and a protected call. */
    async function asSeenWith(headers: Record<string, string>) {
      const viewer = await harness.graphql(ViewerDocument, {}, headers);
      const protectedCall = await harness.graphql(
        SetUserRolesDocument,
        { input: { userId: admin.id, roles: ['ADMIN', 'STAFF'] } },
        headers,
      );
      const publicQuery = await harness.graphql(CommunityDocument, {}, headers);
      return {
        viewer: viewer.body.data?.viewer,
        viewerErrors: viewer.body.errors,
        protectedCode: protectedCall.body.errors?.[0]?.extensions?.code ?? 'ok',
        publicName: publicQuery.body.data?.community?.name,
      };
    }

    it('reads the viewer from the bearer token', async () => {
      const seen = await asSeenWith(bearer(admin.token));
      assert.equal(seen.viewer.id, admin.id);
      assert.equal(seen.viewer.displayName, 'Anna Admin');
      assert.equal(seen.viewer.email, 'admin@testgemeente.nl');
      assert.deepEqual(seen.viewer.roles, ['ADMIN', 'STAFF']);
      assert.equal(seen.viewer.community.slug, 'testgemeente');
      assert.equal(seen.viewer.expert, null);
      assert.equal(seen.viewer.portalCitizen, false);
      assert.equal(seen.viewer.sessionExpiresAt, new Date(harness.now().getTime() + ACCOUNT_SESSION_MS).toISOString());
      assert.equal(seen.protectedCode, 'ok');
      assert.equal(seen.publicName, 'Testgemeente Werk');
    });

    it('treats no token, a garbage token and a malformed header as anonymous', async () => {
      for (const headers of [
        {},
        bearer('garbage'),
        bearer('A'.repeat(43)),
        { authorization: admin.token },
        { authorization: `Basic ${admin.token}` },
      ]) {
        const seen = await asSeenWith(headers);
        assert.equal(seen.viewer, null, JSON.stringify(headers));
        assert.equal(seen.viewerErrors, undefined);
        assert.equal(seen.protectedCode, 'UNAUTHENTICATED');
        assert.equal(seen.publicName, 'Testgemeente Werk', 'public queries keep working');
      }
    });

    it('ends a session at sign-out: the token no longer works, public reading still does', async () => {
      const other = await signedInAccount(harness.services, {
        community: 'testgemeente',
        email: 'uitloggen@testgemeente.nl',
        roles: ['ADMIN'],
      });
      const signedOut = await harness.graphql(SignOutDocument, {}, bearer(other.token));
      assert.deepEqual(signedOut.body.data.signOut, { signedOut: true });
      const seen = await asSeenWith(bearer(other.token));
      assert.equal(seen.viewer, null);
      assert.equal(seen.protectedCode, 'UNAUTHENTICATED');
      assert.equal(seen.publicName, 'Testgemeente Werk');
      // Signing out without a session is fine too, and other sessions go on.
      assert.deepEqual((await harness.graphql(SignOutDocument)).body.data.signOut, { signedOut: true });
      assert.equal((await asSeenWith(bearer(admin.token))).viewer.id, admin.id);
    });

    it('ends a session of a disabled account', async () => {
      const disabled = await signedInAccount(harness.services, {
        community: 'testgemeente',
        email: 'weg@testgemeente.nl',
        roles: ['MODERATOR'],
      });
      assert.ok(await harness.services.sessions.viewerFor(disabled.token));
      await harness.opened.connection.db
        .updateTable('users')
        .set({ disabled_at: harness.now().toISOString() })
        .where('id', '=', disabled.id)
        .execute();
      assert.equal(await harness.services.sessions.viewerFor(disabled.token), null);
    });

    it('lets a session expire after 8 hours', async () => {
      harness.advance(ACCOUNT_SESSION_MS - 1000);
      assert.equal((await asSeenWith(bearer(admin.token))).viewer.id, admin.id);
      harness.advance(1000);
      const seen = await asSeenWith(bearer(admin.token));
      assert.equal(seen.viewer, null);
      assert.equal(seen.protectedCode, 'UNAUTHENTICATED');
      assert.equal(seen.publicName, 'Testgemeente Werk');
    });
  });
});

describe('the Authorization header', () => {
  it('gives the token after "Bearer", in any case, and nothing else', () => {
    assert.equal(bearerToken('Bearer abc'), 'abc');
    assert.equal(bearerToken('bearer  abc '), 'abc');
    assert.equal(bearerToken('Basic abc'), undefined);
    assert.equal(bearerToken('Bearer'), undefined);
    assert.equal(bearerToken('Bearer a b'), undefined);
    assert.equal(bearerToken(undefined), undefined);
  });
});
