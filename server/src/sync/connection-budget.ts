/**
 * What one connection may cost: a token bucket for messages and one for bytes, refilled every
 * second and allowed to burst to a few seconds' worth. A person typing, moving the caret and
 * reconnecting with a backlog stays far below it; a flood does not. Decoding a Yjs update
 * costs CPU in proportion to its size, so bounding bytes per second bounds what one socket
 * can take from everybody else.
 */
export interface BudgetLimits {
  messagesPerSecond: number;
  bytesPerSecond: number;
  burstSeconds: number;
}

export const DEFAULT_BUDGET: BudgetLimits = {
  messagesPerSecond: 200,
  bytesPerSecond: 4 * 1024 * 1024,
  burstSeconds: 3,
};

/**
 * A class rather than a closure: a connection holds one small object, not an object, a closure
 * and its context.
 */
export class ConnectionBudget {
  private messages: number;
  private bytes: number;
  private last: number;

  constructor(
    private readonly limits: BudgetLimits = DEFAULT_BUDGET,
    private readonly now: () => number = Date.now,
  ) {
    this.messages = limits.messagesPerSecond * limits.burstSeconds;
    this.bytes = limits.bytesPerSecond * limits.burstSeconds;
    this.last = now();
  }

  /** Spends one message of `size` bytes; false once the connection is over its budget. */
  spend(size: number): boolean {
    const { limits } = this;
    const current = this.now();
    const elapsed = Math.max(0, current - this.last) / 1000;
    this.last = current;
    this.messages = Math.min(
      limits.messagesPerSecond * limits.burstSeconds,
      this.messages + elapsed * limits.messagesPerSecond,
    );
    this.bytes = Math.min(
      limits.bytesPerSecond * limits.burstSeconds,
      this.bytes + elapsed * limits.bytesPerSecond,
    );
    this.messages -= 1;
    this.bytes -= size;
    return this.messages >= 0 && this.bytes >= 0;
  }
}

export function createConnectionBudget(
  limits: BudgetLimits = DEFAULT_BUDGET,
  now: () => number = Date.now,
): ConnectionBudget {
  return new ConnectionBudget(limits, now);
}
