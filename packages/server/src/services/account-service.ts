import { limits } from '@plein/schema';
import { z } from 'zod';
import type { Locale } from '../i18n/locale.ts';
import type { Mailer } from '../mail/mailer.ts';
import { MemoryMailer } from '../mail/mailer.ts';
import { signInLinkMail } from '../mail/sign-in-mails.ts';
import type { CommunityRow, ExpertRow, Role, UserRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { AuditLog } from './audit-log.ts';
import type { Clock } from './clock.ts';
import type { CommunityService, RequestOrigin } from './community-service.ts';
import type { UserError } from './errors.ts';
import { type Community, toCommunity } from './models.ts';
import { dummyPasswordHash, hashPassword, PASSWORD_MAX_LENGTH, passwordProblem, verifyPassword } from './passwords.ts';
import { hashToken, newId, newOwnerToken } from './secrets.ts';
import type { IssuedSession, SessionService } from './session-service.ts';
import type { SignInLog } from './sign-in-log.ts';
import { requireRole, requireViewer, type Viewer } from './viewer.ts';

const MINUTE = 60_000;
/** Failed password sign-ins in a row before the account is locked. */
export const LOCKOUT_THRESHOLD = 5;
/** The first lock; every next one lasts twice as long, up to a day. */
export const LOCKOUT_BASE_MS = 15 * MINUTE;
export const LOCKOUT_MAX_MS = 24 * 60 * MINUTE;
/** A sign-in link works this long, and once. */
export const SIGN_IN_LINK_MS = 15 * MINUTE;
/** At most this many sign-in links per account per hour, so nobody can flood someone's mailbox. */
export const SIGN_IN_LINKS_PER_HOUR = 5;
/** How many addresses without an account the in-memory failure counter remembers. */
const UNKNOWN_ACCOUNTS_REMEMBERED = 10_000;

export const ROLES: readonly Role[] = ['EXPERT', 'MODERATOR', 'STAFF', 'ADMIN'];

/** How long the account stays locked after `failures` failed sign-ins in a row; 0 when it does not lock now. */
export function lockoutFor(failures: number): number {
  if (failures < LOCKOUT_THRESHOLD || failures % LOCKOUT_THRESHOLD !== 0) return 0;
  const repeat = failures / LOCKOUT_THRESHOLD - 1;
  return Math.min(LOCKOUT_BASE_MS * 2 ** Math.min(repeat, 20), LOCKOUT_MAX_MS);
}

/** A professional account, as admins and the CLI see it. */
export interface User {
  id: string;
  communityId: string;
  email: string;
  displayName: string;
  roles: Role[];
  expertId: string | null;
  /** Until when password sign-in is locked, if it is. */
  lockedUntil: string | null;
  hasPassword: boolean;
}

export interface SignInResult {
  session: { token: string; expiresAt: string } | null;
  viewer: Viewer | null;
  errors: UserError[];
}

export interface UserResult {
  user: User | null;
  errors: UserError[];
}

/** Where sign-in links point and how mail leaves the server. */
export interface AccountSettings {
  mailer: Mailer;
  /**
   * The host page with `<plein-sign-in>` that reads `?plein-link=TOKEN`; `{community}` becomes the community's slug.
   * PLEIN_SIGN_IN_URL, by default PUBLIC_URL + '/'.
   */
  signInUrl: string;
  /** Told when a mail could not be sent; gets no address and no text. */
  onError?: (error: unknown, what: string) => void;
}

const email = z.string().trim().toLowerCase().min(1).max(limits.email.max).pipe(z.email());
const community = z.string().trim().min(1).max(100);
const roles = z.array(z.enum(ROLES as [Role, ...Role[]])).max(ROLES.length);

const signInInput = z.object({
  community,
  email,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
const requestLinkInput = z.object({ community, email });
const addUserInput = z.object({
  community,
  email,
  displayName: z.string().trim().min(1).max(limits.displayName.max),
  roles,
});
const setUserRolesInput = z.object({ userId: z.string().trim().min(1).max(100), roles });

/** Link tokens are 43 characters of base64url. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

const signInFailed: SignInResult = {
  session: null,
  viewer: null,
  errors: [{ field: null, code: 'SIGN_IN_FAILED' }],
};
const linkInvalid: SignInResult = {
  session: null,
  viewer: null,
  errors: [{ field: 'token', code: 'SIGN_IN_LINK_INVALID' }],
};

/**
 * Accounts of professionals (experts, moderators, staff, admins), one per community and address: passwords with
 * scrypt and a lockout, sign-in links by e-mail, roles, and the account management of admins and the CLI. Nobody
 * learns from an answer, or from how long it took, whether an address has an account.
 */
export class AccountService {
  private readonly settings: AccountSettings;
  private readonly pending = new Set<Promise<void>>();
  /** Link e-mails are prepared one after another, so the hourly limit holds for requests that arrive together. */
  private linkQueue: Promise<void> = Promise.resolve();
  /** Failed sign-ins for addresses without an account, so they lock just like real accounts. */
  private readonly unknownFailures = new Map<string, { failures: number; lockedUntil: number }>();

  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    private readonly communities: CommunityService,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
    private readonly log: SignInLog,
    settings?: Partial<AccountSettings> & { publicUrl?: string },
  ) {
    this.settings = {
      mailer: settings?.mailer ?? new MemoryMailer(),
      signInUrl: settings?.signInUrl ?? `${settings?.publicUrl ?? 'http://localhost:4000'}/`,
      onError: settings?.onError,
    };
  }

  get mailer(): Mailer {
    return this.settings.mailer;
  }

  /**
   * Sign in with e-mail and password. A wrong password, an unknown address, an account without a password and a
   * locked account all get the same SIGN_IN_FAILED, after the same scrypt work.
   */
  async signIn(rawInput: unknown, request?: RequestOrigin): Promise<SignInResult> {
    const parsed = signInInput.safeParse(rawInput);
    if (!parsed.success) return { session: null, viewer: null, errors: inputErrors(parsed.error.issues) };
    const input = parsed.data;
    const communityRow = await this.store.communityBySlug(input.community);
    if (!communityRow)
      return { session: null, viewer: null, errors: [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }] };
    if (request) await this.communities.assertOriginAllowed(communityRow.id, request);

    // Made once, on the first sign-in of any kind, so that first one is not slower for an unknown address alone.
    const dummyHash = await dummyPasswordHash();
    const now = this.clock();
    const user = await this.store.userByEmail(communityRow.id, input.email);
    const refuse = async (reason: string) => {
      this.log.refused({
        method: 'password',
        reason,
        communityId: communityRow.id,
        emailHash: await this.log.emailHash(communityRow.id, input.email),
      });
      return signInFailed;
    };

    if (!user || user.disabled_at !== null || user.password_hash === null) {
      await verifyPassword(dummyHash, input.password);
      const locked = this.countUnknownFailure(`${communityRow.id}:${input.email}`, now.getTime());
      return refuse(locked ? 'locked' : !user ? 'unknown-account' : user.disabled_at ? 'disabled' : 'no-password');
    }
    if (user.locked_until !== null && user.locked_until > now.toISOString()) {
      // A locked account does not even check the password; the work is done anyway so the time tells nothing.
      await verifyPassword(dummyHash, input.password);
      return refuse('locked');
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      const failures = await this.store.countFailedSignIn(user.id);
      const lockMs = lockoutFor(failures);
      if (lockMs > 0) {
        await this.store.lockUser(user.id, new Date(now.getTime() + lockMs).toISOString());
        return refuse(`wrong-password, locked for ${Math.round(lockMs / MINUTE)} minutes`);
      }
      return refuse('wrong-password');
    }
    await this.store.clearFailedSignIns(user.id);
    return this.signedIn(await this.sessions.open({ kind: 'account', user, method: 'password' }));
  }

  /**
   * Sends a sign-in link when the address has an account. The answer is `sent: true` for every well-formed address,
   * and the look-up and the e-mail happen after the answer, so neither tells whether the account exists.
   */
  async requestSignInLink(
    rawInput: unknown,
    locale: Locale,
    request?: RequestOrigin,
  ): Promise<{ sent: boolean; errors: UserError[] }> {
    const parsed = requestLinkInput.safeParse(rawInput);
    if (!parsed.success) return { sent: false, errors: inputErrors(parsed.error.issues) };
    const communityRow = await this.store.communityBySlug(parsed.data.community);
    if (!communityRow) return { sent: false, errors: [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }] };
    if (request) await this.communities.assertOriginAllowed(communityRow.id, request);
    const next = this.linkQueue.then(() => this.sendLinkIfAccount(communityRow, parsed.data.email, locale));
    this.linkQueue = next.catch(() => undefined);
    this.track(next);
    return { sent: true, errors: [] };
  }

  /** Trades a sign-in link's token for a session; the link then no longer works. */
  async signInWithLink(token: string, request?: RequestOrigin): Promise<SignInResult> {
    if (!LINK_TOKEN.test(token)) return this.refuseLink('malformed', null);
    const tokenHash = hashToken(token);
    const link = await this.store.signInLinkByHash(tokenHash);
    const now = this.clock().toISOString();
    if (!link) return this.refuseLink('unknown', null);
    const [user] = await this.store.usersByIds([link.user_id]);
    if (!user) return this.refuseLink('unknown', null);
    if (link.used_at !== null) return this.refuseLink('used', user.community_id);
    if (link.expires_at <= now) return this.refuseLink('expired', user.community_id);
    if (user.disabled_at !== null) return this.refuseLink('disabled', user.community_id);
    if (request) await this.communities.assertOriginAllowed(user.community_id, request);
    // Only one request can mark the link used: a second one at the same moment gets SIGN_IN_LINK_INVALID.
    if (!(await this.store.useSignInLink(tokenHash, now))) return this.refuseLink('used', user.community_id);
    return this.signedIn(await this.sessions.open({ kind: 'account', user, method: 'link' }));
  }

  /** The community of a viewer. */
  async communityOf(viewer: Viewer): Promise<Community | null> {
    const row = await this.store.communityById(viewer.communityId);
    return row ? toCommunity(row) : null;
  }

  /** The e-mail address of the viewer's account; null for portal citizens. */
  async emailOf(viewer: Viewer): Promise<string | null> {
    if (!viewer.userId) return null;
    const [user] = await this.store.usersByIds([viewer.userId]);
    return user?.email ?? null;
  }

  /** Admins: a new account in their community, which gets a sign-in link by e-mail. */
  async addUser(viewer: Viewer | null, rawInput: unknown, locale: Locale): Promise<UserResult> {
    const signedIn = requireViewer(viewer);
    const parsed = addUserInput.safeParse(rawInput);
    if (!parsed.success) return { user: null, errors: inputErrors(parsed.error.issues) };
    const input = parsed.data;
    const communityRow = await this.store.communityBySlug(input.community);
    if (!communityRow) return { user: null, errors: [{ field: 'community', code: 'UNKNOWN_COMMUNITY' }] };
    requireRole(signedIn, communityRow.id, 'ADMIN');
    return this.createUser(communityRow, input, { actorUserId: signedIn.userId, sendLink: true, locale });
  }

  /** Admins: the roles of an account in their own community. The last admin cannot stop being admin. */
  async setUserRoles(viewer: Viewer | null, rawInput: unknown): Promise<UserResult> {
    const signedIn = requireViewer(viewer);
    const parsed = setUserRolesInput.safeParse(rawInput);
    if (!parsed.success) return { user: null, errors: inputErrors(parsed.error.issues) };
    const [user] = await this.store.usersByIds([parsed.data.userId]);
    // Someone who is no admin learns nothing about accounts, not even whether an id exists.
    if (!user) {
      requireRole(signedIn, signedIn.communityId, 'ADMIN');
      return { user: null, errors: [{ field: 'userId', code: 'UNKNOWN_USER' }] };
    }
    requireRole(signedIn, user.community_id, 'ADMIN');
    const after = [...new Set(parsed.data.roles)].sort();
    const result = await this.store.transaction(async (store) => {
      await store.lockCommunity(user.community_id);
      const before = (await store.rolesOfUsers([user.id])).get(user.id) ?? [];
      if (before.includes('ADMIN') && !after.includes('ADMIN') && user.disabled_at === null) {
        if ((await store.countUsersWithRole(user.community_id, 'ADMIN')) <= 1) return 'LAST_ADMIN' as const;
      }
      await store.replaceUserRoles(user.id, after);
      const expertId = await this.ensureExpertProfile(store, user, after);
      await this.audit.record(
        {
          communityId: user.community_id,
          actorUserId: signedIn.userId,
          action: 'user.roles',
          subjectType: 'user',
          subjectId: user.id,
          detail: { before: [...before].sort(), after, ...(expertId !== user.expert_id && { expertId }) },
        },
        store,
      );
      return null;
    });
    if (result === 'LAST_ADMIN') return { user: null, errors: [{ field: 'roles', code: 'LAST_ADMIN' }] };
    return { user: await this.userById(user.id), errors: [] };
  }

  async userById(id: string): Promise<User | null> {
    const [row] = await this.store.usersByIds([id]);
    if (!row) return null;
    const userRoles = (await this.store.rolesOfUsers([id])).get(id) ?? [];
    return toUser(row, userRoles);
  }

  // The CLI (an operator on the server: no viewer; the audit log records "no account" as the actor).

  /**
   * `plein user add`: an account with roles. With a password it can sign in right away; without one it gets a
   * sign-in link by e-mail.
   */
  async addUserFromCli(
    communitySlug: string,
    input: { email: string; displayName?: string; roles: string[]; password?: string; expertId?: string },
    locale: Locale = 'nl',
  ): Promise<User> {
    const communityRow = await this.communityForCli(communitySlug);
    const address = email.safeParse(input.email);
    if (!address.success) throw new Error(`Dit e-mailadres klopt niet: ${input.email}`);
    const parsedRoles = roles.safeParse(input.roles);
    if (!parsedRoles.success) throw new Error(`Kies rollen uit ${ROLES.join(', ')}.`);
    if (input.password !== undefined) {
      const problem = passwordProblem(input.password);
      if (problem) throw new Error(problem);
    }
    if (input.expertId !== undefined) {
      const [expert] = await this.store.expertsByIds([input.expertId]);
      if (!expert || expert.community_id !== communityRow.id)
        throw new Error(`Geen expert ${input.expertId} in ${communitySlug}.`);
    }
    const displayName = (input.displayName ?? address.data.split('@')[0]!).trim().slice(0, limits.displayName.max);
    const result = await this.createUser(
      communityRow,
      { email: address.data, displayName, roles: parsedRoles.data },
      {
        actorUserId: null,
        sendLink: input.password === undefined,
        locale,
        passwordHash: input.password === undefined ? null : await hashPassword(input.password),
        expertId: input.expertId ?? null,
      },
    );
    if (!result.user) throw new Error(`Er is al een account met dit e-mailadres in ${communitySlug}.`);
    return result.user;
  }

  /**
   * `plein user reset-password`: a new password, or (with `link`) no password and a sign-in link by e-mail. Every
   * session of the account ends, and a lock is lifted.
   */
  async resetPassword(
    communitySlug: string,
    rawEmail: string,
    change: { password: string } | { link: true },
    locale: Locale = 'nl',
  ): Promise<{ revokedSessions: number }> {
    const communityRow = await this.communityForCli(communitySlug);
    const user = await this.store.userByEmail(communityRow.id, rawEmail.trim().toLowerCase());
    if (!user) throw new Error(`Geen account met dit e-mailadres in ${communitySlug}.`);
    let passwordHash: string | null = null;
    if ('password' in change) {
      const problem = passwordProblem(change.password);
      if (problem) throw new Error(problem);
      passwordHash = await hashPassword(change.password);
    }
    const revokedSessions = await this.store.transaction(async (store) => {
      await store.setPasswordHash(user.id, passwordHash);
      const revoked = await this.sessions.revokeAllOf(user.id, store);
      await this.audit.record(
        {
          communityId: user.community_id,
          actorUserId: null,
          action: 'user.reset-password',
          subjectType: 'user',
          subjectId: user.id,
          detail: { method: 'password' in change ? 'password' : 'link', revokedSessions: revoked },
        },
        store,
      );
      return revoked;
    });
    if ('link' in change) await this.sendLink(communityRow, user, locale, false);
    return { revokedSessions };
  }

  /** `plein user list`. */
  async listUsers(communitySlug: string): Promise<User[]> {
    const communityRow = await this.communityForCli(communitySlug);
    const rows = await this.store.usersOfCommunity(communityRow.id);
    const userRoles = await this.store.rolesOfUsers(rows.map((row) => row.id));
    return rows.map((row) => toUser(row, userRoles.get(row.id) ?? []));
  }

  /** Resolves when every e-mail started so far has been handed to the mailer: for tests and a clean shutdown. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async createUser(
    communityRow: CommunityRow,
    input: { email: string; displayName: string; roles: Role[] },
    options: {
      actorUserId: string | null;
      sendLink: boolean;
      locale: Locale;
      passwordHash?: string | null;
      expertId?: string | null;
    },
  ): Promise<UserResult> {
    if (await this.store.userByEmail(communityRow.id, input.email)) {
      return { user: null, errors: [{ field: 'email', code: 'USER_EXISTS' }] };
    }
    const userRoles = [...new Set(input.roles)].sort();
    const row: UserRow = {
      id: newId(),
      community_id: communityRow.id,
      email: input.email,
      display_name: input.displayName,
      password_hash: options.passwordHash ?? null,
      failed_sign_ins: 0,
      locked_until: null,
      expert_id: options.expertId ?? null,
      created_at: this.clock().toISOString(),
      disabled_at: null,
    };
    try {
      await this.store.transaction(async (store) => {
        await store.insertUser(row, userRoles);
        row.expert_id = await this.ensureExpertProfile(store, row, userRoles);
        await this.audit.record(
          {
            communityId: communityRow.id,
            actorUserId: options.actorUserId,
            action: 'user.add',
            subjectType: 'user',
            subjectId: row.id,
            detail: { roles: userRoles, expertId: row.expert_id, password: row.password_hash !== null },
          },
          store,
        );
      });
    } catch (error) {
      // Someone added the same address at the same moment.
      if (await this.store.userByEmail(communityRow.id, input.email)) {
        return { user: null, errors: [{ field: 'email', code: 'USER_EXISTS' }] };
      }
      throw error;
    }
    if (options.sendLink) await this.sendLink(communityRow, row, options.locale, true);
    return { user: toUser(row, userRoles), errors: [] };
  }

  /**
   * An expert account needs an expert profile: what its answers show and what admins verify. When an account gets
   * the EXPERT role without one, an unverified profile with the account's name is made; the expert fills it in.
   */
  private async ensureExpertProfile(
    store: PleinStore,
    user: UserRow,
    userRoles: readonly Role[],
  ): Promise<string | null> {
    if (!userRoles.includes('EXPERT') || user.expert_id !== null) return user.expert_id;
    const expert: ExpertRow = {
      id: newId(),
      community_id: user.community_id,
      display_name: user.display_name,
      title: null,
      organisation: null,
      independent: 0,
      bio: null,
      verified: 0,
      created_at: this.clock().toISOString(),
      photo_url: null,
      photo_alt: null,
    };
    await store.insertExpert(expert, []);
    await store.setUserExpert(user.id, expert.id);
    return expert.id;
  }

  private async sendLinkIfAccount(communityRow: CommunityRow, address: string, locale: Locale): Promise<void> {
    const user = await this.store.userByEmail(communityRow.id, address);
    if (!user || user.disabled_at !== null) {
      this.log.refused({
        method: 'link',
        reason: user ? 'disabled' : 'unknown-account',
        communityId: communityRow.id,
        emailHash: await this.log.emailHash(communityRow.id, address),
      });
      return;
    }
    await this.sendLink(communityRow, user, locale, false);
  }

  private async sendLink(communityRow: CommunityRow, user: UserRow, locale: Locale, welcome: boolean): Promise<void> {
    const now = this.clock();
    const lastHour = new Date(now.getTime() - 60 * MINUTE).toISOString();
    if ((await this.store.countSignInLinksSince(user.id, lastHour)) >= SIGN_IN_LINKS_PER_HOUR) {
      this.log.refused({
        method: 'link',
        reason: 'too-many-links',
        communityId: communityRow.id,
        emailHash: await this.log.emailHash(communityRow.id, user.email),
      });
      return;
    }
    const token = newOwnerToken();
    await this.store.insertSignInLink({
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SIGN_IN_LINK_MS).toISOString(),
      used_at: null,
    });
    try {
      await this.settings.mailer.send(
        signInLinkMail({
          to: user.email,
          locale,
          community: communityRow.name,
          url: this.linkUrl(communityRow.slug, token),
          welcome,
        }),
      );
    } catch (error) {
      this.settings.onError?.(error, 'sign-in link');
    }
  }

  /** The host page with `?plein-link=TOKEN` added (next to any query it already has). */
  linkUrl(communitySlug: string, token: string): string {
    const url = new URL(this.settings.signInUrl.replaceAll('{community}', encodeURIComponent(communitySlug)));
    url.searchParams.set('plein-link', token);
    return url.toString();
  }

  private signedIn(session: IssuedSession): SignInResult {
    return { session: { token: session.token, expiresAt: session.expiresAt }, viewer: session.viewer, errors: [] };
  }

  private refuseLink(reason: string, communityId: string | null): SignInResult {
    this.log.refused({ method: 'link', reason, communityId });
    return linkInvalid;
  }

  /** Counts a failure for an address without an account; true when it is "locked" like a real account would be. */
  private countUnknownFailure(key: string, now: number): boolean {
    const entry = this.unknownFailures.get(key) ?? { failures: 0, lockedUntil: 0 };
    this.unknownFailures.delete(key);
    if (this.unknownFailures.size >= UNKNOWN_ACCOUNTS_REMEMBERED) {
      const oldest = this.unknownFailures.keys().next().value;
      if (oldest !== undefined) this.unknownFailures.delete(oldest);
    }
    this.unknownFailures.set(key, entry);
    if (entry.lockedUntil > now) return true;
    entry.failures += 1;
    const lockMs = lockoutFor(entry.failures);
    if (lockMs > 0) entry.lockedUntil = now + lockMs;
    return false;
  }

  private async communityForCli(slug: string): Promise<CommunityRow> {
    const row = await this.store.communityBySlug(slug);
    if (!row) throw new Error(`Geen community "${slug}".`);
    return row;
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.settings.onError?.(error, 'sign-in link'))
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

function toUser(row: UserRow, userRoles: readonly Role[]): User {
  return {
    id: row.id,
    communityId: row.community_id,
    email: row.email,
    displayName: row.display_name,
    roles: [...userRoles],
    expertId: row.expert_id,
    lockedUntil: row.locked_until,
    hasPassword: row.password_hash !== null,
  };
}

/** One error per field, in the order of the form. */
function inputErrors(issues: z.core.$ZodIssue[]): UserError[] {
  const byField = new Map<string, UserError>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (byField.has(field)) continue;
    if (issue.code === 'too_small') byField.set(field, { field, code: 'REQUIRED' });
    else if (issue.code === 'too_big')
      byField.set(field, { field, code: 'TOO_LONG', params: { max: Number(issue.maximum) } });
    else if (field === 'email') byField.set(field, { field, code: 'INVALID_EMAIL' });
    else byField.set(field, { field, code: 'REQUIRED' });
  }
  return [...byField.values()];
}
