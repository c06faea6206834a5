import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Encryption at rest for what citizens tell Plein in private: the text of private questions and answers, their
 * e-mail addresses, and the name, address and note of an appointment. AES-256-GCM from node:crypto with a random
 * 96-bit nonce per value; the stored text is `v1.<nonce>.<tag>.<ciphertext>` in base64url. The key comes from the
 * configuration, never from the database, so a copy of the database alone reveals nothing.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  /** Throws when the value was not made with this key or was changed. */
  decrypt(stored: string): string;
}

const VERSION = 'v1';

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error('the encryption key must be 32 bytes (AES-256)');
  return {
    encrypt(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, nonce, cipher.getAuthTag(), data]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(stored) {
      const [version, nonce, tag, data] = stored.split('.');
      if (version !== VERSION || !nonce || !tag || data === undefined) throw new Error('not an encrypted value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** A 32-byte key written as 64 hex characters or 43/44 base64 characters. */
export function parseEncryptionKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('PLEIN_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or base64');
  return key;
}

/**
 * The key from PLEIN_ENCRYPTION_KEY; otherwise from the key file (PLEIN_ENCRYPTION_KEY_FILE, default
 * `./data/plein-encryption.key`), which is made with a random key on first use (mode 0600). Keep the file, or the
 * variable, out of database backups: with both together the private texts can be read.
 */
export function encryptionKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.PLEIN_ENCRYPTION_KEY) return parseEncryptionKey(env.PLEIN_ENCRYPTION_KEY);
  const file = resolve(env.PLEIN_ENCRYPTION_KEY_FILE || './data/plein-encryption.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process made it a moment ago: use that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseEncryptionKey(readFileSync(file, 'utf8'));
}
