// Builds the server ahead of time into server/dist: one ES module per entry point, with its
// dependencies bundled in. Serving TypeScript through a runtime transpiler (tsx) cost an idle
// instance ~136 MB and ~1.5 s from start to a healthy /api/health; the bundle ~68 MiB and
// ~0.46 s (issue 19; `pnpm bench` reports the current figures). `dev` still runs the sources.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: serverDir,
  entryPoints: {
    main: 'src/main.ts',
    backup: 'src/backup.ts',
    'migrate-to-postgres': 'src/migrate-to-postgres.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  minify: true,
  // better-sqlite3 loads a compiled addon; bufferutil and utf-8-validate are ws's optional
  // native helpers, absent here and looked up at run time. pg, ioredis, nodemailer and web-push
  // are required at first use, from node_modules (src/lib/on-demand.ts): an instance that does
  // not use them never parses them.
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate', 'pg', 'ioredis', 'nodemailer', 'web-push'],
  // Bundled CommonJS packages (ws) call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
