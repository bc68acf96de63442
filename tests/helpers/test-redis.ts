import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/**
 * A real Redis server (the Debian `redis-server` package) of its own, on a free loopback port,
 * with no persistence (as the room bus needs none), in a temporary directory. A missing binary
 * or a failed start throws: never a skip.
 */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Stops the server (SIGKILL: what it held is lost, as in a crash) and starts it again on the same port. */
  restart(): Promise<void>;
  /**
   * Freezes the server (SIGSTOP): its connections stay up and nothing is answered, as with a
   * hung host or a partition that sends no reset. `thaw` lets it go on.
   */
  freeze(): void;
  thaw(): void;
  /** Stops the server and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'twofold-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const onExit = () => child?.kill('SIGKILL');

  const start = async () => {
    const server = spawn(
      process.env.REDIS_SERVER ?? 'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = server;
    let output = '';
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`test redis: not ready after 20 s: ${output}`)),
        20_000,
      );
      const listen = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          server.stdout?.off('data', listen);
          resolve();
        }
      };
      server.stdout?.on('data', listen);
      server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      server.once('error', (error) => {
        clearTimeout(timer);
        reject(
          new Error(`test redis: cannot start redis-server (apt-get install redis-server): ${error.message}`),
        );
      });
      server.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`test redis: exited (${code ?? signal}) before ready: ${output}`));
      });
    });
    await ready;
  };

  const kill = async (signal: NodeJS.Signals) => {
    const server = child;
    child = undefined;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGCONT'); // a frozen server would never act on its signal
    server.kill(signal);
    await exited;
  };

  try {
    await start();
  } catch (error) {
    await kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // Even when a test fails or the worker exits early, the server does not outlive the run.
  process.once('exit', onExit);

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    async restart() {
      await kill('SIGKILL');
      await start();
    },
    async stop() {
      process.removeListener('exit', onExit);
      await kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
