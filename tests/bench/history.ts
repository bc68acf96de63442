/**
 * `pnpm bench:history`: history over a seeded year of writing (tests/bench/seed-year.ts, the
 * room's compaction every 500 rows). Measures, in process (no HTTP), what the history page
 * costs: the server reading the first page (rows + merged base) and the client rebuilding its
 * sessions; and opening a point a year back (the oldest page, then the document at its first
 * row). Prints the medians of a few runs, and the storage after compaction against the
 * encoded document.
 */
import { performance } from 'node:perf_hooks';
import {
  fragmentTextReader,
  fragmentToPlainText,
  fromBase64,
  HISTORY_PAGE_MAX,
  joinSessions,
  rebuildAt,
  sessionChanges,
  usLetterFragment,
  type HistoryEntry,
} from '@twofold/shared';
import { openDb } from '../../server/src/store/db.ts';
import { createDocHistory, type HistoryLogPage } from '../../server/src/store/doc-history.ts';
import { createDocLog } from '../../server/src/store/doc-log.ts';
import { docKey } from '../../server/src/sync/rooms.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { seedYearOfContent } from './seed-year.ts';

const RUNS = 5;
/** A page as the route sends it (base64) and the client decodes it: part of what it costs. */
const overTheWire = (page: HistoryLogPage): { base: Uint8Array | undefined; entries: HistoryEntry[] } => ({
  base: page.base && fromBase64(Buffer.from(page.base).toString('base64')),
  entries: page.rows.map((row) => ({
    id: row.id,
    authorId: row.author,
    at: row.at,
    update: fromBase64(Buffer.from(row.data).toString('base64')),
  })),
});
/** The page's sessions, as the client's history page builds them (features/history/model). */
const sessionsOf = (page: HistoryLogPage) => {
  const { base, entries } = overTheWire(page);
  // A new reader per run, as a page load makes one: nothing is kept from the run before.
  const changes = sessionChanges(base, entries, fragmentTextReader(usLetterFragment), usLetterFragment);
  return { base, entries, sessions: joinSessions(changes.filter((change) => change.touched)) };
};

/** CPU time this process has used (ms): on a machine others share, steadier than the clock. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Medians over RUNS runs of `run`: wall-clock and CPU time (ms). */
function median(run: () => void): { ms: number; cpuMs: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const startCpu = cpuMs();
    run();
    times.push(performance.now() - start);
    cpu.push(cpuMs() - startCpu);
  }
  const middle = (values: number[]) => Number(values.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!.toFixed(1));
  return { ms: middle(times), cpuMs: middle(cpu) };
}

const dir = tempDir('twofold-history-bench-');
try {
  const dbPath = `${dir.path}/twofold.sqlite`;
  const spaceId = 'bench-space-history';
  const year = seedYearOfContent(dbPath, spaceId, ['alex-bench-0001', 'sam-bench-00001']);
  const db = openDb(dbPath);
  const log = createDocLog(db);
  const history = createDocHistory(db, log);
  const key = docKey.shared(spaceId);
  const rows = (
    db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_key = ?').get(key) as { n: number }
  ).n;

  const firstPage = median(() => sessionsOf(history.page(key, undefined, HISTORY_PAGE_MAX)));

  // The oldest page: what "load earlier" reaches after a year; its base is empty.
  let before: number | undefined;
  let pages = 0;
  for (;;) {
    const page = history.page(key, before, HISTORY_PAGE_MAX);
    pages++;
    if (page.next === null) break;
    before = page.next;
  }
  // Its sessions, then the document at its oldest one, read as the point view reads it.
  const yearBack = median(() => {
    const { base, entries, sessions } = sessionsOf(history.page(key, before, HISTORY_PAGE_MAX));
    const point = rebuildAt(base, entries, sessions[0]!.id);
    fragmentToPlainText(usLetterFragment(point));
    point.destroy();
  });

  const stored = log.storedBytes(key);
  console.log(
    JSON.stringify(
      {
        updatesTyped: year.updates,
        structs: year.structs,
        rowsAfterCompaction: rows,
        pagesOf200: pages,
        firstPageMs: firstPage.ms,
        firstPageCpuMs: firstPage.cpuMs,
        pointAYearBackMs: yearBack.ms,
        pointAYearBackCpuMs: yearBack.cpuMs,
        storedBytes: stored,
        encodedBytes: year.encodedBytes,
        storedOverEncoded: Number((stored / year.encodedBytes).toFixed(2)),
      },
      null,
      2,
    ),
  );
  db.close();
} finally {
  dir.remove();
}
