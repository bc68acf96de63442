/**
 * What one account may take from the sync server at once, across all its sockets (issue 14):
 * a number of open sockets, and main-thread time spent on its messages. Bytes and messages per
 * connection (connection-budget.ts) cannot catch a cheap-looking update that is costly to
 * apply, and a per-connection count would reset with every reconnect; this one does not.
 */
export interface AccountLimitSettings {
  /** Open sync sockets per account: each device opens two (shared and private document). */
  socketsPerAccount: number;
  /** CPU time per second the account's messages may use (ms), refilled continuously. */
  workMsPerSecond: number;
  /**
   * ...and how much of it may be used at once (ms): more than the largest update the caps
   * allow may take (update-check.ts, apply-cost.ts), so one honest sync always fits.
   */
  workBurstMs: number;
}

export const DEFAULT_ACCOUNT_LIMITS: AccountLimitSettings = {
  socketsPerAccount: 16,
  workMsPerSecond: 100,
  workBurstMs: 1000,
};

interface Account {
  sockets: number;
  /** Work left to spend (ms), as of `at`. */
  work: number;
  at: number;
}

/** Accounts are forgotten once they have no socket and their work budget is full again. */
const PRUNE_ABOVE = 1000;

/**
 * The limits of every account with a sync socket. `now` is in milliseconds (injected for
 * tests). Not persisted: a restart forgets spent work, which a restart's own pause outweighs.
 */
export function createAccountLimits(
  settings: AccountLimitSettings = DEFAULT_ACCOUNT_LIMITS,
  now: () => number = () => performance.now(),
) {
  const accounts = new Map<string, Account>();

  const refill = (account: Account) => {
    const current = now();
    account.work = Math.min(
      settings.workBurstMs,
      account.work + ((current - account.at) / 1000) * settings.workMsPerSecond,
    );
    account.at = current;
    return account;
  };
  const accountOf = (userId: string) => {
    let account = accounts.get(userId);
    if (!account) {
      if (accounts.size >= PRUNE_ABOVE) prune();
      account = { sockets: 0, work: settings.workBurstMs, at: now() };
      accounts.set(userId, account);
    }
    return refill(account);
  };
  const prune = () => {
    for (const [userId, account] of accounts) {
      if (account.sockets === 0 && refill(account).work >= settings.workBurstMs) accounts.delete(userId);
    }
  };

  return {
    /** Takes one socket for `userId`; false (and nothing taken) when it already has the most. */
    openSocket(userId: string): boolean {
      const account = accountOf(userId);
      if (account.sockets >= settings.socketsPerAccount) return false;
      account.sockets++;
      return true;
    },
    /** Gives back a socket taken with `openSocket`. */
    closeSocket(userId: string): void {
      const account = accounts.get(userId);
      if (account && account.sockets > 0) account.sockets--;
    },
    /** Charges `ms` of work to `userId`; false once the account has used more than its budget. */
    spendWork(userId: string, ms: number): boolean {
      const account = accountOf(userId);
      account.work -= ms;
      return account.work >= 0;
    },
    /** False while the account is still over its work budget (refused until it has refilled). */
    hasWork(userId: string): boolean {
      return accountOf(userId).work >= 0;
    },
  };
}
export type AccountLimits = ReturnType<typeof createAccountLimits>;
