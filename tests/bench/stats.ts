import { existsSync, readFileSync } from 'node:fs';

/** The value at quantile q (0..1) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** Median and spread (min–max) of repeated measurements. */
export function summary(values: readonly number[]): { median: number; min: number; max: number } {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * The whole machine's CPU time so far, in ticks, from the first line of /proc/stat: `busy` is
 * everything but idle and waiting for I/O. Every process counts, the bench's own and any other.
 */
export function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const [, , , idle = 0, iowait = 0] = fields;
  return { busy: total - idle - iowait, total };
}

export interface SettledMemory {
  /** V8 heap in use plus memory outside it (Buffers, ArrayBuffers), after two full GCs. */
  heapAndExternal: number;
  rss: number;
}

/**
 * Asks a server preloaded with memory-probe.mjs to collect garbage twice and report what is
 * left (SIGUSR2; the answer is written to `file`). The same reading for both servers.
 */
export async function settledMemory(pid: number, file: string): Promise<SettledMemory> {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (text && text !== previous) {
      try {
        const usage = JSON.parse(text) as { heapUsed: number; external: number; rss: number };
        return { heapAndExternal: usage.heapUsed + usage.external, rss: usage.rss };
      } catch {
        // caught half-written; read again
      }
    }
    if (Date.now() > deadline) throw new Error(`no memory reading from ${pid}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
