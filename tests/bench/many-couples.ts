// The many-couples load of `pnpm bench`: every partner of every couple connected, each editing
// on a timer, the partner's client timing each edit's arrival. One load shape for every server
// and layout the bench compares (run.ts: Twofold against the reference; instances.ts: SQLite,
// PostgreSQL, two instances).
import type { AppServer } from '../helpers/app-server.ts';
import { benchClient, type BenchClient } from './clients.ts';
import type { SeededCouple } from './seed.ts';
import { cpuSeconds, machineTicks, quantile, type SettledMemory } from './stats.ts';

/** A server (or several) under load, as the bench clients reach it. */
export interface Target {
  name: string;
  /** The server processes whose CPU is counted, in a fixed order (one per instance). */
  pids: () => number[];
  /** Settled memory (see memory-probe.mjs); without it no memory is read and no settling wait is spent. */
  memory?(): Promise<SettledMemory>;
  /** A client for one partner of a couple: where it connects is the target's choice. */
  connect(couple: SeededCouple, partner: 0 | 1): BenchClient;
}

/** Server environment lifting the per-connection budget: it protects people from floods, and a benchmark is a flood by design. */
export const BENCH_BUDGET_ENV: Record<string, string> = {
  SYNC_MESSAGES_PER_SEC: '1000000',
  SYNC_BYTES_PER_SEC: '1000000000',
};

/**
 * Where each partner connects when there are several servers: `partners split` puts partner 0
 * of every couple on `servers[0]` and partner 1 on `servers[1]` (with two servers every edit
 * crosses between instances: the worst case for the design); `couples spread` puts both
 * partners of a couple on one server, the couples taking the servers in turn (what a load
 * balancer routing by space would do).
 */
export type Layout = 'partners split' | 'couples spread';

/**
 * Twofold servers as one target, laid out by `layout`, each partner signed in with the seeded
 * session; CPU counted over every server.
 */
export function twofoldServers(
  name: string,
  servers: AppServer[],
  layout: Layout = 'partners split',
): Target {
  const homes = new Map<string, number>();
  const serverFor = (couple: SeededCouple, partner: 0 | 1) => {
    if (layout === 'partners split') return servers[partner % servers.length]!;
    let home = homes.get(couple.spaceId);
    if (home === undefined) homes.set(couple.spaceId, (home = homes.size % servers.length));
    return servers[home]!;
  };
  return {
    name,
    pids: () => servers.map((server) => server.pid()),
    connect: (couple, partner) =>
      benchClient(
        `${serverFor(couple, partner).url.replace('http', 'ws')}/api/spaces/${couple.spaceId}`,
        'sync',
        couple.tokens[partner],
      ),
  };
}

export interface LoadOptions {
  /** How long the partners edit. */
  seconds: number;
  /** Edits per second, each partner (1 unless told). */
  editsPerSecond?: number;
}

export type LoadResult = Awaited<ReturnType<typeof manyCouples>>;

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** How long the last edits may take to arrive once the partners stop, before they count as lost. */
const DRAIN_MS = 10_000;

/** How long every client may take to connect and sync before the load gives up. */
const SYNC_DEADLINE_MS = 60_000;

/** Resolves once every client has synced; rejects, saying how many had not, after SYNC_DEADLINE_MS. */
async function allSynced(clients: BenchClient[]): Promise<void> {
  let done = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${clients.length - done} of ${clients.length} clients did not sync`)),
      SYNC_DEADLINE_MS,
    );
  });
  try {
    await Promise.race([Promise.all(clients.map((client) => client.synced.then(() => done++))), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connects both partners of every couple to `target`, has each partner push the time into a
 * list of its own `editsPerSecond` times a second (phases spread at random over the first
 * interval) for `seconds`, and reports how long each edit took to reach the partner (p50,
 * p99), how many were sent and delivered, and the servers' CPU per edit, summed and per
 * process. With `target.memory`, also memory per couple idle and after the load.
 */
export async function manyCouples(target: Target, couples: SeededCouple[], options: LoadOptions) {
  const { seconds, editsPerSecond = 1 } = options;
  const memory = target.memory?.bind(target);
  // Let the previous run's connections close and its rooms leave memory first: read while
  // they are still going, the baseline would be too high.
  if (memory) await sleep(3000);
  const before = await memory?.();
  const pairs = couples.map((couple) => [target.connect(couple, 0), target.connect(couple, 1)] as const);
  await allSynced(pairs.flat());
  // Opening the rooms is not the load: let it finish before the CPU is read.
  await sleep(memory ? 2000 : 1000);
  const idle = await memory?.();

  const delays: number[] = [];
  let sent = 0;
  for (const [a, b] of pairs) {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      to.doc.getArray<number>(`from-${from.doc.clientID}`).observe((event) => {
        for (const item of event.changes.added) {
          for (const at of item.content.getContent() as number[]) delays.push(performance.now() - at);
        }
      });
    }
  }
  const pids = target.pids();
  const cpuStart = pids.map(cpuSeconds);
  const machineStart = machineTicks();
  const clientsStart = process.cpuUsage();
  const wallStart = performance.now();
  const period = 1000 / editsPerSecond;
  const timers = pairs.flat().map((client) => {
    const list = client.doc.getArray<number>(`from-${client.doc.clientID}`);
    const tick = () => {
      sent++;
      list.push([performance.now()]);
    };
    const phase = setTimeout(() => {
      tick();
      interval.ref = setInterval(tick, period);
    }, Math.random() * period);
    const interval: { ref?: NodeJS.Timeout } = {};
    return () => {
      clearTimeout(phase);
      clearInterval(interval.ref);
    };
  });
  await sleep(seconds * 1000);
  for (const stop of timers) stop();
  const deadline = Date.now() + DRAIN_MS;
  while (delays.length < sent && Date.now() < deadline) await sleep(50);
  const cpu = pids.map((pid, i) => cpuSeconds(pid) - cpuStart[i]!);
  const machine = machineTicks();
  const clients = process.cpuUsage(clientsStart);
  const wallSeconds = (performance.now() - wallStart) / 1000;
  // Read after the load (collecting garbage stalls a server, which would show in the latency
  // figures), with every client still connected and every document holding its edits.
  const loaded = await memory?.();
  for (const client of pairs.flat()) client.destroy();
  const perEdit = (cpuSecondsUsed: number) => (cpuSecondsUsed / Math.max(1, sent)) * 1e6;
  const perCouple = (after: number | undefined, base: number | undefined) =>
    after === undefined || base === undefined ? null : (after - base) / couples.length;
  return {
    sent,
    delivered: delays.length,
    /** Edits sent per second of load, every partner together. */
    editsPerSecond: sent / seconds,
    p50: quantile(delays, 0.5),
    p99: quantile(delays, 0.99),
    cpuMicrosPerEdit: perEdit(cpu.reduce((sum, value) => sum + value, 0)),
    /** The same, for each of `target.pids()` in its order. */
    cpuMicrosPerEditPerInstance: cpu.map(perEdit),
    /** Cores the bench's own process (every client) kept busy, on average over the load and drain. */
    clientCores: (clients.user + clients.system) / 1e6 / wallSeconds,
    /** Share of the machine's CPU time that was busy meanwhile (every process on it). */
    machineBusy: (machine.busy - machineStart.busy) / Math.max(1, machine.total - machineStart.total),
    idleBytesPerCouple: perCouple(idle?.heapAndExternal, before?.heapAndExternal),
    loadBytesPerCouple: perCouple(loaded?.heapAndExternal, before?.heapAndExternal),
    idleRssBytesPerCouple: perCouple(idle?.rss, before?.rss),
    loadRssBytesPerCouple: perCouple(loaded?.rss, before?.rss),
  };
}
