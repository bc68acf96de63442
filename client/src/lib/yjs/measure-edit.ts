import * as Y from 'yjs';

/**
 * The size in bytes of the Yjs update `edit` would make to each of `docs`, measured on
 * throwaway copies so nothing enters the real documents (or IndexedDB, or the socket). Costs
 * one copy of each document; meant for rare, large edits such as an import.
 */
export function measureEdit(docs: readonly Y.Doc[], edit: (copies: Y.Doc[]) => void): number[] {
  const copies = docs.map((doc) => {
    const copy = new Y.Doc({ gc: doc.gc });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    return copy;
  });
  const before = copies.map((copy) => Y.encodeStateVector(copy));
  try {
    edit(copies);
    return copies.map((copy, i) => Y.encodeStateAsUpdate(copy, before[i]).byteLength);
  } finally {
    for (const copy of copies) copy.destroy();
  }
}
