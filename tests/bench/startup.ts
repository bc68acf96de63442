// How fast an instance starts and how light it sits idle, run from the TypeScript sources
// (tsx, as `dev` does) and from the ahead-of-time build (as `start` and `serve` do). Issue 19's
// goals for the build: ≤ 80 MB idle RSS, ≤ 500 ms from spawn to a healthy /api/health.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverArgs, type ServerEntry } from '../helpers/app-server.ts';
import { freePort } from './servers.ts';

const RUNS = 5;
/** How long an instance sits with nothing to do before its memory is read. */
const IDLE_MS = 3000;

export interface StartupFigures {
  /** Milliseconds from spawn to the first 200 from /api/health, per run. */
  toHealthyMs: number[];
  /** Resident set size after IDLE_MS idle, in bytes, per run. */
  idleRssBytes: number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? 0) * 1024;
}

async function once(entry: ServerEntry): Promise<{ toHealthyMs: number; idleRssBytes: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-startup-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn('node', serverArgs(entry), {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', CLIENT_DIR: '' },
    stdio: 'ignore',
  });
  try {
    // Bounded: a server that is not healthy within 30 s fails the bench.
    for (;;) {
      if (performance.now() - started > 30_000) throw new Error(`${entry}: not healthy within 30 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      await sleep(5);
    }
    const toHealthyMs = performance.now() - started;
    await sleep(IDLE_MS);
    return { toHealthyMs, idleRssBytes: rssBytes(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts a fresh instance RUNS times from `entry`; the server must already be built for `dist`. */
export async function measureStartup(entry: ServerEntry): Promise<StartupFigures> {
  const figures: StartupFigures = { toHealthyMs: [], idleRssBytes: [] };
  for (let run = 0; run < RUNS; run++) {
    const { toHealthyMs, idleRssBytes } = await once(entry);
    figures.toHealthyMs.push(toHealthyMs);
    figures.idleRssBytes.push(idleRssBytes);
  }
  return figures;
}
