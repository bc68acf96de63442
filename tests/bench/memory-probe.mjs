// Preloaded into both servers by the bench (NODE_OPTIONS="--expose-gc --import this-file"), so
// their memory is read the same way: on SIGUSR2, two full garbage collections, then
// process.memoryUsage() written as JSON to BENCH_PROBE_FILE. What is left is what the
// server really holds, not what the collector has not got round to yet.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PROBE_FILE;
if (file && typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => {
    globalThis.gc();
    globalThis.gc();
    writeFileSync(file, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
  });
}
