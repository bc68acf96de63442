import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_TEMPLATES,
  createBoundary,
  deleteBoundary,
  readBoundaries,
  updateBoundary,
  type Boundary,
} from '@twofold/shared';

const ALEX = 'alex-user-id';
const SAM = 'sam-user-id';

/** Two devices that exchange every update at once, as the sync server would relay them. */
function couple(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b));
  return [a, b];
}

function titles(doc: Y.Doc): string[] {
  return readBoundaries(doc).map((e) => (e.readable ? e.title : `unreadable ${e.id}`));
}

function readable(doc: Y.Doc, id: string): Boundary {
  const entry = readBoundaries(doc).find((e) => e.id === id);
  if (!entry?.readable) throw new Error(`boundary ${id} is not readable`);
  return entry;
}

describe('deleting a draft boundary', () => {
  it('removes it for both partners, and undo brings it back with its words, for both', () => {
    const [alex, sam] = couple();
    const template = BOUNDARY_TEMPLATES[0]!;
    createBoundary(alex, { id: 'b1', ...template, userId: ALEX, now: 1 });
    createBoundary(alex, { id: 'b2', title: 'Keep this one', category: 'other', userId: ALEX, now: 2 });
    const words = readable(sam, 'b1').plain;
    expect(titles(sam)).toEqual([template.title, 'Keep this one']);

    const deleted = deleteBoundary(sam, { id: 'b1' });
    expect(titles(alex)).toEqual(['Keep this one']);
    expect(titles(sam)).toEqual(['Keep this one']);

    // Alex keeps working on another boundary meanwhile; undoing Sam's deletion leaves that be.
    updateBoundary(alex, { id: 'b2', patch: { title: 'Kept, and renamed' }, userId: ALEX, now: 3 });
    deleted.undo();
    for (const doc of [alex, sam]) {
      expect(titles(doc)).toEqual([template.title, 'Kept, and renamed']);
      expect(readable(doc, 'b1').plain).toEqual(words);
    }
  });

  it('stands once forgotten, and refuses a boundary that is not there', () => {
    const doc = new Y.Doc();
    createBoundary(doc, { id: 'b1', title: 'Short-lived', category: 'other', userId: SAM, now: 1 });
    deleteBoundary(doc, { id: 'b1' }).forget();
    expect(titles(doc)).toEqual([]);
    expect(() => deleteBoundary(doc, { id: 'b1' })).toThrow();
  });
});
