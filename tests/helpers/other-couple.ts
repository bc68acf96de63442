import { pairUp } from './http.ts';
import { connect, type SyncClient } from './sync-client.ts';
import { waitFor } from './wait-for.ts';

/**
 * A couple going about their day while someone else attacks the server: one partner adds a
 * numbered edit every `everyMs`, the other records how long each took to arrive. `stop()` ends
 * the typing and waits until every edit has arrived (failing after `timeout`), then reports the
 * worst delay seen, for logs and the bench; tests assert only that everything arrived.
 */
export async function startOtherCouple(baseUrl: string, { everyMs = 20 } = {}) {
  const { alex, sam, spaceId } = await pairUp(baseUrl);
  const writer: SyncClient = connect(baseUrl, spaceId, alex.cookie);
  const reader: SyncClient = connect(baseUrl, spaceId, sam.cookie);
  await Promise.all([writer.synced(), reader.synced()]);

  const sentAt: number[] = [];
  const delays: number[] = [];
  const received = reader.doc.getArray<number>('edits');
  received.observe((event) => {
    for (const item of event.changes.added) {
      for (const value of item.content.getContent() as number[]) {
        delays.push(performance.now() - (sentAt[value] ?? 0));
      }
    }
  });
  const typing = setInterval(() => {
    sentAt.push(performance.now());
    writer.doc.getArray<number>('edits').push([sentAt.length - 1]);
  }, everyMs);

  return {
    /** How many of the edits have arrived so far. */
    get received() {
      return delays.length;
    },
    /** Forgets the delays so far, so the next `stop()` reports only what came after. */
    reset() {
      delays.length = 0;
    },
    /** Stops typing, waits for every edit, and returns how many there were and the worst delay (ms). */
    async stop(timeout = 30_000) {
      clearInterval(typing);
      await waitFor(() => received.length === sentAt.length, {
        timeout,
        message: "the other couple's edits",
      });
      const inOrder = received.toArray().every((value, index) => value === index);
      return { edits: sentAt.length, inOrder, worstDelayMs: Math.max(0, ...delays) };
    },
    destroy() {
      clearInterval(typing);
      writer.destroy();
      reader.destroy();
    },
  };
}
