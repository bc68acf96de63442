import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/src/auth/passwords.ts';

const PASSWORD = 'correct horse battery staple';

describe('password hashing', () => {
  it('verifies the password it hashed, and no other', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('stores a salted scrypt hash that never contains the password', async () => {
    const [first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(PASSWORD);
  });

  it('accepts the same password typed in another Unicode form', async () => {
    const composed = 'café au lait, always'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it('never matches a malformed stored hash, and never throws on one', async () => {
    const real = await hashPassword(PASSWORD);
    const parts = real.split('$');
    const malformed = [
      '',
      'garbage',
      'bcrypt$2b$10$abcdefghijklmnopqrstuv',
      'scrypt$32768$8$1$$',
      real.slice(0, real.lastIndexOf('$')),
      [...parts.slice(0, 5), ''].join('$'),
      ['scrypt', 'many', ...parts.slice(2)].join('$'),
      ['scrypt', '3', ...parts.slice(2)].join('$'),
      ['scrypt', '32768', '0', ...parts.slice(3)].join('$'),
      [...parts.slice(0, 5), Buffer.from('a different key').toString('base64')].join('$'),
    ];
    for (const stored of malformed) {
      await expect(verifyPassword(PASSWORD, stored), stored).resolves.toBe(false);
    }
  });
});
