import { describe, expect, it } from 'vitest';
import {
  emailSchema,
  isStrongPassword,
  loginSchema,
  MIN_PASSWORD_LENGTH,
  signupSchema,
} from '@twofold/shared';

describe('email addresses', () => {
  it('treats an address typed with capitals or stray spaces as the same address', () => {
    expect(emailSchema.parse('  Alex@Example.TEST ')).toBe('alex@example.test');
    expect(loginSchema.parse({ email: 'ALEX@example.test\t', password: 'x' }).email).toBe(
      'alex@example.test',
    );
    expect(
      signupSchema.parse({ email: 'Sam@Example.test', password: 'a long enough password', name: 'Sam' })
        .email,
    ).toBe('sam@example.test');
  });

  it('refuses anything that is not an email address', () => {
    for (const email of [
      '',
      '   ',
      'alex',
      'alex@',
      '@example.test',
      'alex example@test',
      `${'a'.repeat(250)}@example.test`,
    ]) {
      expect(emailSchema.safeParse(email).success, JSON.stringify(email)).toBe(false);
    }
  });
});

describe('passwords', () => {
  it(`accepts a password from ${MIN_PASSWORD_LENGTH} characters and refuses a shorter one`, () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(isStrongPassword('')).toBe(false);
    expect(isStrongPassword('123456789')).toBe(false);
    expect(isStrongPassword('1234567890')).toBe(true);
    expect(isStrongPassword('correct horse battery staple')).toBe(true);
  });

  it('counts characters as a person sees them, not UTF-16 units', () => {
    // Nine emoji are 18 UTF-16 code units but only nine characters.
    expect(isStrongPassword('🔒'.repeat(9))).toBe(false);
    expect(isStrongPassword('🔒'.repeat(10))).toBe(true);
  });
});

describe('names', () => {
  it('trims a name and refuses an empty one', () => {
    const input = { email: 'sam@example.test', password: 'a long enough password' };
    expect(signupSchema.parse({ ...input, name: '  Sam  ' }).name).toBe('Sam');
    expect(signupSchema.safeParse({ ...input, name: '   ' }).success).toBe(false);
    expect(signupSchema.safeParse({ ...input, name: 'x'.repeat(81) }).success).toBe(false);
  });
});
