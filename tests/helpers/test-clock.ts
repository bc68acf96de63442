/** A clock tests can move, in place of the server's system clock. */
export function testClock(start = Date.UTC(2026, 10, 22, 9)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}
export type TestClock = ReturnType<typeof testClock>;
