/** Polls `condition` until it returns true (or a value), failing with `message` at the deadline. */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeout = 10_000, message = 'condition' }: { timeout?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${message}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
