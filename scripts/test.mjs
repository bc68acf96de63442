// Runs every check and test in order, then prints one closing line: "N passed, M failed".
// Format, lint and types first (fast, and they cannot drift), then the client build the
// end-to-end tests use, then unit + integration (vitest), then end-to-end (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;

function run(label, command, args, cwd = root) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return result.status === 0;
}

function check(label, command, args, cwd) {
  if (run(label, command, args, cwd)) passed++;
  else failed++;
}

const bin = (name) => join(root, 'node_modules/.bin', name);

check('format (prettier)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
check('lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']);
for (const project of ['shared', 'server', 'client', 'tests']) {
  check(`types (${project})`, bin('tsc'), ['-p', project]);
}
const built = run('build client', 'node', [
  join(root, 'scripts/pnpm.mjs'),
  '--filter',
  '@twofold/client',
  'build',
]);
if (!built) failed++;
// The end-to-end specs run the server as production does, built ahead of time.
check('build server', 'node', [join(root, 'server/scripts/build.mjs')]);

const vitestReport = join(reports, 'vitest.json');
run(
  'unit + integration (vitest)',
  join(root, 'tests/node_modules/.bin/vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  join(root, 'tests'),
);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed +=
    report.numFailedTests +
    (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
  if (report.numPendingTests + report.numTodoTests > 0) {
    console.error(
      `✗ ${report.numPendingTests + report.numTodoTests} vitest tests are skipped: skipped tests are defects`,
    );
    failed += report.numPendingTests + report.numTodoTests;
  }
} else {
  console.error('✗ vitest wrote no report');
  failed++;
}

const e2eReport = join(reports, 'playwright.json');
if (!built) {
  console.error('✗ end-to-end tests not run: the client did not build');
  failed++;
} else {
  run(
    'end-to-end (Playwright, Chromium)',
    join(root, 'tests/node_modules/.bin/playwright'),
    ['test', '--config', 'e2e/playwright.config.ts'],
    join(root, 'tests'),
  );
  if (existsSync(e2eReport)) {
    const { stats } = JSON.parse(readFileSync(e2eReport, 'utf8'));
    passed += stats.expected;
    failed += stats.unexpected + stats.flaky;
    if (stats.skipped > 0) {
      console.error(`✗ ${stats.skipped} end-to-end tests were skipped: they must run`);
      failed += stats.skipped;
    }
    if (stats.expected + stats.unexpected === 0) {
      console.error('✗ no end-to-end test ran');
      failed++;
    }
  } else {
    console.error('✗ Playwright wrote no report: end-to-end tests could not run');
    failed++;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
