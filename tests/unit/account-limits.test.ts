import { describe, expect, it } from 'vitest';
import { createAccountLimits } from '../../server/src/sync/account-limits.ts';

const settings = { socketsPerAccount: 3, workMsPerSecond: 100, workBurstMs: 500 };

describe('the limits of one account across its sockets', () => {
  it('allows a set number of open sockets per account, and one more once one closes', () => {
    const limits = createAccountLimits(settings, () => 0);
    for (let i = 0; i < 3; i++) expect(limits.openSocket('alex')).toBe(true);
    expect(limits.openSocket('alex')).toBe(false);
    expect(limits.openSocket('sam')).toBe(true);
    limits.closeSocket('alex');
    expect(limits.openSocket('alex')).toBe(true);
  });

  it('lets an account spend a burst of work, refuses it after, and refills it over time', () => {
    let now = 0;
    const limits = createAccountLimits(settings, () => now);
    expect(limits.spendWork('alex', 400)).toBe(true);
    expect(limits.spendWork('alex', 200)).toBe(false);
    expect(limits.hasWork('alex')).toBe(false);
    expect(limits.hasWork('sam')).toBe(true);
    now += 1000; // 100 ms back: from -100 to 0
    expect(limits.hasWork('alex')).toBe(true);
    now += 60_000;
    // Never more than the burst, however long the account waited.
    expect(limits.spendWork('alex', 500)).toBe(true);
    expect(limits.spendWork('alex', 1)).toBe(false);
  });

  it('keeps what an account spent across its reconnects', () => {
    const limits = createAccountLimits(settings, () => 0);
    limits.openSocket('alex');
    limits.spendWork('alex', 600);
    limits.closeSocket('alex');
    expect(limits.hasWork('alex')).toBe(false);
  });
});
