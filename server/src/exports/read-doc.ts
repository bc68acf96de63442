import * as Y from 'yjs';
import type { DocLog } from '../store/doc-log.ts';
import type { RoomRegistry } from '../sync/rooms.ts';

/**
 * A copy of a stored document for reading: from the open room when there is one (it holds
 * every committed edit), otherwise rebuilt from the log. The copy is never written back.
 */
export function readDoc(rooms: RoomRegistry, log: DocLog, key: string): Y.Doc {
  const doc = new Y.Doc();
  const room = rooms.get(key);
  if (room) Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  else for (const update of log.load(key).updates) Y.applyUpdate(doc, update);
  return doc;
}
