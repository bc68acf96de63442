/**
 * A point where a background pass is held until the test lets it go: the pass calls `hold()`
 * (from a store method the test wraps), `reached` resolves once it got there, `release` lets
 * it carry on. For checking that a stop waits for the pass in flight.
 */
export function holdPoint() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrive!: () => void;
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  return {
    reached,
    release,
    async hold(): Promise<void> {
      arrive();
      await released;
    },
  };
}

/**
 * Whether `stopping` (a stop or close that should be waiting for a held pass) is still
 * unsettled a moment later. Not a timing: a stop that does not wait settles within a tick.
 */
export async function stillWaiting(stopping: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void stopping.finally(() => (settled = true)).catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 30));
  return !settled;
}
