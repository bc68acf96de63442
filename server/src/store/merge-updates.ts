import * as Y from 'yjs';

/**
 * How many updates one `Y.mergeUpdates` call takes at a time. Its cost grows faster than the
 * number of updates it is given; merged 64 at a time, then the results the same way, 2,000
 * small uncompacted log rows (what a room may hold between compactions) took 68 ms instead of
 * 253 ms and 5,000 took 357 ms instead of 1,078 ms, with the same bytes out (development
 * machine, Yjs 13.6; tests/unit/merge-updates.test.ts checks the bytes). On a compacted year
 * (`pnpm bench:history`: 2,171 coalesced rows) the first page costs the same either way.
 */
const MERGE_FAN_IN = 64;

/**
 * `updates` merged into one Yjs update, as `Y.mergeUpdates(updates)` would give (the same
 * bytes), in rounds of MERGE_FAN_IN. Structural, like Y.mergeUpdates: it reads ids and
 * lengths, never applies anything to a document. An empty list gives the empty update.
 */
export function mergeUpdatesInRounds(updates: readonly Uint8Array[]): Uint8Array {
  let round = [...updates];
  while (round.length > MERGE_FAN_IN) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < round.length; i += MERGE_FAN_IN)
      next.push(Y.mergeUpdates(round.slice(i, i + MERGE_FAN_IN)));
    round = next;
  }
  return Y.mergeUpdates(round);
}
