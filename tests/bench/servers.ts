import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The reference Yjs server (@y/websocket-server 0.1.1, in memory, no auth) as its own process
 * on loopback, started the way its README says.
 */
export async function startReferenceServer(
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  return startScript(
    join(import.meta.dirname, '../node_modules/@y/websocket-server/src/server.js'),
    extraEnv,
  );
}

/** A bare `ws` server that only holds connections (ws-hold.mjs): the floor for memory. */
export function startHoldingServer(extraEnv: Record<string, string> = {}) {
  return startScript(join(import.meta.dirname, 'ws-hold.mjs'), extraEnv);
}

async function startScript(
  script: string,
  extraEnv: Record<string, string>,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn('node', [script], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
