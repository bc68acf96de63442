import { closeSync, openSync, readSync } from 'node:fs';

/**
 * CPU time the calling thread has used, in milliseconds. Cost limits count CPU rather than wall
 * time: on a busy machine wall time also counts the moments the OS gave the core to someone
 * else, and an honest update must not be refused for that. And the thread's own, not the
 * process's: the collector's helper threads, the WAL checkpointer and the replay worker run
 * beside the main thread, and an update must not be charged for them (with the whole process
 * counted, an honest 8,000-item update was stopped at 50 ms under load).
 *
 * On Linux it is the first field of `/proc/thread-self/schedstat` (nanoseconds on CPU), read
 * with one `pread` of a file opened once per thread that imports this module: 1.1–1.4 µs a
 * call, against 0.65 µs for `process.cpuUsage()` (2 × EPYC; `pnpm bench` prints both). The
 * kernel brings the figure up to date at each tick and context switch, so it can lag by one
 * tick (up to 4 ms): fine for budgets of tens of milliseconds, and the lag does not add up.
 * Elsewhere, or when the file cannot be read, it falls back to `process.cpuUsage()` (every
 * thread of the process).
 */
export const cpuMs: () => number = threadClock() ?? processCpuMs;

/** CPU time of the whole process (user + system, every thread), in milliseconds. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Adds up main-thread CPU ms spent for one request, to be charged to whoever made it. */
export interface WorkMeter {
  ms: number;
}

/** Runs `work` (synchronous) and adds its CPU ms on this thread to `meter`; returns what it returns. */
export function metered<T>(meter: WorkMeter, work: () => T): T {
  const started = cpuMs();
  try {
    return work();
  } finally {
    meter.ms += cpuMs() - started;
  }
}

/** Which clock `cpuMs` reads, for the bench's report. */
export const cpuClock: 'thread' | 'process' = cpuMs === processCpuMs ? 'process' : 'thread';

/** A reader of this thread's schedstat, or null when there is none to read. */
function threadClock(): (() => number) | null {
  if (process.platform !== 'linux') return null;
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return null;
  }
  const buffer = Buffer.alloc(64);
  const read = (): number => {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    // Digits up to the first space, parsed by hand: no string for every call.
    let ns = 0;
    for (let i = 0; i < length; i++) {
      const digit = buffer[i]! - 48;
      if (digit < 0 || digit > 9) break;
      ns = ns * 10 + digit;
    }
    return ns / 1e6;
  };
  try {
    // This thread has run (it is loading modules): a kernel without scheduler statistics
    // answers with nothing or zero.
    if (read() === 0) throw new Error('no schedstat');
  } catch {
    closeSync(fd);
    return null;
  }
  return read;
}
