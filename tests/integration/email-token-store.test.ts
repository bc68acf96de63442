import { createEmailStore, createUserStore, EmailTokenPurpose, type Sql } from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

const T0 = 1_780_000_000_000;
const HOUR = 60 * 60 * 1000;

async function people(sql: Sql) {
  const users = createUserStore(sql);
  for (const id of ['alex', 'sam']) {
    await users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'h', createdAt: T0 });
  }
  return createEmailStore(sql);
}

const link = (hash: string, purpose: EmailTokenPurpose, now = T0, email = 'alex@example.com') => ({
  hash,
  userId: 'alex',
  purpose,
  email,
  now,
  expiresAt: now + HOUR,
});

describeOnEachEngine('the email token store', (sql) => {
  it('spends a link once, only for its purpose, only while live, and only the latest one', async () => {
    const email = await people(sql());
    await email.issue(link('first', EmailTokenPurpose.reset));
    await email.issue(link('second', EmailTokenPurpose.reset, T0 + 1));
    await email.issue(link('verify', EmailTokenPurpose.verify, T0 + 2));
    // A newer link of the same purpose replaced the first.
    expect(await email.take('first', EmailTokenPurpose.reset, T0 + 3)).toBeNull();
    expect(await email.take('second', EmailTokenPurpose.verify, T0 + 3)).toBeNull();
    expect(await email.take('second', EmailTokenPurpose.reset, T0 + 3)).toEqual({
      userId: 'alex',
      email: 'alex@example.com',
    });
    expect(await email.take('second', EmailTokenPurpose.reset, T0 + 4)).toBeNull();
    // Expired.
    expect(await email.take('verify', EmailTokenPurpose.verify, T0 + 2 + HOUR)).toBeNull();

    await email.issue(link('third', EmailTokenPurpose.reset, T0 + 5));
    await email.retireAll('alex', EmailTokenPurpose.reset, T0 + 6);
    expect(await email.take('third', EmailTokenPurpose.reset, T0 + 7)).toBeNull();
    await email.issueNothing(T0 + 8);
  });

  it('gives a link to exactly one of many clicks arriving at once', async () => {
    const email = await people(sql());
    await email.issue(link('raced', EmailTokenPurpose.reset));
    // On PostgreSQL each take runs on its own pooled connection, at the same time.
    const takes = await Promise.all(
      Array.from({ length: 12 }, () => email.take('raced', EmailTokenPurpose.reset, T0 + 1)),
    );
    expect(takes.filter((row) => row !== null)).toEqual([{ userId: 'alex', email: 'alex@example.com' }]);
  });

  it('tracks the address: pending change, confirmation, and a move the unique index can refuse', async () => {
    const email = await people(sql());
    expect(await email.isVerified('alex')).toBe(false);
    expect(await email.markVerified('alex', 'old@example.com', T0)).toBe(false);
    expect(await email.markVerified('alex', 'alex@example.com', T0)).toBe(true);
    expect(await email.isVerified('alex')).toBe(true);

    expect(await email.pendingChange('alex', T0)).toBeNull();
    await email.issue(link('move', EmailTokenPurpose.changeEmail, T0, 'new@example.com'));
    expect(await email.pendingChange('alex', T0 + 1)).toBe('new@example.com');
    expect(await email.pendingChange('alex', T0 + HOUR)).toBeNull();

    expect(await email.moveEmail('alex', 'sam@example.com', T0 + 2)).toBe(false);
    expect(await email.moveEmail('alex', 'new@example.com', T0 + 2)).toBe(true);
    expect(await createUserStore(sql()).findById('alex')).toMatchObject({ email: 'new@example.com' });
  });
});
