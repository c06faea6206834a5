import { createHmac, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import type { PleinStore } from '../store/store.ts';
import type { AuditLog } from './audit-log.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { UserError } from './errors.ts';
import type { InstanceKeys } from './instance-keys.ts';
import type { SessionService } from './session-service.ts';
import type { SignInLog } from './sign-in-log.ts';
import type { SignInResult } from './account-service.ts';

/** Clocks of the portal and of Plein may differ this much. */
export const PORTAL_CLOCK_TOLERANCE_S = 30;
/** A portal token may be valid at most this long ahead: it is a hand-over, not a session of its own. */
export const PORTAL_TOKEN_MAX_LIFETIME_S = 60 * 60;
/** What a pseudonym starts with; the rest is 6 characters of a keyed hash of the portal's subject. */
export const PSEUDONYM_PREFIX = 'Inwoner ';

const portalSignInInput = z.object({
  community: z.string().trim().min(1).max(100),
  // A compact JWS; 4 KB is far more than `sub`, `name`, `exp` and `iat` need.
  token: z.string().trim().min(1).max(4096),
});

const invalid: SignInResult = {
  session: null,
  viewer: null,
  errors: [{ field: 'token', code: 'PORTAL_TOKEN_INVALID' }],
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The first `length` base32 characters (RFC 4648 alphabet) of `bytes`. */
function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === length) break;
    value &= (1 << bits) - 1;
  }
  return out;
}

/** Why jose refused a token, as a short reason for the log (never the token or its claims). */
function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'expired';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim ${error.claim}`;
  if (error instanceof joseErrors.JOSEError) return error.code;
  return 'malformed';
}

/**
 * Sign-in for citizens through a host portal (for example a municipality's "Mijn omgeving"). The portal signs a
 * short-lived HS256 JWT with the community's portal secret; `sub` identifies the citizen at the portal and `name`
 * is required by the contract but never stored or shown: the citizen posts under a pseudonym, "Inwoner" plus six
 * characters of HMAC(key, community id + subject). The same citizen gets the same pseudonym in that community every
 * time; nobody without the key can link it to the portal's subject, and two communities give different pseudonyms.
 *
 * jose verifies the token: a well-kept library (the author of openid-client and oidc-provider), without
 * dependencies, on Web Crypto, with an explicit algorithm allowlist, so `alg: none` and algorithm confusion are
 * refused before a signature is even looked at.
 */
export class PortalService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
    private readonly keys: InstanceKeys,
    private readonly log: SignInLog,
  ) {}

  async signIn(rawInput: unknown, request?: RequestOrigin): Promise<SignInResult> {
    const parsed = portalSignInInput.safeParse(rawInput);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'token');
      return { session: null, viewer: null, errors: [{ field, code: 'REQUIRED' } satisfies UserError] };
    }
    // Read fresh, not from a cache: a new secret must work (and an old one stop working) at once.
    const community = await this.store.communityBySlug(parsed.data.community);
    if (!community) return { session: null, viewer: null, errors: [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }] };
    if (request) await this.communities.assertOriginAllowed(community.id, request);
    const refuse = (reason: string) => {
      this.log.refused({ method: 'portal', reason, communityId: community.id });
      return invalid;
    };
    if (!community.portal_secret) return refuse('portal sign-in is off');

    const now = this.clock();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(parsed.data.token, new TextEncoder().encode(community.portal_secret), {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'name', 'exp'],
        clockTolerance: PORTAL_CLOCK_TOLERANCE_S,
        currentDate: now,
      }));
    } catch (error) {
      return refuse(reasonOf(error));
    }
    const { sub, name, exp, iat } = claims;
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255) return refuse('claim sub');
    if (typeof name !== 'string' || name.trim().length === 0) return refuse('claim name');
    if (typeof exp !== 'number') return refuse('claim exp');
    if (exp <= nowSeconds) return refuse('expired');
    if (exp > nowSeconds + PORTAL_TOKEN_MAX_LIFETIME_S + PORTAL_CLOCK_TOLERANCE_S) return refuse('exp too far ahead');
    if (iat !== undefined && (typeof iat !== 'number' || iat > nowSeconds + PORTAL_CLOCK_TOLERANCE_S)) {
      return refuse('iat in the future');
    }

    const session = await this.sessions.open({
      kind: 'portal',
      communityId: community.id,
      pseudonym: await this.pseudonym(community.id, sub),
      expiresAt: new Date(exp * 1000),
    });
    return { session: { token: session.token, expiresAt: session.expiresAt }, viewer: session.viewer, errors: [] };
  }

  /** The stable pseudonym of a portal subject in a community. */
  async pseudonym(communityId: string, subject: string): Promise<string> {
    const mac = createHmac('sha256', await this.keys.key('portal-pseudonym-key'))
      .update(`${communityId}:${subject}`)
      .digest();
    return `${PSEUDONYM_PREFIX}${base32(mac, 6)}`;
  }

  /**
   * `plein community set-portal-secret`: a new random secret (256 bits), returned once to print. The old one stops
   * working at once; sessions made with it run out within the hour.
   */
  async newSecret(communitySlug: string): Promise<string> {
    const community = await this.store.communityBySlug(communitySlug);
    if (!community) throw new Error(`Geen community "${communitySlug}".`);
    const secret = randomBytes(32).toString('base64url');
    await this.store.transaction(async (store) => {
      await store.setPortalSecret(community.id, secret);
      await this.audit.record(
        {
          communityId: community.id,
          actorUserId: null,
          action: 'community.portal-secret',
          subjectType: 'community',
          subjectId: community.id,
          detail: { replaced: community.portal_secret !== null },
        },
        store,
      );
    });
    return secret;
  }
}
