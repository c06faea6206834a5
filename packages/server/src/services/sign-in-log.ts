import { keyedHash } from './secrets.ts';
import type { InstanceKeys } from './instance-keys.ts';

/** One refused sign-in as the server log sees it: a reason, never an address, a password, a token or a name. */
export interface SignInRefusal {
  method: 'password' | 'link' | 'portal' | 'oidc';
  /** For example `unknown-account`, `wrong-password`, `locked`, `expired`, `bad-signature`, `unknown-state`. */
  reason: string;
  communityId: string | null;
  /**
   * A keyed hash of the address (16 characters): lets an operator see that many attempts aimed at one address
   * without the log holding the address. Without the instance key it cannot be linked to an address.
   */
  emailHash?: string;
}

/**
 * Refused sign-ins, for the server log (app.ts listens and writes them with the request's logger). Services report
 * here so the rules stay testable without Fastify, and nothing personal reaches a log line.
 */
export class SignInLog {
  private readonly listeners = new Set<(refusal: SignInRefusal) => void>();

  constructor(private readonly keys: InstanceKeys) {}

  listen(listener: (refusal: SignInRefusal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  refused(refusal: SignInRefusal): void {
    for (const listener of this.listeners) listener(refusal);
  }

  /** The hash the log shows for an address in a community. */
  async emailHash(communityId: string, email: string): Promise<string> {
    return keyedHash(await this.keys.key('sign-in-log-key'), `${communityId}:${email}`).slice(0, 16);
  }
}
