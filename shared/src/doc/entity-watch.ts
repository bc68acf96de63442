import * as Y from 'yjs';
import type { ObservedRoot } from './history.ts';

/** Whether one of `events` (from observeDeep on a collection map) is about the entity `id`. */
function aboutEntity(events: readonly Y.YEvent<Y.AbstractType<unknown>>[], id: string): boolean {
  return events.some((event) =>
    event.path.length > 0 ? event.path[0] === id : event instanceof Y.YMapEvent && event.keysChanged.has(id),
  );
}

/**
 * One entity's changes in a collection (`boundariesMap(doc)`, `goalsMap(doc)`): calls
 * `onChange` after a transaction that touched entity `id` (any field, its text, anything
 * nested), never for another entity's. Returns the unsubscribe.
 */
export function watchEntity(map: Y.Map<unknown>, id: string, onChange: () => void): () => void {
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (aboutEntity(events, id)) onChange();
  };
  map.observeDeep(observer);
  return () => map.unobserveDeep(observer);
}

/** `watchEntity` in the shape `sessionChanges` takes, for any copy of the document. */
export const entityRootOf =
  (mapOf: (doc: Y.Doc) => Y.Map<unknown>, id: string) =>
  (doc: Y.Doc): ObservedRoot => ({ observeDeep: (observer) => void watchEntity(mapOf(doc), id, observer) });
