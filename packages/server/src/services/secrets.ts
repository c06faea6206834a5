import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** A secret for the asker, 256 random bits; the store keeps only its hash. */
export function newOwnerToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 suffices for a 256-bit random token: it cannot be guessed, so it needs no slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** True when `token` hashes to `hash`, compared in constant time so the comparison reveals nothing. */
export function tokenMatches(hash: string, token: string): boolean {
  const expected = Buffer.from(hash);
  const actual = Buffer.from(hashToken(token));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A random key for the instance's own use (256 bits), for when the configuration gives none. */
export function newSecretKey(): string {
  return randomBytes(32).toString('base64url');
}

/** HMAC-SHA256 of `text` under `key`: without the key, nobody can compute it or link two results. */
export function keyedHash(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}
