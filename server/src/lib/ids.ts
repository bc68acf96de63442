import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe identifier with `bytes` bytes of entropy (128 bits by default). */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a secret token, hex: what the database keeps instead of the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
