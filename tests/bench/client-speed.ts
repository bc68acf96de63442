// `pnpm bench:client` (and the last part of `pnpm bench`): how fast the us-letter becomes
// editable on a phone. Headless Chromium with the CPU slowed 4× and a fast-3G network
// (DevTools emulation), for a signed-in partner whose space holds a year of content: cold
// (empty cache, no service worker, nothing on the device) and warm (the app shell cached and
// the documents in IndexedDB, as on a second visit), plus the JavaScript on the wire before the
// letter is editable. Prints a table against the targets and writes JSON to
// bench-results/. Runs: BENCH_CLIENT_RUNS (3). Needs the built client (builds it if missing)
// and Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Every wait has a deadline.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { SESSION_COOKIE } from '@twofold/shared';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer } from '../helpers/app-server.ts';
import { seedCouples } from './seed.ts';
import { seedYearOfContent } from './seed-year.ts';
import { summary } from './stats.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium.ts';

const RUNS = Number(process.env.BENCH_CLIENT_RUNS ?? 3);
const repoRoot = join(import.meta.dirname, '../..');
// The targets.
const TARGET = { warmMs: 1500, coldMs: 3000, jsBytes: 150 * 1024 };
// DevTools' "Fast 3G": 150 ms round trip (DevTools adds it per request), 1.6 Mbps down, 750 Kbps up.
const FAST_3G = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
const CPU_SLOWDOWN = 4;
const LOAD_DEADLINE_MS = Number(process.env.BENCH_CLIENT_DEADLINE_MS ?? 120_000);

interface Visit {
  /** Navigation start to the letter editable, showing its words, and the status line "Synced". */
  editableMs: number;
  /** Script responses finished before that moment: bytes on the wire (headers + body, compressed). */
  jsWireBytes: number;
  /** The same scripts' decoded size. */
  jsDecodedBytes: number;
  scripts: number;
  /** The sync sockets opened before editable: the extensions negotiated, the bytes their messages decoded to. */
  sockets: { extensions: string; receivedBytes: number }[];
  /** When each part was first reached (ms since navigation start): the page's frame, the editor editable, the letter's words, "Synced". */
  marks: Record<string, number>;
}

// Watches the page from its first byte and records (performance.now(), ms since navigation
// start) the moment the letter is editable, shows its last words and says "Synced" (and when
// each of those was first reached, to show where the time goes): a
// MutationObserver rather than polling, so it neither misses the moment nor adds work to a
// slowed CPU. A string, not a function: tsx wraps named functions in a helper the page lacks.
const watch = (lastWords: string) => `(() => {
  const lastWords = ${JSON.stringify(lastWords)};
  const marks = (window.__marks = {});
  function mark(name, reached) {
    if (reached && marks[name] === undefined) marks[name] = performance.now();
    return marks[name] !== undefined;
  }
  function check() {
    const editor = document.querySelector('[role="textbox"][aria-label="What trust means to us"]');
    const status = document.querySelector('[data-testid="sync-status"]');
    const shell = mark('shell', !!document.querySelector('header, main'));
    const editable = mark('editable', !!editor && editor.getAttribute('contenteditable') === 'true');
    const words = mark('words', !!editor && (editor.textContent || '').includes(lastWords));
    const synced = mark('synced', !!status && status.getAttribute('data-status') === 'synced');
    if (window.__editableAt !== undefined || !(shell && editable && words && synced)) return;
    window.__editableAt = performance.now();
    window.__twofoldEditable(window.__editableAt);
  }
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

// BENCH_CLIENT_DEBUG: when each socket opened and each message reached the page (ms since
// navigation start, decoded bytes). DevTools leaves large frames out of its frame events.
const socketLog = `(() => {
  const log = (window.__socketLog = []);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const name = String(args[0]).split('/').slice(-2).join('/');
      log.push([Math.round(performance.now()), name, 'created']);
      this.addEventListener('open', () => log.push([Math.round(performance.now()), name, 'open']));
      this.addEventListener('message', (event) =>
        log.push([Math.round(performance.now()), name, 'message', event.data.byteLength ?? event.data.length]));
    }
  };
})();`;

async function visit(context: BrowserContext, url: string, lastWords: string): Promise<Visit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  const scripts = new Map<string, { url: string; wire: number; decoded: number; done: boolean }>();
  const types = new Map<string, number>();
  let editable = false;
  cdp.on('Network.responseReceived', (event) => {
    types.set(`${event.type} ${event.response.url.split('/').pop()}`, event.response.encodedDataLength);
    if (event.type === 'Script' && !editable) {
      scripts.set(event.requestId, {
        url: new URL(event.response.url).pathname,
        wire: 0,
        decoded: 0,
        done: false,
      });
    }
  });
  // Whether each sync socket was deflated (permessage-deflate), and what its messages decoded to.
  const sockets: { extensions: string; receivedBytes: number }[] = [];
  const socketOf = new Map<string, { extensions: string; receivedBytes: number }>();
  cdp.on('Network.webSocketHandshakeResponseReceived', (event) => {
    const headers = event.response.headers as Record<string, string>;
    const entry = {
      extensions: headers['Sec-WebSocket-Extensions'] ?? headers['sec-websocket-extensions'] ?? '',
      receivedBytes: 0,
    };
    sockets.push(entry);
    socketOf.set(event.requestId, entry);
  });
  const timeline: string[] = [];
  let startedAt = 0;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!startedAt) startedAt = event.timestamp;
    timeline.push(
      `${((event.timestamp - startedAt) * 1000).toFixed(0)} request ${event.request.url.split('/').pop()}`,
    );
  });
  cdp.on('Network.webSocketCreated', (event) => timeline.push(`ws created ${event.url}`));
  cdp.on('Network.loadingFinished', (event) => {
    timeline.push(
      `${((event.timestamp - startedAt) * 1000).toFixed(0)} finished ${event.requestId} ${event.encodedDataLength}`,
    );
  });
  cdp.on('Network.webSocketFrameSent', (event) =>
    timeline.push(
      `${((event.timestamp - startedAt) * 1000).toFixed(0)} ws sent ${event.response.payloadData.length}`,
    ),
  );
  cdp.on('Network.webSocketFrameReceived', (event) => {
    timeline.push(
      `${((event.timestamp - startedAt) * 1000).toFixed(0)} ws received ${event.response.payloadData.length}`,
    );
    const entry = socketOf.get(event.requestId);
    // Binary frames come base64-encoded: three bytes for every four characters.
    if (entry && !editable) entry.receivedBytes += Math.floor((event.response.payloadData.length * 3) / 4);
  });
  cdp.on('Network.dataReceived', (event) => {
    const script = scripts.get(event.requestId);
    if (script && !script.done) script.decoded += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const script = scripts.get(event.requestId);
    if (script && !editable) Object.assign(script, { wire: event.encodedDataLength, done: true });
  });
  let resolveEditable!: (at: number) => void;
  const editableAt = new Promise<number>((resolve) => (resolveEditable = resolve));
  // CDP delivers the binding call in order with the network events, so every script counted
  // above finished before the page saw the letter editable.
  await page.exposeFunction('__twofoldEditable', (at: number) => {
    editable = true;
    resolveEditable(at);
  });
  await page.addInitScript(watch(lastWords));
  if (process.env.BENCH_CLIENT_DEBUG) await page.addInitScript(socketLog);
  const deadline = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`the letter was not editable within ${LOAD_DEADLINE_MS} ms`)),
      LOAD_DEADLINE_MS,
    ).unref(),
  );
  // BENCH_CLIENT_PROFILE=dir: a CPU profile of each visit up to the editable moment (open it in
  // DevTools' Performance panel), to see where a slowed phone spends the time.
  const profileDir = process.env.BENCH_CLIENT_PROFILE;
  if (profileDir) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'commit', timeout: LOAD_DEADLINE_MS });
  const at = await Promise.race([editableAt, deadline]).catch(async (error: Error) => {
    // Say what the page showed instead, so a failing run explains itself.
    const seen = await page
      .evaluate(() => ({
        path: location.pathname,
        status: document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-status'),
        editor: document.querySelector('[role="textbox"]')?.getAttribute('contenteditable'),
        text: document.body.innerText.slice(0, 300),
      }))
      .catch(() => 'the page could not be read');
    throw new Error(`${error.message}; the page showed ${JSON.stringify(seen)}`);
  });
  if (profileDir) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `visit-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  }
  const finished = [...scripts.values()].filter((script) => script.done);
  if (process.env.BENCH_CLIENT_DEBUG) {
    const sockets = await page.evaluate(() => (window as unknown as { __socketLog: unknown[] }).__socketLog);
    console.log(types, finished, timeline.join('\n'), sockets);
  }
  const result: Visit = {
    editableMs: at,
    jsWireBytes: finished.reduce((sum, script) => sum + script.wire, 0),
    jsDecodedBytes: finished.reduce((sum, script) => sum + script.decoded, 0),
    scripts: finished.length,
    sockets,
    marks: await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks),
  };
  // The service worker takes over after the first visit; let it finish caching the shell at full
  // speed, as it would while the person reads, before the warm visit.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page.evaluate(async () => {
    await Promise.race([
      navigator.serviceWorker.ready,
      new Promise((resolve) => setTimeout(resolve, 30_000)),
    ]);
  });
  await page.close();
  return result;
}

async function run(browser: Browser, baseUrl: string, token: string, spaceId: string, lastWords: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
  ]);
  const url = `${baseUrl}/spaces/${spaceId}/us-letter`;
  const cold = await visit(context, url, lastWords);
  const warm = await visit(context, url, lastWords);
  await context.close();
  return { cold, warm };
}

async function main() {
  if (!existsSync(join(repoRoot, 'client/dist/index.html'))) {
    const build = spawnSync(
      'node',
      [join(repoRoot, 'scripts/pnpm.mjs'), '--filter', '@twofold/client', 'build'],
      {
        cwd: repoRoot,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('the client build failed');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-bench-client-'));
  const dbPath = join(dataDir, 'twofold.sqlite');
  // A couple per run, so no run's server has the previous run's room in memory.
  const couples = await seedCouples(dbPath, RUNS);
  const db = new Database(dbPath, { readonly: true });
  const membersOf = db.prepare(
    'SELECT user_id AS id FROM members WHERE space_id = ? ORDER BY joined_at, user_id',
  );
  const seeded = couples.map((couple) => {
    const [a, b] = (membersOf.all(couple.spaceId) as { id: string }[]).map((row) => row.id);
    return { couple, year: seedYearOfContent(dbPath, couple.spaceId, [a!, b!]) };
  });
  db.close();

  const server = await startAppServer({ dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  const runs: Awaited<ReturnType<typeof run>>[] = [];
  try {
    for (const { couple, year } of seeded) {
      runs.push(await run(browser, server.url, couple.tokens[0], couple.spaceId, year.lastWords));
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const pick = (which: 'cold' | 'warm', field: Exclude<keyof Visit, 'marks' | 'sockets'>) =>
    summary(runs.map((r) => r[which][field]));
  const results = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    emulation: { cpuSlowdown: CPU_SLOWDOWN, network: FAST_3G, viewport: '390×844' },
    seeded: { updates: seeded[0]!.year.updates, encodedBytes: seeded[0]!.year.encodedBytes },
    targets: TARGET,
    runs,
    cold: {
      editableMs: pick('cold', 'editableMs'),
      jsWireBytes: pick('cold', 'jsWireBytes'),
      jsDecodedBytes: pick('cold', 'jsDecodedBytes'),
    },
    warm: { editableMs: pick('warm', 'editableMs'), jsWireBytes: pick('warm', 'jsWireBytes') },
  };
  const s = (v: { median: number; min: number; max: number }) =>
    `${(v.median / 1000).toFixed(2)} s (${(v.min / 1000).toFixed(2)}–${(v.max / 1000).toFixed(2)})`;
  const kb = (v: { median: number }) => `${(v.median / 1024).toFixed(0)} KB`;
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const rows: [string, string, string][] = [
    [
      'cold: navigation → us-letter editable',
      s(results.cold.editableMs),
      `≤ 3 s, ${met(results.cold.editableMs.median <= TARGET.coldMs)}`,
    ],
    [
      'warm (app shell cached)',
      s(results.warm.editableMs),
      `≤ 1.5 s, ${met(results.warm.editableMs.median <= TARGET.warmMs)}`,
    ],
    [
      'JavaScript on the wire before editable, cold',
      kb(results.cold.jsWireBytes),
      `≤ 150 KB, ${met(results.cold.jsWireBytes.median <= TARGET.jsBytes)}`,
    ],
    ['  the same, decoded', kb(results.cold.jsDecodedBytes), ''],
    ['JavaScript on the wire, warm', kb(results.warm.jsWireBytes), ''],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  const second = Math.max(...rows.map((row) => row[1].length));
  console.log(
    `\nTwofold client bench — CPU ÷${CPU_SLOWDOWN}, fast 3G, a year of content (${results.seeded.updates} updates), median of ${RUNS}\n`,
  );
  for (const [label, value, target] of rows)
    console.log(`${label.padEnd(width)}  ${value.padEnd(second)}  ${target}`);
  const outDir = join(repoRoot, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `bench-client-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nJSON: ${file}`);
}

await main();
