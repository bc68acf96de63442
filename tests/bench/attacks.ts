// The attacks of issue 14 against a running Twofold server, each while another couple edits:
// the worst delay that couple's edits saw while the attack ran, how the attacking socket was
// closed, and how long the attacked space then takes to open. Part of `pnpm bench`; alone
// with BENCH_ONLY=attacks.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SESSION_COOKIE, updateMessage } from '@twofold/shared';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { inParts, manyMapKeys, prependedText, scatteredDeletes } from '../helpers/crafted-updates.ts';
import { benchClient, whenDoc } from './clients.ts';
import type { SeededCouple } from './seed.ts';
import { cpuSeconds } from './stats.ts';

export interface AttackResult {
  name: string;
  /** Worst delay (ms) one of the other couple's edits saw while the attack ran. */
  worstDelayMs: number;
  otherEdits: number;
  closed: string;
  /** CPU time (ms) the server used from the attack's first frame until it was closed. */
  serverCpuMs: number;
  /** Time (ms) to open the attacked space afterwards, as its owner. */
  reopenMs: number;
  /** Worst delay (ms) one of the other couple's edits saw while the attacked space was reopened. */
  reopenWorstDelayMs: number;
}

/** How many couples `runAttacks` needs: one editing, one attacker per attack. */
export const ATTACK_COUPLES = 7;

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

function rawSocket(url: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends frames (spaced by `everyMs` if given) and resolves with the close code and reason. */
async function sendUntilClosed(ws: WebSocket, frames: Uint8Array[], everyMs = 0): Promise<string> {
  const closed = new Promise<string>((resolve) =>
    ws.once('close', (code, reason) => resolve(`${code} ${reason.toString()}`)),
  );
  for (const frame of frames) {
    if (ws.readyState !== WebSocket.OPEN) break;
    ws.send(frame);
    if (everyMs) await sleep(everyMs);
  }
  const timeout = sleep(5000).then(() => 'still open');
  const result = await Promise.race([closed, timeout]);
  ws.terminate();
  return result;
}

function drips(count: number, each: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 1001;
  const text = doc.getText('attack');
  const frames: Uint8Array[] = [];
  for (let sent = 0; sent < count; sent += each) {
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (let i = 0; i < each; i++) text.insert(0, 'y');
    });
    frames.push(updateMessage(Y.encodeStateAsUpdate(doc, before)));
  }
  return frames;
}

/** Runs each attack against `baseUrl` (http) with `couples` (ATTACK_COUPLES of them). */
export async function runAttacks(
  baseUrl: string,
  couples: SeededCouple[],
  serverPid: () => number,
): Promise<AttackResult[]> {
  const [others, ...attackers] = couples as [SeededCouple, ...SeededCouple[]];
  const wsBase = (couple: SeededCouple) => `${baseUrl.replace('http', 'ws')}/api/spaces/${couple.spaceId}`;
  const attacks: {
    name: string;
    frames: () => Uint8Array[];
    everyMs?: number;
    /** Sent on a second socket once the first is closed. */
    after?: () => Uint8Array[];
  }[] = [
    {
      // In parts of 4,000 items, the most one update may carry.
      name: 'n² conflict walk, 2 × 8,000 items (4 × 28 KB)',
      frames: () =>
        [...inParts(prependedText(1000, 8000)), ...inParts(prependedText(1001, 8000))].map(updateMessage),
    },
    {
      name: 'n² walk in drips of 20 items, 10 ms apart',
      frames: () => [...inParts(prependedText(1000, 8000)).map(updateMessage), ...drips(8000, 20)],
      everyMs: 10,
    },
    {
      name: 'unknown-client delete set, 300,000 ranges (1.2 MB)',
      frames: () => [updateMessage(scatteredDeletes(424242, 300_000))],
    },
    {
      name: 'unknown-client delete set, 30,000 ranges, then 100 tiny updates/s for 2 s',
      frames: () => [updateMessage(scatteredDeletes(424242, 30_000))],
      after: () => Array.from({ length: 200 }, (_, i) => updateMessage(prependedText(5000 + i, 1))),
      everyMs: 10,
    },
    {
      // Each at the cap on structs per update; the sixth would pass the document's cap.
      name: 'distinct map keys under the structs cap, 6 × 4,000',
      frames: () => Array.from({ length: 6 }, (_, i) => updateMessage(manyMapKeys(3000 + i, 4_000, `m${i}`))),
    },
    {
      name: 'distinct map keys, 5 × 30,000 (5 × 600 KB)',
      frames: () =>
        Array.from({ length: 5 }, (_, i) => updateMessage(manyMapKeys(2000 + i, 30_000, `m${i}`))),
    },
  ];

  const results: AttackResult[] = [];
  for (const [index, attack] of attacks.entries()) {
    const attacker = attackers[index]!;
    const frames = attack.frames();
    const writer = benchClient(wsBase(others), 'sync', others.tokens[0]);
    const reader = benchClient(wsBase(others), 'sync', others.tokens[1]);
    await Promise.all([writer.synced, reader.synced]);
    const seen = reader.doc.getArray<number>(`edits-${index}`);
    const sentAt: number[] = [];
    let worst = 0;
    let reopenWorst = 0;
    // Edits sent from here on count for the reopening, not the attack.
    let reopenFrom = Number.POSITIVE_INFINITY;
    seen.observe((event) => {
      for (const item of event.changes.added) {
        for (const value of item.content.getContent() as number[]) {
          const delay = performance.now() - sentAt[value]!;
          if (value < reopenFrom) worst = Math.max(worst, delay);
          else reopenWorst = Math.max(reopenWorst, delay);
        }
      }
    });
    const typing = setInterval(() => {
      sentAt.push(performance.now());
      writer.doc.getArray<number>(`edits-${index}`).push([sentAt.length - 1]);
    }, 5);
    await sleep(200);
    const ws = await rawSocket(`${wsBase(attacker)}/sync`, attacker.tokens[0]);
    const cpuBefore = cpuSeconds(serverPid());
    const closed = await sendUntilClosed(ws, frames, attack.everyMs);
    const serverCpuMs = (cpuSeconds(serverPid()) - cpuBefore) * 1000;
    if (attack.after) {
      const second = await rawSocket(`${wsBase(attacker)}/sync`, attacker.tokens[0]);
      await sendUntilClosed(second, attack.after(), attack.everyMs);
    }
    await sleep(200);

    // The attacker's partner opens the space (the attacker's own account may be waiting out
    // its work budget), while the other couple keeps editing.
    reopenFrom = sentAt.length;
    const started = performance.now();
    const reopened = benchClient(wsBase(attacker), 'sync', attacker.tokens[1]);
    await reopened.synced;
    const reopenMs = performance.now() - started;
    reopened.destroy();
    await sleep(200);
    clearInterval(typing);
    await whenDoc(reader.doc, () => seen.length === sentAt.length, 120_000);
    writer.destroy();
    reader.destroy();
    results.push({
      name: attack.name,
      worstDelayMs: worst,
      otherEdits: sentAt.length,
      closed,
      serverCpuMs,
      reopenMs,
      reopenWorstDelayMs: reopenWorst,
    });
    await sleep(500);
  }
  return results;
}

/** What deadline-overhead.ts measures. */
export interface DeadlineOverhead {
  /** An honest 20,000-edit update applied with Yjs's own methods, and through the wrappers (ms). */
  plainMs: number;
  wrappedMs: number;
  /** Which CPU clock the server reads (cpu-time.ts), and one read of it (µs). */
  clock: 'thread' | 'process';
  clockUs: number;
  /** One read of `process.cpuUsage()`, the fallback (µs). */
  processClockUs: number;
}

/**
 * The cost of the apply deadline's wrapper on an honest update (20,000 edits at random places),
 * with and without it in turns, in a fresh process (medians of nine), and of one read of the
 * CPU clock the deadline and the budgets use.
 */
export function deadlineOverhead(): DeadlineOverhead {
  const result = spawnSync('node', ['--import', 'tsx', join(import.meta.dirname, 'deadline-overhead.ts')], {
    encoding: 'utf8',
  });
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as DeadlineOverhead;
}

export interface ShapeCost {
  name: string;
  units: number;
  applyMs: number;
  applyUsPerUnit: number;
  snapshotLoadUsPerUnit: number;
  rowsLoadUsPerUnit: number;
}

/**
 * What each crafted shape costs per struct or delete range (shape-costs.ts, in a fresh
 * process): the figures the caps in update-check.ts and apply-cost.ts follow from.
 */
export function shapeCosts(count = 4000): ShapeCost[] {
  const result = spawnSync(
    'node',
    ['--import', 'tsx', join(import.meta.dirname, 'shape-costs.ts'), String(count)],
    { encoding: 'utf8' },
  );
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '[]') as ShapeCost[];
}
