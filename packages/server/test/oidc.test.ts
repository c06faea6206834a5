import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ViewerDocument } from '@plein/schema';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { bearer, createAccount, onEveryEngine, startAccountsHarness, type AccountsHarness } from './sign-in-helper.ts';

const CALLBACK = 'http://localhost:4000/auth/oidc/testgemeente/callback';
const HOST_PAGE = 'https://www.testgemeente.nl/werk/';

/**
 * A real OpenID Provider (oidc-provider) on a random port, with one confidential client for the app's callback,
 * PKCE required, and an interaction endpoint that signs in whichever account the test chose and consents at once.
 * `email` is only in the UserInfo response (oidc-provider's conformIdTokenClaims), as strict providers do.
 */
interface TestProvider {
  issuer: string;
  /** The provider's account the next sign-in logs in as. */
  signInAs(accountId: string): void;
  close(): Promise<void>;
}

async function startProvider(
  accounts: Record<string, { email: string; email_verified: boolean }>,
): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  let nextAccount = '';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'plein',
        client_secret: 'plein-test-geheim',
        redirect_uris: [CALLBACK],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' }] },
    pkce: { methods: ['S256'], required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const claims = accounts[id];
      return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
    },
  });
  const callback = provider.callback();
  server.on('request', (request, response) => {
    if (!request.url?.startsWith('/interaction/')) return void callback(request, response);
    void (async () => {
      const details = await provider.interactionDetails(request, response);
      const grant = new provider.Grant({ accountId: nextAccount, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: nextAccount }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  return {
    issuer,
    signInAs: (accountId) => (nextAccount = accountId),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A browser that only goes to the provider: follows its redirects with its cookies until it is sent to the app. */
async function throughProvider(authorizationUrl: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let location = authorizationUrl;
  for (let hops = 0; hops < 10; hops++) {
    if (location.startsWith(CALLBACK)) return new URL(location);
    const response = await fetch(location, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    const next = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !next) {
      throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
    }
    location = new URL(next, location).href;
  }
  throw new Error('too many redirects');
}

let provider: TestProvider;
before(async () => {
  provider = await startProvider({
    'medewerker-1': { email: 'Expert@Testgemeente.nl', email_verified: true },
    'medewerker-2': { email: 'onbekend@testgemeente.nl', email_verified: true },
    'medewerker-3': { email: 'expert@testgemeente.nl', email_verified: false },
  });
});
after(async () => provider?.close());

onEveryEngine('single sign-on', (engine, open) => {
  describe(`single sign-on (OpenID Connect) on ${engine}`, () => {
    let harness: AccountsHarness;
    let expertId: string;

    before(async () => {
      harness = await startAccountsHarness(open, { systemClock: true });
      await harness.services.communities.allowOrigin('testgemeente', 'https://www.testgemeente.nl');
      await harness.services.oidc.configure('testgemeente', {
        issuer: provider.issuer,
        clientId: 'plein',
        clientSecret: 'plein-test-geheim',
        organisation: 'Gemeente Test',
      });
      expertId = (
        await createAccount(harness.services, {
          community: 'testgemeente',
          email: 'expert@testgemeente.nl',
          roles: ['EXPERT'],
          displayName: 'Els Expert',
        })
      ).id;
    });
    after(async () => harness?.close());

    async function start(returnTo: string, community = 'testgemeente') {
      const response = await harness.app.inject({
        method: 'GET',
        url: `/auth/oidc/${community}/start?return_to=${encodeURIComponent(returnTo)}`,
        headers: { host: 'localhost:4000' },
      });
      return {
        status: response.statusCode,
        location: response.headers.location as string | undefined,
        body: response.body,
        headers: response.headers,
      };
    }

    async function callback(url: URL) {
      const response = await harness.app.inject({
        method: 'GET',
        url: `${url.pathname}${url.search}`,
        headers: { host: 'localhost:4000' },
      });
      return {
        status: response.statusCode,
        location: response.headers.location as string | undefined,
        body: response.body,
      };
    }

    /** The whole flow as a browser makes it: app → provider (signed in as `account`) → app → host page. */
    async function signInAs(account: string, returnTo = `${HOST_PAGE}#oud`) {
      const started = await start(returnTo);
      assert.equal(started.status, 303, started.body);
      provider.signInAs(account);
      return callback(await throughProvider(started.location!));
    }

    it('runs the authorization code flow with PKCE and hands the session to the host page in the fragment', async () => {
      const started = await start(HOST_PAGE);
      const authorization = new URL(started.location!);
      assert.equal(authorization.origin, provider.issuer);
      assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
      assert.match(authorization.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
      assert.equal(authorization.searchParams.get('redirect_uri'), CALLBACK);
      assert.equal(authorization.searchParams.get('scope'), 'openid email');
      assert.ok(authorization.searchParams.get('state'));
      assert.ok(authorization.searchParams.get('nonce'));
      assert.equal(started.headers['cache-control'], 'no-store');

      const done = await signInAs('medewerker-1');
      assert.equal(done.status, 303);
      const back = new URL(done.location!);
      assert.equal(`${back.origin}${back.pathname}`, HOST_PAGE);
      const token = new URLSearchParams(back.hash.slice(1)).get('plein-session');
      assert.match(token ?? '', /^[A-Za-z0-9_-]{43}$/);
      assert.doesNotMatch(back.search, /plein-session/, 'never in the query string');

      const { body } = await harness.graphql(ViewerDocument, {}, bearer(token!));
      assert.equal(body.data.viewer.email, 'expert@testgemeente.nl');
      assert.equal(body.data.viewer.displayName, 'Els Expert');
      assert.deepEqual(body.data.viewer.roles, ['EXPERT']);

      const audit = await harness.services.audit.entries(harness.communityId);
      const entry = audit.filter((e) => e.action === 'session.oidc').at(-1);
      assert.equal(entry?.actorUserId, expertId);
      assert.deepEqual(entry?.detail, { issuer: provider.issuer });
    });

    it('does not let an unknown account in: no self-registration', async () => {
      const done = await signInAs('medewerker-2');
      assert.equal(done.location, `${HOST_PAGE}#plein-sign-in-error=unknown-account`);
      assert.doesNotMatch(harness.logLines.join('\n'), /onbekend@|expert@/i);
      assert.ok(harness.logLines.some((line) => line.includes('"reason":"unknown-account"')));
    });

    it('refuses an address the provider has not verified', async () => {
      const done = await signInAs('medewerker-3');
      assert.equal(done.location, `${HOST_PAGE}#plein-sign-in-error=unverified-email`);
    });

    it('refuses an unknown or used state with a page, not a redirect', async () => {
      const started = await start(HOST_PAGE);
      provider.signInAs('medewerker-1');
      const returned = await throughProvider(started.location!);
      const forged = new URL(returned);
      forged.searchParams.set('state', 'verzonnen');
      const bad = await callback(forged);
      assert.equal(bad.status, 400);
      assert.equal(bad.location, undefined);
      assert.match(bad.body, /Inloggen is niet gelukt/);

      assert.match((await callback(returned)).location ?? '', /#plein-session=/);
      const replay = await callback(returned);
      assert.equal(replay.status, 400, 'a state works once');
      assert.equal(replay.location, undefined);
    });

    it('refuses a code that belongs to another sign-in (PKCE and nonce bind it to its own start)', async () => {
      const first = await start(HOST_PAGE);
      const second = await start(HOST_PAGE);
      provider.signInAs('medewerker-1');
      const secondReturn = await throughProvider(second.location!);
      const swapped = new URL(secondReturn);
      swapped.searchParams.set('state', new URL(first.location!).searchParams.get('state')!);
      const done = await callback(swapped);
      assert.equal(done.location, `${HOST_PAGE}#plein-sign-in-error=failed`);
      // The provider refused the exchange: the first start's code verifier does not fit the second's challenge.
      const refusal = harness.logLines.filter((line) => line.includes('sign-in refused')).at(-1);
      assert.match(refusal ?? '', /"reason":"code exchange failed \(ResponseBodyError invalid_grant\)"/);
    });

    it('sends the browser back with "cancelled" when the provider reports an error', async () => {
      const started = await start(HOST_PAGE);
      const state = new URL(started.location!).searchParams.get('state')!;
      const done = await callback(new URL(`${CALLBACK}?error=access_denied&state=${state}`));
      assert.equal(done.location, `${HOST_PAGE}#plein-sign-in-error=cancelled`);
    });

    it('returns only to pages of the community or of this server', async () => {
      for (const returnTo of [
        'https://evil.example/',
        'javascript:alert(1)',
        'https://user:pw@www.testgemeente.nl/',
        '',
      ]) {
        const refused = await start(returnTo);
        assert.equal(refused.status, 400, returnTo);
        assert.equal(refused.location, undefined);
      }
      assert.equal((await start('http://localhost:4000/voorbeeld/')).status, 303, "this server's own pages");
      assert.equal((await start(HOST_PAGE, 'bestaat-niet')).status, 404);

      await harness.services.communities.create('anderegemeente', 'Andere Gemeente');
      await harness.services.communities.allowOrigin('anderegemeente', 'https://www.anderegemeente.nl');
      assert.equal((await start(HOST_PAGE, 'anderegemeente')).status, 400, "another community's host");
      const notConfigured = await start('https://www.anderegemeente.nl/', 'anderegemeente');
      assert.equal(notConfigured.location, 'https://www.anderegemeente.nl/#plein-sign-in-error=not-configured');
    });
  });
});
