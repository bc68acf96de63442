// Builds the server ahead of time into server/dist: one ES module per entry point, with its
// dependencies bundled in. Serving TypeScript through a runtime transpiler (tsx) cost an idle
// instance ~136 MB and ~1.5 s from start to a healthy /api/health; the bundle ~84 MB and
// ~0.45 s (issue 19; `pnpm bench` reports the current figures). `dev` still runs the sources.
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
  // native helpers, absent here and looked up at run time.
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  // Bundled CommonJS packages (ws) call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
