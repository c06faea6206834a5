import type { Locale } from '../i18n/locale.ts';
import type { Answer, Question } from './models.ts';

/** What happened, after the transaction that made it committed. Listeners run after the caller got its answer. */
export interface ServiceEventMap {
  /** An answer became visible to everyone (posted unheld, or approved later by a moderator). */
  'answer-published': { answer: Answer; question: Question };
  /** A question was stored; `notifyEmail` is the address the asker gave for follow-up, before any confirmation. */
  'question-asked': { question: Question; notifyEmail: string | null; locale: Locale };
}

type Listener<Name extends keyof ServiceEventMap> = (event: ServiceEventMap[Name]) => void | Promise<void>;

/**
 * A small typed hub so services that react (mail, live updates) stay apart from the services that write. A failing
 * listener is reported to `onError` and never undoes or fails the write that caused it.
 */
export class ServiceEvents {
  private readonly listeners = new Map<keyof ServiceEventMap, Set<Listener<never>>>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown, name: string) => void = () => {}) {}

  on<Name extends keyof ServiceEventMap>(name: Name, listener: Listener<Name>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<Name extends keyof ServiceEventMap>(name: Name, event: ServiceEventMap[Name]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      const run = Promise.resolve()
        .then(() => (listener as Listener<Name>)(event))
        .catch((error: unknown) => this.onError(error, name))
        .finally(() => this.pending.delete(run));
      this.pending.add(run);
    }
  }

  /** Listeners started and not yet finished: a queue size for `/metrics`. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Resolves when every listener started so far has finished: for tests and for a clean shutdown. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
