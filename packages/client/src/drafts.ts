/**
 * Keeps what a citizen typed, so a reload, a failed submit or a crash never loses it. Drafts live in sessionStorage:
 * they survive a reload in the same tab and vanish when the tab closes, so a shared computer does not keep them.
 * Storage that is full or switched off is ignored: the form keeps working, it just cannot remember.
 */
export interface DraftStore<T> {
  load(): T | undefined;
  save(value: T): void;
  clear(): void;
}

function storage(kind: 'session' | 'local'): Storage | undefined {
  try {
    return kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function createDraftStore<T>(key: string, kind: 'session' | 'local' = 'session'): DraftStore<T> {
  const name = `plein:draft:${key}`;
  return {
    load() {
      try {
        const text = storage(kind)?.getItem(name);
        return text ? (JSON.parse(text) as T) : undefined;
      } catch {
        return undefined;
      }
    },
    save(value) {
      try {
        storage(kind)?.setItem(name, JSON.stringify(value));
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
