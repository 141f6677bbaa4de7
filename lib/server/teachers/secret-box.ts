// API keys stored in the database are sealed with AES-256-GCM. The key is MAGNET_SECRET_KEY
// (any string; hashed to 32 bytes) or, on a single machine, a random key written once to
// ./data/secret.key (mode 0600). Workers on other machines need the same MAGNET_SECRET_KEY.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

const KEY_FILE = () => path.resolve(process.cwd(), process.env.MAGNET_SECRET_KEY_FILE ?? 'data/secret.key');

function masterKey(): Buffer {
  const env = process.env.MAGNET_SECRET_KEY;
  if (env) return createHash('sha256').update(env, 'utf8').digest();
  const file = KEY_FILE();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another process wrote it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return createHash('sha256').update(readFileSync(file, 'utf8').trim(), 'utf8').digest();
}

/** `v1:<iv>:<tag>:<ciphertext>`, base64 parts. */
export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function unseal(sealed: string): string {
  const [v, iv, tag, data] = sealed.split(':');
  if (v !== 'v1' || !iv || !tag || data === undefined) throw new AppError('invalid', 'a stored API key is unreadable');
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey(), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError(
      'invalid',
      'a stored API key cannot be decrypted with this machine\'s secret key: set MAGNET_SECRET_KEY to the one it was saved with, or enter the key again in Settings',
    );
  }
}
