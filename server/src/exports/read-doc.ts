import * as Y from 'yjs';
import { metered, type WorkMeter } from '../sync/cpu-time.ts';
import type { RoomRegistry } from '../sync/rooms.ts';

/**
 * Where a document is read from when no room holds it: the SQLite `DocLog` (synchronous) or,
 * in shared mode, the `DocLogStore` every instance appends to (PostgreSQL).
 */
export interface DocSource {
  load(key: string): { updates: Uint8Array[] } | Promise<{ updates: Uint8Array[] }>;
}

/**
 * A copy of a stored document for reading: from the open room when there is one and it is
 * whole (it holds every committed edit), otherwise rebuilt from the log. The copy is never
 * written back. The copy's or the replay's main-thread time (the 100 ms or so a document the
 * caps allow may take to load) is added to `work`. Throws what the source throws (PostgreSQL
 * unreachable).
 */
export async function readDoc(
  rooms: RoomRegistry,
  log: DocSource,
  key: string,
  work: WorkMeter = { ms: 0 },
): Promise<Y.Doc> {
  const room = rooms.get(key);
  if (room && !room.loading) {
    return metered(work, () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
      return doc;
    });
  }
  const { updates } = await log.load(key);
  return metered(work, () => {
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    return doc;
  });
}
