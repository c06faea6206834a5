import type { Role } from '../store/database-schema.ts';
import { ServiceError } from './errors.ts';

/**
 * Who a request comes from, read from its bearer token by the session service; null for anonymous callers (most
 * citizens). Services receive it as a parameter, so the same rule holds for GraphQL, the CLI and tests.
 */
export interface Viewer {
  sessionId: string;
  communityId: string;
  /** Null for a citizen signed in through a host portal. */
  userId: string | null;
  /** The account's name, or a portal citizen's stable pseudonym. */
  displayName: string;
  roles: ReadonlySet<Role>;
  /** The expert profile of an expert account. */
  expertId: string | null;
  portalCitizen: boolean;
  expiresAt: string;
}

/** The viewer, or UNAUTHENTICATED. */
export function requireViewer(viewer: Viewer | null | undefined): Viewer {
  if (!viewer) throw new ServiceError('UNAUTHENTICATED');
  return viewer;
}

/**
 * The viewer when they hold one of `roles` in `communityId`, else UNAUTHENTICATED (nobody signed in) or FORBIDDEN.
 * An admin of one community has no rights in another.
 */
export function requireRole(viewer: Viewer | null | undefined, communityId: string, ...roles: Role[]): Viewer {
  const signedIn = requireViewer(viewer);
  if (signedIn.communityId !== communityId || !roles.some((role) => signedIn.roles.has(role))) {
    throw new ServiceError('FORBIDDEN');
  }
  return signedIn;
}

export function hasRole(viewer: Viewer | null | undefined, communityId: string, role: Role): boolean {
  return !!viewer && viewer.communityId === communityId && viewer.roles.has(role);
}
