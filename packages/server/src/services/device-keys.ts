import type { ContentKind } from '../store/database-schema.ts';
import type { InstanceKeys } from './instance-keys.ts';
import { keyedHash } from './secrets.ts';

/** The name of the key behind device hashes in `instance_secrets` (or derived from PLEIN_SECRET). */
export const DEVICE_KEY_NAME = 'device-key';
/** The name of the key behind flag hashes: a different key, so a flag hash says nothing about a device hash. */
export const FLAG_KEY_NAME = 'flag-key';

/**
 * The browser's random key from the `Plein-Device` header: 16 to 100 printable ASCII characters without spaces.
 * Anything else (missing, too short, a list) counts as no key at all. The key itself is never stored or logged.
 */
export function readDeviceKey(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && /^[\x21-\x7e]{16,100}$/.test(header) ? header : null;
}

/**
 * Keyed hashes of the `Plein-Device` key (docs/decisions/0014-moderation-pipeline.md).
 *
 * - The device hash, HMAC(device key, community id + ':' + device key), is stored on every post. It does not rotate:
 *   the repeat check, first-post pre-moderation and a moderator's block need to recognise the device later. It is
 *   no identifier outside Plein or across communities: without the server's key nobody can compute it, and the same
 *   browser gets a different hash in every community.
 * - The flagger hash, HMAC(flag key, kind + ':' + content id + ':' + device key), allows one flag per device and
 *   content. It differs per content, so the flags of one device cannot be linked to each other or to its posts.
 */
export class DeviceHashes {
  constructor(private readonly keys: InstanceKeys) {}

  async device(communityId: string, deviceKey: string | null | undefined): Promise<string | null> {
    if (!deviceKey) return null;
    return keyedHash(await this.keys.key(DEVICE_KEY_NAME), `${communityId}:${deviceKey}`);
  }

  async flagger(kind: ContentKind, contentId: string, deviceKey: string): Promise<string> {
    return keyedHash(await this.keys.key(FLAG_KEY_NAME), `${kind}:${contentId}:${deviceKey}`);
  }
}
