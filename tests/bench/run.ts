// `pnpm bench`: Twofold (durable, authenticated) and the reference Yjs server (in memory, no
// auth) under the same loads on loopback, one after the other, in one run; every figure is the
// median and spread of BENCH_RUNS runs. Prints one table and writes JSON to bench-results/.
// Sections, in order: partner latency, many couples, cold open, history on disk, attacks
// (attacks.ts), instances (instances.ts: SQLite, PostgreSQL + Redis, two instances with the
// partners split, and how throughput grows from one instance to two; one run of each), startup
// (startup.ts). BENCH_ONLY=attacks|instances|startup runs one section alone (JSON written too).
// Sizes are set by environment (defaults keep it short):
// BENCH_RUNS (3), BENCH_EDITS (1000), BENCH_COUPLES (200), BENCH_SECONDS (10),
// BENCH_KEYSTROKES (100000), BENCH_RAMP_SECONDS (5, each throughput step of instances),
// BENCH_INSTANCE_CORES (0.35, each instance's CPU quota in the throughput searches; 0: none).
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { WebSocketServer, WebSocket } from 'ws';
import { startAppServer } from '../helpers/app-server.ts';
import {
  ATTACK_COUPLES,
  deadlineOverhead,
  type DeadlineOverhead,
  runAttacks,
  shapeCosts,
  type AttackResult,
  type ShapeCost,
} from './attacks.ts';
import { benchClient, whenDoc } from './clients.ts';
import {
  BENCH_BUDGET_ENV,
  manyCouples,
  twofoldServers,
  type LoadResult,
  type Target,
} from './many-couples.ts';
import { seedCouples, seedLongHistory, type SeededCouple } from './seed.ts';
import { startHoldingServer, startReferenceServer } from './servers.ts';
import { instancesSection } from './instances.ts';
import { measureStartup, type StartupFigures } from './startup.ts';
import { kib, mib, ms, quantile, settledMemory, summary } from './stats.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = env('BENCH_RUNS', 3);
const EDITS = env('BENCH_EDITS', 1000);
const COUPLES = env('BENCH_COUPLES', 200);
const SECONDS = env('BENCH_SECONDS', 10);
const KEYSTROKES = env('BENCH_KEYSTROKES', 100_000);
const RAMP_SECONDS = env('BENCH_RAMP_SECONDS', 5);
const INSTANCE_SIZES = {
  couples: COUPLES,
  seconds: SECONDS,
  rampSeconds: RAMP_SECONDS,
  instanceCores: env('BENCH_INSTANCE_CORES', 0.35),
};

// Measured as production runs it: the server built ahead of time (server/scripts/build.mjs).
execFileSync('node', [join(import.meta.dirname, '../../server/scripts/build.mjs')], { stdio: 'inherit' });
process.env.TWOFOLD_SERVER_ENTRY = 'dist';

// Interrupted, exit properly: the PostgreSQL and Redis the instances section starts are stopped
// by 'exit' handlers (test-postgres.ts, test-redis.ts), which a signal's default skips.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

// Each y-websocket provider adds a process 'exit' listener in Node; hundreds are expected here.
process.setMaxListeners(0);

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

async function wsEchoFloor(): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve) => client.once('open', resolve));
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const start = performance.now();
    client.send(new Uint8Array([i % 256]));
    await new Promise((resolve) => client.once('message', resolve));
    times.push(performance.now() - start);
  }
  client.close();
  server.close();
  return times;
}

/**
 * Memory per couple of a bare `ws` server holding two idle connections per couple: what any
 * WebSocket server pays before it keeps a single document.
 */
async function connectionFloor(couples: number, env: Record<string, string>, file: string): Promise<number> {
  const server = await startHoldingServer(env);
  const open = (n: number) =>
    Promise.all(
      Array.from({ length: n }, async () => {
        const socket = new WebSocket(server.url);
        await new Promise((resolve) => socket.once('open', resolve));
        return socket;
      }),
    );
  for (const socket of await open(20)) socket.close();
  await sleep(500);
  const before = await settledMemory(server.pid, file);
  const sockets = await open(couples * 2);
  await sleep(2000);
  const held = await settledMemory(server.pid, file);
  for (const socket of sockets) socket.close();
  await server.stop();
  return (held.heapAndExternal - before.heapAndExternal) / couples;
}

async function partnerLatency(target: Target, couple: SeededCouple): Promise<number[]> {
  const [a, b] = [target.connect(couple, 0), target.connect(couple, 1)];
  await Promise.all([a.synced, b.synced]);
  const sent = a.doc.getArray<number>('edits');
  const seen = b.doc.getArray<number>('edits');
  const base = seen.length;
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const start = performance.now();
    sent.push([i]);
    await whenDoc(b.doc, () => seen.length === base + i + 1);
    times.push(performance.now() - start);
  }
  a.destroy();
  b.destroy();
  return times;
}

async function coldOpen(target: Target, couple: SeededCouple): Promise<number> {
  const start = performance.now();
  const client = target.connect(couple, 0);
  await client.synced;
  const took = performance.now() - start;
  client.destroy();
  await sleep(100);
  return took;
}

/** The attacks section's rows: the worst delay another couple saw during each attack. */
function attackRows(results: AttackResult[], overhead: DeadlineOverhead, shapes: ShapeCost[]) {
  const rows: [string, string, string][] = [];
  for (const shape of shapes) {
    rows.push([
      `shape cost: ${shape.name}`,
      `apply ${shape.applyUsPerUnit.toFixed(1)} µs/unit (${ms(shape.applyMs)} for ${shape.units})`,
      `load from snapshot ${shape.snapshotLoadUsPerUnit.toFixed(1)} µs/unit, from rows ${shape.rowsLoadUsPerUnit.toFixed(1)}`,
    ]);
  }
  for (const result of results) {
    rows.push([
      `attack: ${result.name}`,
      `worst delay ${ms(result.worstDelayMs)} (${result.otherEdits} edits; server CPU ${ms(result.serverCpuMs)})`,
      `closed ${result.closed}; reopens in ${ms(result.reopenMs)} (other couple's worst delay meanwhile ${ms(result.reopenWorstDelayMs)})`,
    ]);
  }
  rows.push([
    'apply deadline wrapper: honest 20,000-edit update',
    `${ms(overhead.wrappedMs)} with, ${ms(overhead.plainMs)} without`,
    '—',
  ]);
  rows.push([
    `CPU clock of the apply deadline and budgets (${overhead.clock})`,
    `${overhead.clockUs.toFixed(2)} µs a read`,
    `process.cpuUsage() ${overhead.processClockUs.toFixed(2)} µs`,
  ]);
  return rows;
}

function printRows(rows: [string, string, string][]) {
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(`\nTwofold bench — ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}\n`);
  const oursWidth = Math.max(...rows.map((row) => row[1].length));
  console.log(`${'figure'.padEnd(width)}  ${'Twofold'.padEnd(oursWidth)}  reference`);
  for (const [label, ours, theirs] of rows)
    console.log(`${label.padEnd(width)}  ${ours.padEnd(oursWidth)}  ${theirs}`);
}

/** The startup rows: start-to-healthy and idle RSS, from the build and from the sources. */
async function startupRows(results: Record<string, unknown>): Promise<[string, string, string][]> {
  const figures: Record<string, StartupFigures> = {
    dist: await measureStartup('dist'),
    source: await measureStartup('source'),
  };
  results.startup = figures;
  const spread = (values: number[], format: (v: number) => string) => {
    const v = summary(values);
    return `${format(v.median)} (${format(v.min)}–${format(v.max)})`;
  };
  const row = (entry: 'dist' | 'source', label: string): [string, string, string][] => [
    [`${label}: spawn to healthy /api/health`, spread(figures[entry]!.toHealthyMs, ms), '—'],
    [`${label}: idle RSS`, spread(figures[entry]!.idleRssBytes, mib), '—'],
  ];
  return [
    ...row('dist', 'instance from the build (goal ≤ 500 ms, ≤ 80 MB)'),
    ...row('source', 'instance from sources (tsx)'),
  ];
}

/** BENCH_ONLY=startup: only how fast an instance starts and how light it sits idle. */
async function startupOnly() {
  printRows(await startupRows({}));
  process.exit(0);
}

/** BENCH_ONLY=attacks: only the attacks section, against a server of its own. */
async function attacksOnly() {
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-bench-'));
  const couples = await seedCouples(join(dataDir, 'twofold.sqlite'), ATTACK_COUPLES);
  const twofold = await startAppServer({ dataDir });
  const results = await runAttacks(twofold.url, couples, () => twofold.pid());
  await twofold.stop();
  printRows(attackRows(results, deadlineOverhead(), shapeCosts()));
  process.exit(0);
}

/** BENCH_ONLY=instances: only the instances section (instances.ts), with its JSON. */
async function instancesOnly() {
  const { rows, results } = await instancesSection(INSTANCE_SIZES);
  printRows(rows);
  writeResults({ machine: machineFigures(), instances: results });
  process.exit(0);
}

const machineFigures = () => ({ cpus: cpus().length, model: cpus()[0]?.model, node: process.version });

/** Writes `results` as JSON to bench-results/ and prints the file's path. */
function writeResults(results: Record<string, unknown>) {
  const outDir = join(import.meta.dirname, '../../bench-results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nJSON: ${file}`);
}

async function main() {
  if (process.env.BENCH_ONLY === 'attacks') return attacksOnly();
  if (process.env.BENCH_ONLY === 'startup') return startupOnly();
  if (process.env.BENCH_ONLY === 'instances') return instancesOnly();
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-bench-'));
  const dbPath = join(dataDir, 'twofold.sqlite');
  // Every load run, for either server, gets couples of its own: none starts with another
  // run's documents in memory or on disk.
  const couples = await seedCouples(dbPath, 3 + ATTACK_COUPLES + COUPLES * RUNS * 2);
  const attackCouples = couples.splice(3, ATTACK_COUPLES);
  const [latencyCouple, historyCouple, freshCouple, ...loadCouples] = couples as [
    SeededCouple,
    SeededCouple,
    SeededCouple,
    ...SeededCouple[],
  ];
  const couplesFor = (run: number, targetIndex: number) =>
    loadCouples.slice((run * 2 + targetIndex) * COUPLES, (run * 2 + targetIndex + 1) * COUPLES);
  const db = new Database(dbPath, { readonly: true });
  const authorId = (
    db.prepare('SELECT user_id AS id FROM members WHERE space_id = ? LIMIT 1').get(historyCouple.spaceId) as {
      id: string;
    }
  ).id;
  db.close();
  const encodedBytes = seedLongHistory(dbPath, historyCouple.spaceId, authorId, KEYSTROKES);

  // Both servers are preloaded with the same memory probe, so memory is read alike.
  const probe = (name: string) => ({
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc --import ${join(import.meta.dirname, 'memory-probe.mjs')}`,
    BENCH_PROBE_FILE: join(dataDir, `memory-${name}.json`),
  });
  const twofold = await startAppServer({ dataDir, env: { ...BENCH_BUDGET_ENV, ...probe('twofold') } });
  const reference = await startReferenceServer(probe('reference'));
  const twofoldTarget: Target = {
    ...twofoldServers('Twofold', [twofold]),
    memory: () => settledMemory(twofold.pid(), probe('twofold').BENCH_PROBE_FILE),
  };
  const referenceTarget: Target = {
    name: 'reference',
    pids: () => [reference.pid],
    memory: () => settledMemory(reference.pid, probe('reference').BENCH_PROBE_FILE),
    connect: (couple) => benchClient(reference.url, couple.spaceId),
  };

  const results: Record<string, unknown> = {
    machine: machineFigures(),
    versions: { yjs: '13.6', referenceServer: '@y/websocket-server 0.1.1' },
    sizes: { RUNS, EDITS, COUPLES, SECONDS, KEYSTROKES, RAMP_SECONDS },
  };
  const rows: [string, string, string][] = [];

  const floor = await wsEchoFloor();
  results.wsEcho = { p50: quantile(floor, 0.5), p99: quantile(floor, 0.99) };

  const latency: Record<string, { p50: number[]; p99: number[] }> = {};
  for (const target of [twofoldTarget, referenceTarget]) {
    latency[target.name] = { p50: [], p99: [] };
    for (let run = 0; run < RUNS; run++) {
      const times = await partnerLatency(target, latencyCouple);
      latency[target.name]!.p50.push(quantile(times, 0.5));
      latency[target.name]!.p99.push(quantile(times, 0.99));
    }
  }
  results.partnerLatency = Object.fromEntries(
    Object.entries(latency).map(([name, v]) => [name, { p50: summary(v.p50), p99: summary(v.p99) }]),
  );
  const fmt = (v: { median: number; min: number; max: number }) =>
    `${ms(v.median)} (${v.min.toFixed(2)}–${v.max.toFixed(2)})`;
  const pl = results.partnerLatency as Record<
    string,
    { p50: ReturnType<typeof summary>; p99: ReturnType<typeof summary> }
  >;
  rows.push([`partner latency p50, ${EDITS} sequential edits`, fmt(pl.Twofold!.p50), fmt(pl.reference!.p50)]);
  rows.push([`partner latency p99`, fmt(pl.Twofold!.p99), fmt(pl.reference!.p99)]);
  rows.push([
    'raw ws echo floor p50 / Twofold p50 as multiple',
    `${ms(quantile(floor, 0.5))}`,
    `× ${(pl.Twofold!.p50.median / quantile(floor, 0.5)).toFixed(1)}`,
  ]);

  const floorBytes = await connectionFloor(COUPLES, probe('floor'), probe('floor').BENCH_PROBE_FILE);
  results.connectionFloorBytesPerCouple = floorBytes;

  // Repeated runs, the two servers taking turns going first, so neither always meets a
  // machine the other has just warmed up or loaded.
  const load: Record<string, LoadResult[]> = { Twofold: [], reference: [] };
  const targets = [twofoldTarget, referenceTarget];
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      load[target.name]!.push(
        await manyCouples(target, couplesFor(run, targets.indexOf(target)), { seconds: SECONDS }),
      );
    }
  }
  results.manyCouples = load;
  const over = (name: string, pick: (result: LoadResult) => number) => summary(load[name]!.map(pick));
  /** Median and min–max over the runs, for each server: "0.39 ms (0.38–0.41)". */
  const both = (pick: (result: LoadResult) => number, digits: number, unit: string) =>
    [over('Twofold', pick), over('reference', pick)].map(
      (v) => `${v.median.toFixed(digits)} ${unit} (${v.min.toFixed(digits)}–${v.max.toFixed(digits)})`,
    ) as [string, string];
  const KIB = 1024;
  const delivered = (name: string) =>
    load[name]!.every((result) => result.delivered === result.sent)
      ? `all, every run (${load[name]![0]!.delivered} / ${load[name]![0]!.sent})`
      : load[name]!.map((result) => `${result.delivered} / ${result.sent}`).join(', ');
  rows.push([`${COUPLES} couples, 1 edit/s each partner: p50`, ...both((r) => r.p50, 2, 'ms')]);
  rows.push(['  p99', ...both((r) => r.p99, 2, 'ms')]);
  rows.push(['  delivered / sent', delivered('Twofold'), delivered('reference')]);
  rows.push(['  server CPU per edit', ...both((r) => r.cpuMicrosPerEdit, 0, 'µs')]);
  rows.push([
    '  memory per couple, idle (heap + external, after GC)',
    ...both((r) => (r.idleBytesPerCouple ?? Number.NaN) / KIB, 1, 'KiB'),
  ]);
  rows.push([
    '  memory per couple, after load (heap + external, after GC)',
    ...both((r) => (r.loadBytesPerCouple ?? Number.NaN) / KIB, 1, 'KiB'),
  ]);
  rows.push(['  of which two bare ws connections (the floor)', kib(floorBytes), kib(floorBytes)]);
  rows.push([
    '  RSS per couple, idle',
    ...both((r) => (r.idleRssBytesPerCouple ?? Number.NaN) / KIB, 1, 'KiB'),
  ]);
  rows.push([
    '  RSS per couple, after load',
    ...both((r) => (r.loadRssBytesPerCouple ?? Number.NaN) / KIB, 1, 'KiB'),
  ]);

  // Cold open after a restart: a space with KEYSTROKES updates of history against a new one.
  await twofold.restart('SIGTERM');
  const longOpen: number[] = [];
  const newOpen: number[] = [];
  for (let run = 0; run < Math.max(RUNS, 5); run++) {
    longOpen.push(await coldOpen(twofoldTarget, historyCouple));
    newOpen.push(await coldOpen(twofoldTarget, freshCouple));
  }
  results.coldOpen = { long: summary(longOpen), fresh: summary(newOpen) };
  rows.push([`open a space with ${KEYSTROKES} keystrokes of history`, ms(summary(longOpen).median), '—']);
  rows.push(['open a new space', ms(summary(newOpen).median), '—']);

  const disk = new Database(dbPath, { readonly: true });
  const key = `space:${historyCouple.spaceId}`;
  const logBytes = (
    disk
      .prepare('SELECT COALESCE(SUM(LENGTH(data)), 0) AS n FROM doc_updates WHERE doc_key = ?')
      .get(key) as { n: number }
  ).n;
  const snapBytes = (
    disk
      .prepare('SELECT COALESCE(SUM(LENGTH(data)), 0) AS n FROM doc_snapshots WHERE doc_key = ?')
      .get(key) as { n: number }
  ).n;
  disk.close();
  results.disk = { encodedBytes, logBytes, snapBytes, ratio: (logBytes + snapBytes) / encodedBytes };
  rows.push([
    'history on disk (log + snapshot) / encoded doc',
    `${mib(logBytes + snapBytes)} / ${mib(encodedBytes)} = × ${((logBytes + snapBytes) / encodedBytes).toFixed(2)}`,
    '—',
  ]);

  // Last: an attack leaves its attacker's account over budget and its room reloaded.
  const attacks = await runAttacks(twofold.url, attackCouples, () => twofold.pid());
  const overhead = deadlineOverhead();
  const shapes = shapeCosts();
  results.attacks = { runs: attacks, deadlineOverhead: overhead, shapes };
  rows.push(...attackRows(attacks, overhead, shapes));

  await twofold.stop();
  await reference.stop();
  // After the load runs, each with nothing else running, so none disturbs another.
  const instances = await instancesSection(INSTANCE_SIZES);
  results.instances = instances.results;
  rows.push(...instances.rows);
  rows.push(...(await startupRows(results)));

  printRows(rows);
  writeResults(results);
  process.exit(0);
}

await main();
