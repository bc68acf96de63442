import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from './origin.ts';

/**
 * Calls `onEdit(entityId)` whenever this device's editor changes one of the rich-text `fields`
 * of an entity in `collection` (a root map of entities keyed by id, as boundaries and goals
 * are). Only local edits count: a partner's update, or the local copy loading from IndexedDB,
 * arrives through `Y.applyUpdate` (not local), and mutators' own writes (`LOCAL_ORIGIN`) record
 * who changed what themselves. Returns the function that stops watching.
 */
export function onLocalTextEdit(
  collection: Y.Map<unknown>,
  fields: readonly string[],
  onEdit: (entityId: string) => void,
): () => void {
  const wanted = new Set(fields);
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (!transaction.local || transaction.origin === LOCAL_ORIGIN) return;
    const edited = new Set<string>();
    for (const event of events) {
      const [id, field] = event.path;
      if (typeof id === 'string' && typeof field === 'string' && wanted.has(field)) edited.add(id);
    }
    for (const id of edited) onEdit(id);
  };
  collection.observeDeep(observer);
  return () => collection.unobserveDeep(observer);
}
