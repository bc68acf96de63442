// Runs pnpm 10 through npx, so nothing needs a global install (corepack cannot be relied on).
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['-y', 'pnpm@10', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
