// Beyond one machine (issue 19, "Measured"): the many-couples load (many-couples.ts) on one
// instance over SQLite, on one instance over PostgreSQL + Redis (as production would run it),
// and on two instances over one PostgreSQL + Redis with every couple's partners on different
// instances; then, for one instance and for two (both on PostgreSQL + Redis), the most edits
// per second carried with p99 ≤ P99_BOUND_MS and every edit delivered, and the ratio. Part of
// `pnpm bench`; alone with BENCH_ONLY=instances. One run of each, not the median of several:
// the section has to fit in about five minutes.
//
// Growth needs each instance to have CPU of its own, which one 2-core machine does not give:
// uncapped, both instances, the load generator (every client, one Node process), PostgreSQL
// and Redis share the same two cores, so whatever the second instance takes, the others lose
// (measured so, growth came out anywhere from × 1.00 to × 2.81 between runs). So the searches
// run each instance under a CPU quota of its own (cpu-cap.ts, BENCH_INSTANCE_CORES, 0.35 of a
// core unless told: two of them then leave 1.3 cores to PostgreSQL, Redis and the clients, so
// the instances, not the rest, are what runs out), as if on a small machine of its own; the bench prints how busy the machine and the clients were at
// each step, so a step bound by them rather than by the instances shows. Two instances are
// searched twice: with every couple's partners split between them (every edit crosses, so it
// is applied on both: the worst case), and with each couple's partners on one instance and
// the couples spread over both (what a load balancer routing by space gives).
import { createPostgresSql, openPostgres, type Sql } from '@twofold/server/testing';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer, type AppServer } from '../helpers/app-server.ts';
import { startInstances } from '../helpers/instances.ts';
import {
  BENCH_BUDGET_ENV,
  manyCouples,
  twofoldServers,
  type Layout,
  type LoadResult,
  type Target,
} from './many-couples.ts';
import { seedCouples, seedCouplesInto, type SeededCouple } from './seed.ts';
import { capCpu } from './cpu-cap.ts';
import { measureCrossInstanceFloor } from './cross-instance-floor.ts';
import { cpuSeconds, ms } from './stats.ts';

export interface InstanceSizes {
  couples: number;
  /** Seconds of load for the three fixed runs (BENCH_SECONDS). */
  seconds: number;
  /** Seconds of load per throughput step (BENCH_RAMP_SECONDS). */
  rampSeconds: number;
  /** Each instance's CPU in the throughput searches, in cores (BENCH_INSTANCE_CORES; 0: uncapped). */
  instanceCores: number;
}

/** The latency bound of the throughput search: a step carries its load if p99 stays under it. */
export const P99_BOUND_MS = 250;
/** Edits per second, each partner, of the first step; then doubled up to MAX_DOUBLINGS times. */
const FIRST_RATE = 1;
const MAX_DOUBLINGS = 4;
/**
 * Halvings of the gap between the last step carried and the first one not carried: three
 * leave an eighth of it, so a growth figure is within about ± 10 %.
 */
const BISECTIONS = 3;
/** The most steps a search can take, so how many couples to seed for it. */
const MAX_STEPS = 1 + MAX_DOUBLINGS + BISECTIONS;

export interface RampStep {
  /** Edits per second, each partner, asked for. */
  rate: number;
  carried: boolean;
  load: LoadResult;
}

export interface Ramp {
  steps: RampStep[];
  /** The step carried with the most edits per second (sent), if any was. */
  best: RampStep | undefined;
}

/** Progress on stderr: the section runs for minutes. */
const note = (text: string) => console.error(`instances: ${text}`);

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** Runs `work` on a fresh pool of its own over `url`, ended afterwards. */
async function withPostgres<T>(url: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const pool = await openPostgres(url, { max: 2 });
  try {
    return await work(createPostgresSql(pool));
  } finally {
    await pool.end();
  }
}

/**
 * Waits (at most 15 s) until the servers have used under 5 % of a core for a quarter of a
 * second: an overloaded step leaves a backlog, which must not count against the next.
 */
async function untilQuiet(pids: number[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const start = pids.map(cpuSeconds);
    await sleep(250);
    const used = pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - start[i]!, 0);
    if (used < 0.05 * 0.25 * pids.length) return;
  }
}

/**
 * The throughput search on `target`: the many-couples load at FIRST_RATE edits per second per
 * partner, doubled while it is carried (p99 ≤ P99_BOUND_MS, every edit delivered), at most
 * MAX_DOUBLINGS times; then BISECTIONS halvings between the last rate carried and the first
 * not. Every step has couples of its own (`couplesFor(step)`), so no room carries a previous
 * step's edits in memory, and bounded time: `seconds` of load and the load's drain deadline.
 */
async function throughputRamp(
  target: Target,
  couplesFor: (step: number) => SeededCouple[],
  seconds: number,
): Promise<Ramp> {
  const steps: RampStep[] = [];
  const run = async (rate: number) => {
    await untilQuiet(target.pids());
    const load = await manyCouples(target, couplesFor(steps.length), { seconds, editsPerSecond: rate });
    note(`${target.name}, ${rate}/s each partner: p99 ${ms(load.p99)}, ${load.delivered} / ${load.sent}`);
    const carried = load.delivered === load.sent && load.p99 <= P99_BOUND_MS;
    steps.push({ rate, carried, load });
    return carried;
  };
  let low = 0;
  let high: number | undefined;
  for (let rate = FIRST_RATE, n = 0; n <= MAX_DOUBLINGS; rate *= 2, n++) {
    if (!(await run(rate))) {
      high = rate;
      break;
    }
    low = rate;
  }
  for (let n = 0; high !== undefined && n < BISECTIONS; n++) {
    const rate = (low + high) / 2;
    if (await run(rate)) low = rate;
    else high = rate;
  }
  const carried = steps.filter((step) => step.carried);
  const best = carried.reduce<RampStep | undefined>(
    (top, step) => (!top || step.load.editsPerSecond > top.load.editsPerSecond ? step : top),
    undefined,
  );
  return { steps, best };
}

/** "4000 / 4000 (all)" or "3990 / 4000 (10 lost)". */
function deliveredText(load: LoadResult): string {
  const lost = load.sent - load.delivered;
  return `${load.delivered} / ${load.sent} (${lost === 0 ? 'all' : `${lost} not delivered`})`;
}

/** "CPU 310 µs per edit (160 + 150 per instance)". */
function cpuText(load: LoadResult): string {
  const each = load.cpuMicrosPerEditPerInstance;
  const split = each.length > 1 ? ` (${each.map((v) => v.toFixed(0)).join(' + ')} per instance)` : '';
  return `CPU ${load.cpuMicrosPerEdit.toFixed(0)} µs per edit${split}`;
}

const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

function rampText(ramp: Ramp): string {
  return ramp.steps
    .map(
      (step) =>
        `${step.rate}/s: ${step.load.editsPerSecond.toFixed(0)} edits/s p99 ${step.load.p99.toFixed(1)} ms` +
        `${step.load.delivered === step.load.sent ? '' : `, ${step.load.sent - step.load.delivered} lost`}` +
        ` (machine ${percent(step.load.machineBusy)}, clients ${step.load.clientCores.toFixed(2)} cores)` +
        (step.carried ? '' : ' ✗'),
    )
    .join('; ');
}

const bestText = (ramp: Ramp) =>
  ramp.best
    ? `${ramp.best.load.editsPerSecond.toFixed(0)} edits/s (${ramp.best.rate}/s each partner, p99 ${ms(ramp.best.load.p99)}, ${cpuText(ramp.best.load)})`
    : 'none carried';

/**
 * Caps every server of `servers` at `cores` of CPU for the throughput searches (cpu-cap.ts).
 * `release` lifts the caps; `text` says how the searches ran, capped or (when `cores` is 0
 * or the machine cannot) not.
 */
function capServers(servers: AppServer[], cores: number): { release: () => void; text: string } {
  const released: (() => void)[] = [];
  const release = () => {
    for (const undo of released.splice(0)) undo();
  };
  const uncapped = (why: string) =>
    `uncapped (${why}): the instances, PostgreSQL, Redis and the clients share the machine's ${cpus().length} cores, so the second instance gets no core of its own`;
  if (cores <= 0) return { release, text: uncapped('BENCH_INSTANCE_CORES=0') };
  try {
    for (const server of servers) released.push(capCpu(server.pid(), cores));
  } catch (error) {
    release();
    note(`no CPU cap: ${String(error)}`);
    return { release, text: uncapped(`no CPU cap here: ${String(error)}`) };
  }
  return {
    release,
    text: `each instance capped at ${cores} cores (a cgroup CPU quota), as on a machine of its own; PostgreSQL, Redis and the clients share the rest of the machine's ${cpus().length} cores`,
  };
}

/**
 * The instances section: its table rows and its JSON. Starts and stops every server and
 * engine it uses (a SQLite server; PostgreSQL, Redis and one instance; PostgreSQL, Redis and
 * two instances), one after the other, so nothing else of the bench runs meanwhile.
 */
export async function instancesSection(sizes: InstanceSizes) {
  const { couples, seconds, rampSeconds, instanceCores } = sizes;
  const env = BENCH_BUDGET_ENV;
  // The fixed run's couples first, then each search step's.
  const slice = (all: SeededCouple[], step: number) => all.slice(step * couples, (step + 1) * couples);

  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-bench-instances-'));
  const sqliteCouples = await seedCouples(join(dataDir, 'twofold.sqlite'), couples);
  note('SQLite, 1 instance');
  const sqliteServer = await startAppServer({ dataDir, env });
  const sqlite = await manyCouples(twofoldServers('SQLite, 1 instance', [sqliteServer]), sqliteCouples, {
    seconds,
  });
  await sqliteServer.stop();

  /** The fixed run (uncapped: the design's latency), then one search per layout, capped. */
  const onPostgres = async (count: number, layouts: Layout[]) => {
    note(`PostgreSQL + Redis, ${count} instance(s)`);
    const instances = await startInstances(count, env);
    try {
      const seeded = await withPostgres(instances.databaseUrl, (sql) =>
        seedCouplesInto(sql, couples * (1 + layouts.length * MAX_STEPS)),
      );
      const name = `PostgreSQL + Redis, ${count} instance(s)`;
      const fixed = await manyCouples(twofoldServers(name, instances.servers), slice(seeded, 0), { seconds });
      const cap = capServers(instances.servers, instanceCores);
      const ramps: Ramp[] = [];
      try {
        for (const [i, layout] of layouts.entries()) {
          const target = twofoldServers(`${name}, ${layout}`, instances.servers, layout);
          ramps.push(
            await throughputRamp(target, (step) => slice(seeded, 1 + i * MAX_STEPS + step), rampSeconds),
          );
        }
      } finally {
        cap.release();
      }
      // Alone on the idle engines once the load is over (see cross-instance-floor.ts).
      await untilQuiet(instances.servers.map((server) => server.pid()));
      const floor = await measureCrossInstanceFloor(instances.databaseUrl, instances.redis.url);
      return { fixed, ramps, capText: cap.text, floor };
    } finally {
      await instances.stop();
    }
  };
  const one = await onPostgres(1, ['partners split']);
  const two = await onPostgres(2, ['partners split', 'couples spread']);
  const [oneRamp] = one.ramps as [Ramp];
  const [splitRamp, spreadRamp] = two.ramps as [Ramp, Ramp];

  const growthOf = (ramp: Ramp) =>
    oneRamp.best && ramp.best ? ramp.best.load.editsPerSecond / oneRamp.best.load.editsPerSecond : Number.NaN;
  const growthSplit = growthOf(splitRamp);
  const growthSpread = growthOf(spreadRamp);
  const growthText = (growth: number) => `× ${growth.toFixed(2)}${growth >= 1.7 ? ' (met)' : ' (not met)'}`;
  const crossRatio = two.fixed.p50 / sqlite.p50;
  const floor = sqlite.p50 + two.floor.appendP50 + two.floor.redisHopP50;
  const load = `${couples} couples, 1 edit/s each partner, ${seconds} s, one run`;
  const rows: [string, string, string][] = [
    [
      `instances: ${load}; SQLite, 1 instance: p50 / p99`,
      `${ms(sqlite.p50)} / ${ms(sqlite.p99)}`,
      `delivered ${deliveredText(sqlite)}; ${cpuText(sqlite)}`,
    ],
    [
      '  PostgreSQL + Redis, 1 instance: p50 / p99',
      `${ms(one.fixed.p50)} / ${ms(one.fixed.p99)}`,
      `delivered ${deliveredText(one.fixed)}; ${cpuText(one.fixed)}`,
    ],
    [
      '  PostgreSQL + Redis, 2 instances, partners split: p50 / p99',
      `${ms(two.fixed.p50)} / ${ms(two.fixed.p99)}`,
      `delivered ${deliveredText(two.fixed)}; ${cpuText(two.fixed)}`,
    ],
    [
      '  cross-instance p50 / SQLite p50 (goal ≤ 2×)',
      `× ${crossRatio.toFixed(2)}`,
      crossRatio <= 2 ? 'met' : 'not met',
    ],
    [
      '  its floor: SQLite p50 + one append + one Redis hop, timed alone',
      `${ms(floor)} (× ${(floor / sqlite.p50).toFixed(2)})`,
      `append p50 ${ms(two.floor.appendP50)} (committed, fsynced), Redis publish → subscriber p50 ${ms(two.floor.redisHopP50)}; durable before shared puts both in series on every cross-instance edit`,
    ],
    [
      `  most edits/s with p99 ≤ ${P99_BOUND_MS} ms, all delivered (${rampSeconds} s steps): 1 instance`,
      bestText(oneRamp),
      `${one.capText}; ${rampText(oneRamp)}`,
    ],
    ['  2 instances, partners split', bestText(splitRamp), `${two.capText}; ${rampText(splitRamp)}`],
    ['  2 instances, couples spread', bestText(spreadRamp), rampText(spreadRamp)],
    [
      '  growth 1 → 2 instances, partners split (goal ≥ 1.7×)',
      growthText(growthSplit),
      'every edit applied on both instances',
    ],
    [
      '  growth 1 → 2 instances, couples spread (goal ≥ 1.7×)',
      growthText(growthSpread),
      'each edit on one instance',
    ],
  ];
  const results = {
    sizes,
    p99BoundMs: P99_BOUND_MS,
    sqlite,
    postgresOneInstance: one.fixed,
    postgresTwoInstances: two.fixed,
    crossInstanceP50OverSqliteP50: crossRatio,
    crossInstanceFloor: two.floor,
    searchCpu: one.capText,
    rampOneInstance: oneRamp,
    rampTwoInstancesPartnersSplit: splitRamp,
    rampTwoInstancesCouplesSpread: spreadRamp,
    growthOneToTwoPartnersSplit: growthSplit,
    growthOneToTwoCouplesSpread: growthSpread,
  };
  return { rows, results };
}
