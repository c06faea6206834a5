/**
 * Keeps what a citizen typed, so a reload, a failed submit or a crash never loses it. By default a draft lives in
 * sessionStorage: it survives a reload in the same tab and vanishes when the tab closes. Forms whose text must also
 * survive a closed tab (the ask and answer forms) choose localStorage with a `maxAgeMs`, so an old draft does not stay
 * on a shared computer for ever. Storage that is full or switched off is ignored: the form keeps working, it just
 * cannot remember.
 */
export interface DraftStore<T> {
  load(): T | undefined;
  save(value: T): void;
  clear(): void;
}

export interface DraftStoreOptions {
  /** A draft older than this is thrown away when it would be loaded, and when any local store is created. */
  maxAgeMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** What is stored: the value and when it was saved, so an expired draft can be recognised and dropped. */
interface StoredDraft<T> {
  savedAt: number;
  value: T;
}

const draftPrefix = 'plein:draft:';

function storage(kind: 'session' | 'local'): Storage | undefined {
  try {
    return kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function isStoredDraft(value: unknown): value is StoredDraft<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as StoredDraft<unknown>).savedAt === 'number';
}

/** Removes every Plein draft in `store` older than `maxAgeMs`, also those of forms this page never shows again. */
function dropExpiredDrafts(store: Storage, maxAgeMs: number, now: number): void {
  const expired: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i);
    if (!name?.startsWith(draftPrefix)) continue;
    try {
      const stored: unknown = JSON.parse(store.getItem(name) ?? 'null');
      if (isStoredDraft(stored) && now - stored.savedAt > maxAgeMs) expired.push(name);
    } catch {
      expired.push(name);
    }
  }
  for (const name of expired) store.removeItem(name);
}

export function createDraftStore<T>(
  key: string,
  kind: 'session' | 'local' = 'session',
  options: DraftStoreOptions = {},
): DraftStore<T> {
  const name = `${draftPrefix}${key}`;
  const now = options.now ?? Date.now;
  const { maxAgeMs } = options;
  if (maxAgeMs !== undefined) {
    try {
      const store = storage(kind);
      if (store) dropExpiredDrafts(store, maxAgeMs, now());
    } catch {
      // Storage blocked: nothing to clean up.
    }
  }
  return {
    load() {
      try {
        const text = storage(kind)?.getItem(name);
        if (!text) return undefined;
        const stored: unknown = JSON.parse(text);
        if (!isStoredDraft(stored)) return undefined;
        if (maxAgeMs !== undefined && now() - stored.savedAt > maxAgeMs) {
          storage(kind)?.removeItem(name);
          return undefined;
        }
        return stored.value as T;
      } catch {
        return undefined;
      }
    },
    save(value) {
      try {
        const stored: StoredDraft<T> = { savedAt: now(), value };
        storage(kind)?.setItem(name, JSON.stringify(stored));
      } catch {
        // Full or blocked storage: keep working without a saved draft.
      }
    },
    clear() {
      try {
        storage(kind)?.removeItem(name);
      } catch {
        // As above.
      }
    },
  };
}

/**
 * The asker's owner tokens, kept in localStorage only after a question was posted, so the asker can manage it later
 * from the same browser. Nothing is stored for people who only read.
 */
export function rememberOwnerToken(questionId: string, token: string): void {
  try {
    storage('local')?.setItem(`plein:owner:${questionId}`, token);
  } catch {
    // Without storage the asker cannot manage the question later from this browser; posting still worked.
  }
}

export function ownerTokenFor(questionId: string): string | undefined {
  try {
    return storage('local')?.getItem(`plein:owner:${questionId}`) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetOwnerToken(questionId: string): void {
  try {
    storage('local')?.removeItem(`plein:owner:${questionId}`);
  } catch {
    // Nothing to forget without storage.
  }
}

/** Every owner token this browser keeps, for "Mijn vragen". */
export function ownedTokens(): string[] {
  const local = storage('local');
  const tokens: string[] = [];
  try {
    for (let i = 0; local && i < local.length; i++) {
      const key = local.key(i);
      if (key?.startsWith('plein:owner:')) tokens.push(local.getItem(key) ?? '');
    }
  } catch {
    // Storage blocked: no questions to show.
  }
  return tokens.filter(Boolean).slice(0, 50);
}

/** Keeps the owner token of an answer written here, so its writer sees it while it waits for a moderator. */
export function rememberAnswerToken(questionId: string, token: string): void {
  try {
    const tokens = answerTokensFor(questionId);
    storage('local')?.setItem(`plein:answers:${questionId}`, JSON.stringify([...tokens, token].slice(-50)));
  } catch {
    // As for question tokens.
  }
}

export function answerTokensFor(questionId: string): string[] {
  try {
    const text = storage('local')?.getItem(`plein:answers:${questionId}`);
    const value: unknown = text ? JSON.parse(text) : [];
    return Array.isArray(value) ? value.filter((token): token is string => typeof token === 'string') : [];
  } catch {
    return [];
  }
}

const DEVICE_KEY = 'plein:device';
/** Where an earlier version kept the same kind of key, for helpful votes only. */
const LEGACY_VOTER_KEY = 'plein:voter';
/** What the server takes as a device key (16 to 100 printable characters); anything else is replaced. */
const usableKey = /^[\x21-\x7e]{16,100}$/;

/**
 * A random key for this browser: one per browser, made on the first write and kept in localStorage. It is no account
 * and says nothing about the person: the server keeps only a keyed hash of it, for one vote per answer, the repeat
 * check, first-post pre-moderation, rate limits and blocking a device. The client sends it with writes only (the
 * `Plein-Device` header and a vote's `voterKey`); reads go without it.
 *
 * A browser that already has a helpful-vote key (`plein:voter`, from before there was a device key) keeps that value
 * as its device key, so its earlier votes still count as its own and it never holds two keys. Without storage every
 * call makes a fresh key: the browser then simply looks new each time.
 */
export function deviceKey(): string {
  const local = storage('local');
  try {
    const existing = local?.getItem(DEVICE_KEY);
    if (existing && usableKey.test(existing)) return existing;
    const legacy = local?.getItem(LEGACY_VOTER_KEY);
    const key = legacy && usableKey.test(legacy) ? legacy : crypto.randomUUID();
    local?.setItem(DEVICE_KEY, key);
    local?.removeItem(LEGACY_VOTER_KEY);
    return key;
  } catch {
    return crypto.randomUUID();
  }
}

/** The key a helpful vote carries: the device key (see `deviceKey`). */
export function deviceVoterKey(): string {
  return deviceKey();
}

const FLAGGED_KEY = 'plein:flagged';
const MAX_FLAGGED = 500;

/** A question or answer, as `QUESTION:<id>` or `ANSWER:<id>`. */
export function contentKey(content: { kind: string; id: string | number }): string {
  return `${content.kind}:${content.id}`;
}

function readFlagged(): string[] {
  try {
    const value: unknown = JSON.parse(storage('local')?.getItem(FLAGGED_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Remembers that this browser reported a question or answer, so "Melden" shows "Gemeld" after a reload. Only the
 * content's kind and id are kept, never the reason or the note.
 */
export function rememberFlagged(content: { kind: string; id: string | number }): void {
  const key = contentKey(content);
  try {
    const flagged = readFlagged().filter((known) => known !== key);
    storage('local')?.setItem(FLAGGED_KEY, JSON.stringify([...flagged, key].slice(-MAX_FLAGGED)));
  } catch {
    // Without storage the button forgets after a reload; the server still counts one flag per device.
  }
}

export function hasFlagged(content: { kind: string; id: string | number }): boolean {
  return readFlagged().includes(contentKey(content));
}
