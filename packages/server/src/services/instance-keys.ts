import type { PleinStore } from '../store/store.ts';
import type { Clock } from './clock.ts';
import { keyedHash, newSecretKey } from './secrets.ts';

/**
 * Keys for keyed hashes, one per purpose: derived from PLEIN_SECRET when it is set (so every instance of a cluster
 * agrees), else a random key made once and kept in `instance_secrets` (the same pattern as the vote key).
 */
export class InstanceKeys {
  private readonly keys = new Map<string, Promise<string>>();

  constructor(
    private readonly store: PleinStore,
    private readonly clock: Clock,
    /** PLEIN_SECRET. */
    private readonly secret: string | undefined,
  ) {}

  key(purpose: string): Promise<string> {
    let key = this.keys.get(purpose);
    if (!key) {
      key = this.secret
        ? Promise.resolve(keyedHash(this.secret, `plein:${purpose}`))
        : this.store.instanceSecret(purpose, newSecretKey, this.clock().toISOString());
      key.catch(() => this.keys.delete(purpose));
      this.keys.set(purpose, key);
    }
    return key;
  }
}
