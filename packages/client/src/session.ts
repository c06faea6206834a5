import type { Role, ViewerFieldsFragment } from '@plein/schema';

/** Who is signed in, as the elements need it: no e-mail address, no profile, nothing they do not show. */
export interface SessionViewer {
  id: string;
  displayName: string;
  roles: Role[];
  /** A citizen signed in through the host portal: posts carry `displayName`, a stable pseudonym. */
  portalCitizen: boolean;
  /** The expert profile's id for an expert account. */
  expertId: string | null;
}

/** The session as elements see it: the bearer token stays inside the client. */
export interface SessionInfo {
  expiresAt: string;
  viewer: SessionViewer;
}

/** What is kept per endpoint and community: the bearer token, when it ends, and who it belongs to. */
export interface StoredSession extends SessionInfo {
  token: string;
}

export type SessionChangeReason = 'signed-in' | 'signed-out' | 'expired' | 'unauthenticated';

/** The viewer's public summary, from the ViewerFields fragment the sign-in mutations and the Viewer query return. */
export function sessionViewerOf(viewer: ViewerFieldsFragment): SessionViewer {
  return {
    id: viewer.id,
    displayName: viewer.displayName,
    roles: [...viewer.roles],
    portalCitizen: viewer.portalCitizen,
    expertId: viewer.expert?.id ?? null,
  };
}

const prefix = 'plein:session:';

/** The sessionStorage key: `plein:session:<endpoint>:<community>`. */
export function sessionKey(endpoint: string, community: string): string {
  return `${prefix}${endpoint}:${community}`;
}

function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Partial<StoredSession>;
  return (
    typeof session.token === 'string' &&
    typeof session.expiresAt === 'string' &&
    typeof session.viewer === 'object' &&
    session.viewer !== null &&
    typeof session.viewer.displayName === 'string' &&
    Array.isArray(session.viewer.roles)
  );
}

/**
 * Only where sessionStorage cannot hold a session (switched off, full): then it lives in memory for this page alone.
 * When storage works, it is the one place a session lives, so there is never a second copy to get out of step.
 */
const memory = new Map<string, StoredSession>();

/** Clients that want to hear about a key's session changes; weakly held, so a dropped client is not kept alive. */
const watchers = new Map<string, Set<WeakRef<SessionWatcher>>>();

export interface SessionWatcher {
  sessionChanged(reason: SessionChangeReason): void;
}

/**
 * A signed-in session per endpoint and community: in sessionStorage (gone when the tab closes; survives a reload),
 * never in a cookie or localStorage. Every client of the same endpoint and community on the page shares it and hears
 * when it changes. An expired session is dropped the moment it is read.
 */
export class SessionStore {
  readonly key: string;

  constructor(
    endpoint: string,
    community: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = sessionKey(endpoint, community);
  }

  /** Tells `watcher` about every change of this session, from whichever client made it. */
  watch(watcher: SessionWatcher): void {
    let set = watchers.get(this.key);
    if (!set) watchers.set(this.key, (set = new Set()));
    set.add(new WeakRef(watcher));
  }

  get(): StoredSession | undefined {
    const session = this.read();
    if (!session) return undefined;
    if (Date.parse(session.expiresAt) <= this.now()) {
      this.remove();
      // Not while the caller is still reading (often in a render): listeners hear it right after.
      queueMicrotask(() => this.notify('expired'));
      return undefined;
    }
    return session;
  }

  set(session: StoredSession): void {
    const store = sessionStore();
    try {
      if (!store) throw new Error('no sessionStorage');
      store.setItem(this.key, JSON.stringify(session));
      memory.delete(this.key);
    } catch {
      memory.set(this.key, session);
    }
    this.notify('signed-in');
  }

  /** Forgets the session; `reason` says why, for the listeners. Nothing happens when there was none. */
  clear(reason: Exclude<SessionChangeReason, 'signed-in'>): void {
    if (!this.read()) return;
    this.remove();
    this.notify(reason);
  }

  private read(): StoredSession | undefined {
    try {
      const text = sessionStore()?.getItem(this.key);
      if (text) {
        const value: unknown = JSON.parse(text);
        if (isStoredSession(value)) return value;
        this.remove();
      }
    } catch {
      // Blocked storage or a damaged entry: fall back to memory.
    }
    return memory.get(this.key);
  }

  private remove(): void {
    memory.delete(this.key);
    try {
      sessionStore()?.removeItem(this.key);
    } catch {
      // Blocked storage holds nothing to remove.
    }
  }

  private notify(reason: SessionChangeReason): void {
    const set = watchers.get(this.key);
    if (!set) return;
    for (const ref of [...set]) {
      const watcher = ref.deref();
      if (watcher) watcher.sessionChanged(reason);
      else set.delete(ref);
    }
  }
}
