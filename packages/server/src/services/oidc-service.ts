import * as oidc from 'openid-client';
import type { CommunityOidcRow, CommunityRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { AuditLog } from './audit-log.ts';
import type { Clock } from './clock.ts';
import { type CommunityService, normaliseOrigin } from './community-service.ts';
import { ServiceError } from './errors.ts';
import type { SessionService } from './session-service.ts';
import type { SignInLog } from './sign-in-log.ts';

/** A started sign-in must come back from the provider within this time. */
export const OIDC_SIGN_IN_MS = 10 * 60_000;
/** How long discovered provider metadata is kept before it is read again. */
const DISCOVERY_TTL_MS = 10 * 60_000;

/** Where the browser goes next: to the provider, or back to the host page, or nowhere (a page explains). */
export type OidcStep =
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; status: number; problem: 'unknown-community' | 'bad-return-to' | 'unknown-state' };

/** What the host page finds after `#plein-sign-in-error=` when single sign-on did not work. */
export type OidcFailure =
  'not-configured' | 'unavailable' | 'cancelled' | 'failed' | 'unverified-email' | 'unknown-account';

export interface OidcSettingsInput {
  issuer: string;
  clientId: string;
  clientSecret: string;
  organisation: string;
}

/** http is only accepted for a provider on this machine (development and tests); anything else must use https. */
function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

/** A URL with `fragment` as its fragment (an earlier fragment is dropped). */
function withFragment(url: string, fragment: Record<string, string>): string {
  const target = new URL(url);
  target.hash = new URLSearchParams(fragment).toString();
  return target.toString();
}

/**
 * OpenID Connect per community ("Inloggen met uw organisatie"), with openid-client: authorization code flow with
 * PKCE (S256), state and nonce. There are no cookies, so the state, the code verifier, the nonce and where to go back
 * to are kept in `oidc_sign_ins` under the random `state` for 10 minutes, and used once. The account must already
 * exist (no self-registration): the provider's verified `email` claim picks the account in the community. The new
 * session's token goes back in the URL fragment of the host page (`#plein-session=`), which browsers never send to a
 * server or in a Referer header.
 */
export class OidcService {
  private readonly configurations = new Map<
    string,
    { key: string; config: Promise<oidc.Configuration>; readAt: number }
  >();

  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
    private readonly log: SignInLog,
    /** This server as people reach it: the callback URL is built from it. */
    private readonly publicUrl: string,
  ) {}

  /** The callback URL to register at the provider for a community. */
  redirectUri(communitySlug: string): string {
    return `${this.publicUrl}/auth/oidc/${encodeURIComponent(communitySlug)}/callback`;
  }

  /** `/auth/oidc/:community/start?return_to=…`: remembers the sign-in and sends the browser to the provider. */
  async start(communitySlug: string, returnTo: string | undefined, ownOrigin: string): Promise<OidcStep> {
    const community = await this.store.communityBySlug(communitySlug);
    if (!community) return { kind: 'page', status: 404, problem: 'unknown-community' };
    const target = await this.allowedReturnTo(community, returnTo, ownOrigin);
    if (!target) return { kind: 'page', status: 400, problem: 'bad-return-to' };
    const settings = await this.store.oidcSettings(community.id);
    if (!settings) return this.back(target, 'not-configured');

    let config: oidc.Configuration;
    try {
      config = await this.configuration(settings);
    } catch (error) {
      this.log.refused({ method: 'oidc', reason: `discovery failed (${describe(error)})`, communityId: community.id });
      return this.back(target, 'unavailable');
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const now = this.clock();
    await this.store.insertOidcSignIn({
      state,
      community_id: community.id,
      code_verifier: codeVerifier,
      nonce,
      return_to: target,
      expires_at: new Date(now.getTime() + OIDC_SIGN_IN_MS).toISOString(),
    });
    const location = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(community.slug),
      scope: 'openid email',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { kind: 'redirect', location: location.href };
  }

  /**
   * `/auth/oidc/:community/callback`: checks state, PKCE and nonce through openid-client, finds the account by its
   * verified e-mail address, and sends the browser back with a session token, or with a reason it did not work.
   */
  async callback(communitySlug: string, currentUrl: URL): Promise<OidcStep> {
    const community = await this.store.communityBySlug(communitySlug);
    if (!community) return { kind: 'page', status: 404, problem: 'unknown-community' };
    const state = currentUrl.searchParams.get('state') ?? '';
    const signIn = state ? await this.store.takeOidcSignIn(state) : undefined;
    if (!signIn || signIn.community_id !== community.id || signIn.expires_at <= this.clock().toISOString()) {
      // Without a known state there is no safe place to send the browser back to.
      this.log.refused({ method: 'oidc', reason: 'unknown-state', communityId: community.id });
      return { kind: 'page', status: 400, problem: 'unknown-state' };
    }
    const target = signIn.return_to;
    if (currentUrl.searchParams.has('error')) {
      this.log.refused({ method: 'oidc', reason: 'provider refused or cancelled', communityId: community.id });
      return this.back(target, 'cancelled');
    }
    const settings = await this.store.oidcSettings(community.id);
    if (!settings) return this.back(target, 'not-configured');

    let claims: Record<string, unknown>;
    try {
      const config = await this.configuration(settings);
      // The callback as the provider sent it, on the registered redirect URI (the server may sit behind a proxy).
      const callbackUrl = new URL(this.redirectUri(community.slug));
      callbackUrl.search = currentUrl.search;
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: signIn.code_verifier,
        expectedState: signIn.state,
        expectedNonce: signIn.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      claims = { ...idToken };
      // Providers that follow the core spec strictly put `email` only in the UserInfo response.
      if (typeof claims.email !== 'string')
        claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
    } catch (error) {
      this.log.refused({
        method: 'oidc',
        reason: `code exchange failed (${describe(error)})`,
        communityId: community.id,
      });
      return this.back(target, 'failed');
    }
    if (typeof claims.email !== 'string' || claims.email_verified === false) {
      this.log.refused({ method: 'oidc', reason: 'no verified email claim', communityId: community.id });
      return this.back(target, 'unverified-email');
    }
    const email = claims.email.trim().toLowerCase();
    const user = await this.store.userByEmail(community.id, email);
    if (!user || user.disabled_at !== null) {
      this.log.refused({
        method: 'oidc',
        reason: user ? 'disabled' : 'unknown-account',
        communityId: community.id,
        emailHash: await this.log.emailHash(community.id, email),
      });
      return this.back(target, 'unknown-account');
    }
    const session = await this.store.transaction(async (store) => {
      const opened = await this.sessions.open({ kind: 'account', user, method: 'oidc' }, store);
      await this.audit.record(
        {
          communityId: community.id,
          actorUserId: user.id,
          action: 'session.oidc',
          subjectType: 'user',
          subjectId: user.id,
          detail: { issuer: settings.issuer },
        },
        store,
      );
      return opened;
    });
    return { kind: 'redirect', location: withFragment(target, { 'plein-session': session.token }) };
  }

  /** `plein community set-oidc`: the provider of a community's organisation. */
  async configure(communitySlug: string, input: OidcSettingsInput): Promise<{ redirectUri: string }> {
    const community = await this.store.communityBySlug(communitySlug);
    if (!community) throw new Error(`Geen community "${communitySlug}".`);
    let issuer: URL;
    try {
      issuer = new URL(input.issuer);
    } catch {
      throw new Error(`De issuer moet een URL zijn, niet "${input.issuer}".`);
    }
    if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer))) {
      throw new Error('De issuer moet met https:// beginnen.');
    }
    for (const [name, value] of Object.entries({
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      organisation: input.organisation,
    })) {
      if (!value.trim()) throw new Error(`Vul ${name} in.`);
    }
    const row: CommunityOidcRow = {
      community_id: community.id,
      issuer: input.issuer.replace(/\/+$/, ''),
      client_id: input.clientId.trim(),
      client_secret: input.clientSecret,
      organisation: input.organisation.trim(),
    };
    await this.store.transaction(async (store) => {
      await store.saveOidcSettings(row);
      await this.audit.record(
        {
          communityId: community.id,
          actorUserId: null,
          action: 'community.oidc',
          subjectType: 'community',
          subjectId: community.id,
          detail: { issuer: row.issuer, clientId: row.client_id, organisation: row.organisation },
        },
        store,
      );
    });
    this.configurations.delete(community.id);
    return { redirectUri: this.redirectUri(community.slug) };
  }

  /** The organisation shown on the sign-in button, or null when the community has no single sign-on. */
  async organisation(communityId: string): Promise<string | null> {
    return (await this.store.oidcSettings(communityId))?.organisation ?? null;
  }

  /**
   * `return_to` must be a page of a host the community registered, or of this server itself; anything else would
   * let a stranger's page receive a session token.
   */
  private async allowedReturnTo(community: CommunityRow, returnTo: string | undefined, ownOrigin: string) {
    if (!returnTo) return null;
    let url: URL;
    let origin: string;
    try {
      url = new URL(returnTo);
      origin = normaliseOrigin(returnTo);
    } catch {
      return null;
    }
    if (url.username || url.password) return null;
    const own = new Set([ownOrigin, new URL(this.publicUrl).origin]);
    if (!own.has(origin)) {
      try {
        await this.communities.assertOriginAllowed(community.id, { origin, ownOrigin });
      } catch (error) {
        if (error instanceof ServiceError) return null;
        throw error;
      }
    }
    url.hash = '';
    return url.toString();
  }

  private back(target: string, failure: OidcFailure): OidcStep {
    return { kind: 'redirect', location: withFragment(target, { 'plein-sign-in-error': failure }) };
  }

  private configuration(settings: CommunityOidcRow): Promise<oidc.Configuration> {
    const key = `${settings.issuer}\n${settings.client_id}\n${settings.client_secret}`;
    const now = this.clock().getTime();
    const cached = this.configurations.get(settings.community_id);
    if (cached && cached.key === key && now - cached.readAt < DISCOVERY_TTL_MS) return cached.config;
    const issuer = new URL(settings.issuer);
    const config = oidc.discovery(
      issuer,
      settings.client_id,
      undefined,
      oidc.ClientSecretBasic(settings.client_secret),
      { execute: issuer.protocol === 'http:' && isLoopback(issuer) ? [oidc.allowInsecureRequests] : [], timeout: 10 },
    );
    config.catch(() => this.configurations.delete(settings.community_id));
    this.configurations.set(settings.community_id, { key, config, readAt: now });
    return config;
  }
}

/** An error's name and code for the log: never its message, which may quote a token or a claim. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  // An OAuth error response carries its code (`invalid_grant`); other errors may carry a code of their own.
  const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
  const detail = typeof oauthError === 'string' ? oauthError : typeof code === 'string' ? code : '';
  return detail ? `${error.name} ${detail}` : error.name;
}
