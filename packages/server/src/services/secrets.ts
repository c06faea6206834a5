import { createHash, randomBytes, randomUUID } from 'node:crypto';

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
