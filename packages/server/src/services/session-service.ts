import type { Role, SessionRow, UserRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import { hashToken, newId, newOwnerToken } from './secrets.ts';
import type { Viewer } from './viewer.ts';

const MINUTE = 60_000;
/** An account's session lasts an expert's working day; then they sign in again. */
export const ACCOUNT_SESSION_MS = 8 * 60 * MINUTE;
/** A portal citizen's session lasts at most an hour, and never beyond the portal token's own expiry. */
export const PORTAL_SESSION_MAX_MS = 60 * MINUTE;
/**
 * Expired sessions, links and OpenID Connect states are deleted this long after they expired: long enough to tell
 * "expired" from "unknown" on a token used the next morning, short enough that the tables hold no history.
 */
export const EXPIRED_SIGN_IN_RETENTION_MS = 24 * 60 * MINUTE;

/** What one sweep deleted. */
export interface SweptSignInData {
  sessions: number;
  signInLinks: number;
  oidcStates: number;
}

/** Session tokens are 256 random bits in base64url (43 characters); anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new session: the token is returned once, to the person who signed in; the store keeps its SHA-256 hash. */
export interface IssuedSession {
  token: string;
  expiresAt: string;
  viewer: Viewer;
}

type NewSession =
  | { kind: 'account'; user: UserRow; method: 'password' | 'link' | 'oidc' }
  | { kind: 'portal'; communityId: string; pseudonym: string; expiresAt: Date };

/** The part of `Authorization: Bearer <token>` after "Bearer", or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Sessions are bearer tokens (no cookies): random, stored hashed, expiring and revocable. `viewerFor` turns a token
 * into the viewer every service receives; a token that does not work gives null, so a stale token never stops a
 * citizen from reading, and services that need a viewer refuse with UNAUTHENTICATED.
 */
export class SessionService {
  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
  ) {}

  async open(session: NewSession, store: PleinStore = this.store): Promise<IssuedSession> {
    const now = this.clock();
    const token = newOwnerToken();
    const expiresAt =
      session.kind === 'account'
        ? new Date(now.getTime() + ACCOUNT_SESSION_MS)
        : new Date(Math.min(now.getTime() + PORTAL_SESSION_MAX_MS, session.expiresAt.getTime()));
    const row: SessionRow = {
      id: newId(),
      community_id: session.kind === 'account' ? session.user.community_id : session.communityId,
      user_id: session.kind === 'account' ? session.user.id : null,
      token_hash: hashToken(token),
      kind: session.kind,
      method: session.kind === 'account' ? session.method : 'portal',
      pseudonym: session.kind === 'portal' ? session.pseudonym : null,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      revoked_at: null,
    };
    // Every new session also clears out what expired more than a day ago, so the tables stay small between sweeps.
    await store.deleteExpiredSignInData(new Date(now.getTime() - EXPIRED_SIGN_IN_RETENTION_MS).toISOString());
    await store.insertSession(row);
    const roles =
      session.kind === 'account' ? ((await store.rolesOfUsers([session.user.id])).get(session.user.id) ?? []) : [];
    return {
      token,
      expiresAt: row.expires_at,
      viewer: toViewer(row, session.kind === 'account' ? session.user : undefined, roles),
    };
  }

  /**
   * The viewer of a bearer token: null when there is no token, or it is unknown, expired or revoked, or its account
   * is disabled.
   */
  async viewerFor(token: string | null | undefined): Promise<Viewer | null> {
    if (!token || !TOKEN.test(token)) return null;
    const session = await this.store.sessionByTokenHash(hashToken(token));
    if (!session || session.revoked_at !== null || session.expires_at <= this.clock().toISOString()) return null;
    if (session.kind === 'portal') return toViewer(session, undefined, []);
    if (!session.user_id) return null;
    const [user] = await this.store.usersByIds([session.user_id]);
    if (!user || user.disabled_at !== null) return null;
    const roles = (await this.store.rolesOfUsers([user.id])).get(user.id) ?? [];
    return toViewer(session, user, roles);
  }

  /** Ends the viewer's session (signOut). Nothing to do without one. */
  async close(viewer: Viewer | null | undefined): Promise<void> {
    if (viewer) await this.store.revokeSession(viewer.sessionId, this.clock().toISOString());
  }

  /**
   * Deletes sessions, sign-in links and OpenID Connect states that expired more than a day ago, also when nobody
   * signs in for a while; the server runs it every hour with the other retention jobs. One transaction that deletes
   * by cutoff and reads nothing first, so instances sweeping at once delete each row once.
   */
  sweep(now: Date = this.clock()): Promise<SweptSignInData> {
    const before = new Date(now.getTime() - EXPIRED_SIGN_IN_RETENTION_MS).toISOString();
    return this.store.transaction((store) => store.deleteExpiredSignInData(before));
  }

  /** Ends every session of an account (a new password, a reset); returns how many were open. */
  revokeAllOf(userId: string, store: PleinStore = this.store): Promise<number> {
    return store.revokeSessionsOfUser(userId, this.clock().toISOString());
  }
}

function toViewer(session: SessionRow, user: UserRow | undefined, roles: readonly Role[]): Viewer {
  return {
    sessionId: session.id,
    communityId: session.community_id,
    userId: user?.id ?? null,
    displayName: user?.display_name ?? session.pseudonym ?? '',
    roles: new Set(roles),
    expertId: user?.expert_id ?? null,
    portalCitizen: session.kind === 'portal',
    expiresAt: session.expires_at,
  };
}
