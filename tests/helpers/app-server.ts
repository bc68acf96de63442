import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const repoRoot = join(import.meta.dirname, '../..');

export interface AppServer {
  url: string;
  dataDir: string;
  /**
   * Stops the server (SIGKILL by default: a crash) and starts it again on the same port and
   * data. `whileDown` runs after the old process has exited and before the new one starts.
   */
  restart(signal?: NodeJS.Signals, whileDown?: () => void | Promise<void>): Promise<void>;
  /** The current server process id (for CPU and memory readings). */
  pid(): number;
  /** How the previous process ended: its exit code, or the signal that killed it. */
  lastExit(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  stop(): Promise<void>;
}

/**
 * How the server is started: `source` runs the TypeScript through tsx (what integration tests
 * change and run at once), `dist` the ahead-of-time build `pnpm build` makes (what production
 * serves; the end-to-end run builds it first and sets TWOFOLD_SERVER_ENTRY=dist).
 */
export type ServerEntry = 'source' | 'dist';

/** The node arguments that start the server from `entry`. */
export function serverArgs(entry: ServerEntry): string[] {
  return entry === 'dist'
    ? [join(repoRoot, 'server/dist/main.js')]
    : ['--import', 'tsx', join(repoRoot, 'server/src/main.ts')];
}

const defaultEntry = (): ServerEntry => (process.env.TWOFOLD_SERVER_ENTRY === 'dist' ? 'dist' : 'source');

function launch(
  dataDir: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('node', serverArgs(defaultEntry()), {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLIENT_DIR: join(repoRoot, 'client/dist'),
      AUTH_RATE_LIMIT_PER_MIN: '1000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const event = JSON.parse(line) as { event?: string; url?: string };
        if (event.event === 'listening' && event.url) {
          clearTimeout(timer);
          resolve({ child, url: event.url });
        }
      } catch {
        // not one of our log lines
      }
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the real server as its own process on a free port, with a fresh SQLite file. */
export async function startAppServer(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<AppServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'twofold-server-'));
  const first = await launch(dataDir, 0, options.env);
  const url = first.url;
  let child = first.child;
  const port = Number(new URL(url).port);
  let previous: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  return {
    url,
    dataDir,
    pid: () => child.pid ?? 0,
    lastExit: () => previous,
    async restart(signal = 'SIGKILL', whileDown) {
      child.kill(signal);
      await exited(child);
      previous = { code: child.exitCode, signal: child.signalCode };
      await whileDown?.();
      ({ child } = await launch(dataDir, port, options.env));
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
