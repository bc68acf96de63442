import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs inside the worker: its own connection, so copying the write-ahead log back into the
// database never happens on the thread that commits and relays edits.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.postMessage('closed');
});
`;

/**
 * Checkpoints the WAL from a worker thread every `intervalMs`. The main connection turns
 * SQLite's automatic checkpoint off: left on, every few hundred commits one of them stalls for
 * milliseconds while it copies pages, and the partner waits for that edit. A PASSIVE
 * checkpoint never blocks a writer.
 */
export function startCheckpointer(path: string, intervalMs = 1000) {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs } });
  worker.unref();
  return {
    /** Runs a last checkpoint and closes the worker's connection. */
    stop(): Promise<void> {
      return new Promise((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      });
    },
  };
}
