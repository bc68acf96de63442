import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addStep,
  boundariesMap,
  boundaryFieldsSchema,
  createBoundary,
  createEntity,
  createGoal,
  createLetterDraft,
  deleteBoundary,
  deleteEntity,
  deleteLetterDraft,
  deleteStep,
  entityIn,
  goalsMap,
  letGoalGo,
  letterDraftsMap,
  LOCAL_ORIGIN,
  moveBoundary,
  moveEntity,
  moveGoal,
  moveStep,
  orderAfterAll,
  readBoundaries,
  readFields,
  readGoals,
  readLetterDrafts,
  readOrdered,
  restoreEntity,
  touchBoundary,
  touchEntity,
  touchGoal,
  touchLetterDraft,
  type BoundaryFields,
  type UnreadableEntry,
} from '@twofold/shared';

const ALEX = 'alex-user-id';
const SAM = 'sam-user-id';

/** A map a buggy or hostile client might write: an order key the generator rejects, no fields. */
function hostileEntity(): Y.Map<unknown> {
  const entity = new Y.Map<unknown>();
  entity.set('order', '~');
  entity.set('title', 42);
  entity.set('category', 'nonsense');
  return entity;
}

/** A small collection of its own, built from a shared schema: a title and a nullable day. */
const noteSchema = boundaryFieldsSchema.pick({
  id: true,
  order: true,
  title: true,
  reviewOn: true,
  updatedBy: true,
  updatedAt: true,
});
type Note = Pick<BoundaryFields, 'id' | 'order' | 'title' | 'reviewOn' | 'updatedBy' | 'updatedAt'> & {
  readable: true;
};

function readNote(id: string, value: unknown): Note | UnreadableEntry {
  const read = readFields(noteSchema, 'note', id, value);
  return read.readable ? { readable: true, ...read.fields } : read;
}

function notesDoc(): { doc: Y.Doc; notes: Y.Map<unknown>; read: () => (Note | UnreadableEntry)[] } {
  const doc = new Y.Doc();
  const notes = doc.getMap('notes');
  return { doc, notes, read: () => readOrdered(notes, readNote) };
}

function addNote(doc: Y.Doc, notes: Y.Map<unknown>, id: string, title: string): void {
  const entries = readOrdered(notes, readNote);
  createEntity(doc, {
    collection: notes,
    fields: { id, order: orderAfterAll(entries), title, updatedBy: ALEX, updatedAt: 1 },
  });
}

describe('the entity toolkit', () => {
  it('reads a well-formed entry and names what is wrong with a broken one, in the same list', () => {
    const { doc, notes, read } = notesDoc();
    addNote(doc, notes, 'a', 'first');
    doc.transact(() => {
      notes.set('broken', hostileEntity());
      notes.set('text', 'not a map');
      const other = new Y.Map<unknown>();
      notes.set('other', other);
      for (const [key, value] of Object.entries({ id: 'someone-else', order: 'a1', title: 'x' }))
        other.set(key, value);
      other.set('updatedBy', ALEX);
      other.set('updatedAt', 1);
    });

    const entries = read();
    expect(entries.map((entry) => entry.id)).toEqual(['a', 'other', 'broken', 'text']);
    expect(entries[0]).toEqual({
      readable: true,
      id: 'a',
      order: expect.any(String) as string,
      title: 'first',
      // A nullable field that was never written reads as null, not as broken.
      reviewOn: null,
      updatedBy: ALEX,
      updatedAt: 1,
    });
    expect(entries[1]).toEqual({ readable: false, id: 'other', order: 'a1', problem: 'id mismatch' });
    expect(entries[2]).toMatchObject({ readable: false, id: 'broken', order: '~' });
    expect((entries[2] as UnreadableEntry).problem).not.toBe('');
    expect(entries[3]).toEqual({ readable: false, id: 'text', order: '~', problem: 'not a note' });
  });

  it('creates, moves, touches and deletes entries next to an unreadable one', () => {
    const { doc, notes, read } = notesDoc();
    addNote(doc, notes, 'a', 'first');
    doc.transact(() => notes.set('broken', hostileEntity()));
    addNote(doc, notes, 'b', 'second');
    expect(read().map((entry) => entry.id)).toEqual(['a', 'b', 'broken']);

    moveEntity(doc, { entity: entityIn(notes, 'b', 'note'), entries: read(), beforeId: null, afterId: 'a' });
    expect(read().map((entry) => entry.id)).toEqual(['b', 'a', 'broken']);
    // Moving next to the unreadable entry treats its key as the open end.
    moveEntity(doc, {
      entity: entityIn(notes, 'b', 'note'),
      entries: read(),
      beforeId: 'broken',
      afterId: null,
    });
    expect(read().map((entry) => entry.id)).toEqual(['a', 'b', 'broken']);

    touchEntity(doc, { entity: entityIn(notes, 'a', 'note'), userId: SAM, now: 99 });
    expect(read()[0]).toMatchObject({ id: 'a', updatedBy: SAM, updatedAt: 99 });

    deleteEntity(doc, { collection: notes, id: 'a' });
    deleteEntity(doc, { collection: notes, id: 'a' });
    expect(read().map((entry) => entry.id)).toEqual(['b', 'broken']);
    expect(() => entityIn(notes, 'a', 'note')).toThrow('no note a');
  });

  it('writes every change in one transaction with the one local origin', () => {
    const { doc, notes, read } = notesDoc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    addNote(doc, notes, 'a', 'first');
    addNote(doc, notes, 'b', 'second');
    moveEntity(doc, { entity: entityIn(notes, 'b', 'note'), entries: read(), beforeId: null, afterId: 'a' });
    touchEntity(doc, { entity: entityIn(notes, 'a', 'note'), userId: SAM, now: 2 });
    deleteEntity(doc, { collection: notes, id: 'a' });
    expect(origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN]);
  });

  it('restores an entry from an earlier copy, stamped, and refuses an unreadable one', () => {
    const { doc, notes, read } = notesDoc();
    addNote(doc, notes, 'a', 'first');
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(doc));
    entityIn(notes, 'a', 'note').set('title', 'changed');
    doc.transact(() => notes.set('broken', hostileEntity()));
    Y.applyUpdate(old, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(old)));
    entityIn(old.getMap('notes'), 'a', 'note').set('title', 'first');

    const restore = (id: string) =>
      restoreEntity(doc, {
        live: notes,
        old: old.getMap('notes'),
        id,
        read: readNote,
        userId: SAM,
        now: 50,
        write: (target, was) => target.entity.set('title', was.entry.title),
      });
    expect(restore('a')).toBe(true);
    expect(read()[0]).toMatchObject({ id: 'a', title: 'first', updatedBy: SAM, updatedAt: 50 });
    expect(restore('broken')).toBe(false);
    expect(restore('missing')).toBe(false);
  });
});

describe('every collection next to an unreadable entry', () => {
  it('boundaries: creates after it, moves around it, touches and deletes the readable ones', () => {
    const doc = new Y.Doc();
    createBoundary(doc, { id: 'b1', title: 'One', category: 'money', userId: ALEX, now: 1 });
    doc.transact(() => boundariesMap(doc).set('junk', hostileEntity()));
    createBoundary(doc, { id: 'b2', title: 'Two', category: 'money', userId: ALEX, now: 2 });
    const ids = () => readBoundaries(doc).map((entry) => entry.id);
    expect(ids()).toEqual(['b1', 'b2', 'junk']);

    moveBoundary(doc, { id: 'b2', beforeId: 'junk', afterId: null });
    moveBoundary(doc, { id: 'b1', beforeId: 'b2', afterId: 'junk' });
    expect(ids()).toEqual(['b2', 'b1', 'junk']);

    touchBoundary(doc, { id: 'b1', userId: SAM, now: 77 });
    expect(readBoundaries(doc).find((entry) => entry.id === 'b1')).toMatchObject({
      updatedBy: SAM,
      updatedAt: 77,
    });

    const deleted = deleteBoundary(doc, { id: 'b2' });
    // A local write after the deletion is not part of what undo reverts.
    createBoundary(doc, { id: 'b3', title: 'Three', category: 'money', userId: ALEX, now: 3 });
    expect(ids()).toEqual(['b1', 'b3', 'junk']);
    deleted.undo();
    expect(ids()).toEqual(['b2', 'b1', 'b3', 'junk']);
  });

  it('goals and steps: create, move, touch and delete beside an unreadable goal and step', () => {
    const doc = new Y.Doc();
    const goal = (id: string, proposed = false) =>
      createGoal(doc, { id, title: id, horizon: 'someday', proposed, userId: ALEX, now: 1 });
    goal('g1');
    doc.transact(() => goalsMap(doc).set('junk', hostileEntity()));
    goal('g2', true);
    const ids = () => readGoals(doc).map((entry) => entry.id);
    expect(ids()).toEqual(['g1', 'g2', 'junk']);
    moveGoal(doc, { id: 'g2', beforeId: null, afterId: 'g1' });
    expect(ids()).toEqual(['g2', 'g1', 'junk']);
    touchGoal(doc, { id: 'g1', userId: SAM, now: 5 });
    expect(readGoals(doc)[1]).toMatchObject({ id: 'g1', updatedBy: SAM, updatedAt: 5 });
    letGoalGo(doc, { id: 'g2' });
    expect(ids()).toEqual(['g1', 'junk']);

    addStep(doc, { goalId: 'g1', id: 's1', title: 'First', owner: ALEX, userId: ALEX, now: 6 });
    const steps = entityIn(goalsMap(doc), 'g1', 'goal').get('steps') as Y.Map<unknown>;
    doc.transact(() => steps.set('bad', hostileEntity()));
    addStep(doc, { goalId: 'g1', id: 's2', title: 'Second', owner: SAM, userId: SAM, now: 7 });
    const stepIds = () => {
      const entry = readGoals(doc)[0];
      return entry?.readable ? entry.steps.map((step) => step.id) : [];
    };
    expect(stepIds()).toEqual(['s1', 's2', 'bad']);
    moveStep(doc, { goalId: 'g1', stepId: 's1', beforeId: 's2', afterId: 'bad' });
    expect(stepIds()).toEqual(['s2', 's1', 'bad']);
    deleteStep(doc, { goalId: 'g1', stepId: 's2', userId: SAM, now: 8 });
    expect(stepIds()).toEqual(['s1', 'bad']);
    // Adding and removing a step records the goal itself as changed.
    expect(readGoals(doc)[0]).toMatchObject({ updatedBy: SAM, updatedAt: 8 });
  });

  it('letter drafts: create, touch and delete beside an unreadable draft', () => {
    const doc = new Y.Doc();
    createLetterDraft(doc, { id: 'd1', now: 1 });
    doc.transact(() => letterDraftsMap(doc).set('junk', hostileEntity()));
    createLetterDraft(doc, { id: 'd2', now: 2 });
    touchLetterDraft(doc, { id: 'd1', now: 3 });
    const drafts = readLetterDrafts(doc);
    expect(drafts.map((draft) => draft.id)).toEqual(['d1', 'd2', 'junk']);
    expect(drafts[0]).toMatchObject({ readable: true, updatedAt: 3 });
    expect(drafts[2]).toMatchObject({ readable: false, id: 'junk', problem: expect.any(String) as string });
    deleteLetterDraft(doc, { id: 'd1' });
    expect(readLetterDrafts(doc).map((draft) => draft.id)).toEqual(['d2', 'junk']);
  });
});
