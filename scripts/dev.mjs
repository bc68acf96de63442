// `dev`: the API server with reload (tsx watch) and Vite with hot reload, side by side.
// Vite proxies /api (HTTP and WebSocket) to the API server.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const children = [
  spawn(join(root, 'node_modules/.bin/tsx'), ['watch', 'server/src/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      CLIENT_DIR: '',
      ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173',
    },
  }),
  spawn('node', [join(root, 'scripts/pnpm.mjs'), '--filter', '@twofold/client', 'dev'], {
    cwd: root,
    stdio: 'inherit',
  }),
];

function stop() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
