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

export function createConnectionBudget(limits: BudgetLimits = DEFAULT_BUDGET, now: () => number = Date.now) {
  let messages = limits.messagesPerSecond * limits.burstSeconds;
  let bytes = limits.bytesPerSecond * limits.burstSeconds;
  let last = now();
  return {
    /** Spends one message of `size` bytes; false once the connection is over its budget. */
    spend(size: number): boolean {
      const current = now();
      const elapsed = Math.max(0, current - last) / 1000;
      last = current;
      messages = Math.min(
        limits.messagesPerSecond * limits.burstSeconds,
        messages + elapsed * limits.messagesPerSecond,
      );
      bytes = Math.min(limits.bytesPerSecond * limits.burstSeconds, bytes + elapsed * limits.bytesPerSecond);
      messages -= 1;
      bytes -= size;
      return messages >= 0 && bytes >= 0;
    },
  };
}
