import * as Y from 'yjs';
import type { ObservedRoot } from './history.ts';

/**
 * Whether one of `events` (from observeDeep on a collection map) changed entity `id` in a key
 * other than `ignored` (or anything nested under one of those keys).
 */
function aboutEntity(
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
  id: string,
  ignored: ReadonlySet<string>,
): boolean {
  return events.some((event) => {
    const [entity, key] = event.path;
    if (entity === undefined) return event instanceof Y.YMapEvent && event.keysChanged.has(id);
    if (entity !== id) return false;
    if (key !== undefined) return !ignored.has(String(key));
    // The entity's own map: a change counts unless every key it changed is ignored.
    return !(event instanceof Y.YMapEvent) || [...event.keysChanged].some((k) => !ignored.has(k));
  });
}

/**
 * One entity's changes in a collection (`boundariesMap(doc)`, `goalsMap(doc)`): calls
 * `onChange` after a transaction that touched entity `id` (any field, its text, anything
 * nested), never for another entity's, nor for keys in `ignored` alone (a boundary's kept
 * `versions`: recording an agreement is not a change to its words). Returns the unsubscribe.
 */
export function watchEntity(
  map: Y.Map<unknown>,
  id: string,
  onChange: () => void,
  ignored: ReadonlySet<string> = new Set(),
): () => void {
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (aboutEntity(events, id, ignored)) onChange();
  };
  map.observeDeep(observer);
  return () => map.unobserveDeep(observer);
}

/** `watchEntity` in the shape `sessionChanges` takes, for any copy of the document. */
export const entityRootOf =
  (mapOf: (doc: Y.Doc) => Y.Map<unknown>, id: string, ignored?: ReadonlySet<string>) =>
  (doc: Y.Doc): ObservedRoot => ({
    observeDeep: (observer) => void watchEntity(mapOf(doc), id, observer, ignored),
  });
