import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  acceptGoal,
  achieveGoal,
  addStep,
  BOTH_OWNERS,
  createGoal,
  deleteStep,
  goalsMap,
  letGoalGo,
  LOCAL_ORIGIN,
  moveStep,
  onLocalTextEdit,
  readGoals,
  reopenGoal,
  setStepDone,
  touchGoal,
  updateGoal,
  updateStep,
  type Goal,
  type Step,
} from '@twofold/shared';

const ALEX = 'alex-user-id';
const SAM = 'sam-user-id';

function goalIn(doc: Y.Doc, id: string): Goal {
  const entry = readGoals(doc).find((e) => e.id === id);
  if (!entry?.readable) throw new Error(`goal ${id} is not readable`);
  return entry;
}

function stepsIn(doc: Y.Doc, goalId: string): Step[] {
  return goalIn(doc, goalId).steps.filter((s): s is Step => s.readable);
}

function titles(doc: Y.Doc, goalId: string): string[] {
  return stepsIn(doc, goalId).map((s) => s.title);
}

/** Exchanges everything each doc has that the other lacks. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Two docs that share a goal with three steps, as two partners would after syncing. */
function couple(clientIds: [number, number] = [1, 2]): [Y.Doc, Y.Doc] {
  const alex = new Y.Doc();
  alex.clientID = clientIds[0];
  const sam = new Y.Doc();
  sam.clientID = clientIds[1];
  createGoal(alex, {
    id: 'g',
    title: 'Walk the coast path',
    horizon: 'this-year',
    proposed: false,
    userId: ALEX,
    now: 1,
  });
  for (const [i, title] of ['Book the cottage', 'Buy boots', 'Pack'].entries()) {
    addStep(alex, { goalId: 'g', id: `s${i + 1}`, title, owner: BOTH_OWNERS, userId: ALEX, now: 2 + i });
  }
  sync(alex, sam);
  return [alex, sam];
}

/** Merges two docs' concurrent edits in one order or the other, as the server may relay them. */
function merge(a: Y.Doc, b: Y.Doc, order: 'a-first' | 'b-first'): Y.Doc {
  const merged = new Y.Doc();
  const updates = [Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b)];
  if (order === 'b-first') updates.reverse();
  for (const update of updates) Y.applyUpdate(merged, update);
  return merged;
}

describe('goals contract', () => {
  it('creates a goal with its fields, an empty why and no steps, and reads it back', () => {
    const doc = new Y.Doc();
    createGoal(doc, {
      id: 'g1',
      title: 'Learn to cook together',
      horizon: 'this-month',
      targetOn: '2026-12-31',
      values: ['Family', ' family ', 'health'],
      why: ['Evenings that are ours.'],
      proposed: false,
      userId: ALEX,
      now: 100,
    });
    const goal = goalIn(doc, 'g1');
    expect(goal).toMatchObject({
      title: 'Learn to cook together',
      horizon: 'this-month',
      targetOn: '2026-12-31',
      values: ['Family', 'health'],
      status: 'active',
      proposedBy: null,
      createdBy: ALEX,
      createdAt: 100,
    });
    expect(goal.why.toString()).toContain('Evenings that are ours.');
    expect(goal.steps).toEqual([]);
    expect(goal.progress).toEqual({ done: 0, total: 0 });
  });

  it('writes every mutation in one local transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    createGoal(doc, {
      id: 'g',
      title: 'Save for a trip',
      horizon: 'someday',
      proposed: false,
      userId: ALEX,
      now: 1,
    });
    addStep(doc, { goalId: 'g', id: 's', title: 'Open an account', owner: SAM, userId: ALEX, now: 2 });
    setStepDone(doc, { goalId: 'g', stepId: 's', done: true, userId: SAM, now: 3 });
    expect(origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN]);
  });

  it('derives progress from the steps and records who ticked one and when', () => {
    const [alex] = couple();
    setStepDone(alex, { goalId: 'g', stepId: 's2', done: true, userId: SAM, now: 50 });
    const goal = goalIn(alex, 'g');
    expect(goal.progress).toEqual({ done: 1, total: 3 });
    expect(stepsIn(alex, 'g')[1]).toMatchObject({ done: true, doneBy: SAM, doneAt: 50 });
    setStepDone(alex, { goalId: 'g', stepId: 's2', done: false, userId: ALEX, now: 60 });
    expect(stepsIn(alex, 'g')[1]).toMatchObject({ done: false, doneBy: null, doneAt: null });
  });

  it('keeps steps in their shared order and moves one between neighbours', () => {
    const [alex] = couple();
    moveStep(alex, { goalId: 'g', stepId: 's3', beforeId: null, afterId: 's1' });
    expect(titles(alex, 'g')).toEqual(['Pack', 'Book the cottage', 'Buy boots']);
    moveStep(alex, { goalId: 'g', stepId: 's3', beforeId: 's2', afterId: null });
    expect(titles(alex, 'g')).toEqual(['Book the cottage', 'Buy boots', 'Pack']);
  });

  it('updates fields and steps, recording who changed them', () => {
    const [alex] = couple();
    updateGoal(alex, {
      id: 'g',
      patch: { title: 'Walk the whole coast path', values: ['adventure'] },
      userId: SAM,
      now: 9,
    });
    updateStep(alex, {
      goalId: 'g',
      stepId: 's1',
      patch: { owner: SAM, dueOn: '2027-03-01', kind: 'milestone' },
      userId: SAM,
      now: 9,
    });
    expect(goalIn(alex, 'g')).toMatchObject({
      title: 'Walk the whole coast path',
      values: ['adventure'],
      updatedBy: SAM,
    });
    expect(stepsIn(alex, 'g')[0]).toMatchObject({
      owner: SAM,
      dueOn: '2027-03-01',
      kind: 'milestone',
      updatedBy: SAM,
    });
    expect(() =>
      updateStep(alex, { goalId: 'g', stepId: 's1', patch: { dueOn: 'next week' }, userId: SAM, now: 9 }),
    ).toThrow();
  });

  it('keeps a proposal until the other partner accepts it; the proposer cannot accept their own', () => {
    const doc = new Y.Doc();
    createGoal(doc, {
      id: 'p',
      title: 'A dog',
      horizon: 'next-few-years',
      proposed: true,
      userId: ALEX,
      now: 1,
    });
    expect(goalIn(doc, 'p')).toMatchObject({ status: 'proposed', proposedBy: ALEX });
    expect(() => acceptGoal(doc, { id: 'p', userId: ALEX, now: 2 })).toThrow();
    acceptGoal(doc, { id: 'p', userId: SAM, now: 3 });
    expect(goalIn(doc, 'p').status).toBe('active');
    expect(() => letGoalGo(doc, { id: 'p' })).toThrow();
  });

  it('lets a proposal go, and only a proposal', () => {
    const doc = new Y.Doc();
    createGoal(doc, {
      id: 'p',
      title: 'Move abroad',
      horizon: 'someday',
      proposed: true,
      userId: SAM,
      now: 1,
    });
    letGoalGo(doc, { id: 'p' });
    expect(readGoals(doc)).toEqual([]);
  });

  it('marks a goal achieved with who and when, and can bring it back', () => {
    const [alex] = couple();
    achieveGoal(alex, { id: 'g', userId: SAM, now: 77 });
    expect(goalIn(alex, 'g')).toMatchObject({ status: 'achieved', achievedBy: SAM, achievedAt: 77 });
    achieveGoal(alex, { id: 'g', userId: ALEX, now: 99 });
    expect(goalIn(alex, 'g')).toMatchObject({ achievedBy: SAM, achievedAt: 77 });
    reopenGoal(alex, { id: 'g', userId: ALEX, now: 100 });
    expect(goalIn(alex, 'g')).toMatchObject({ status: 'active', achievedBy: null, achievedAt: null });
  });

  it('shows an unreadable goal as unreadable, keeps it, and reads the others', () => {
    const [alex, sam] = couple();
    goalsMap(sam).set('broken', 'not a goal at all');
    const odd = new Y.Map<unknown>();
    goalsMap(sam).set('odd', odd);
    odd.set('id', 'odd');
    odd.set('title', 42);
    sync(alex, sam);

    const entries = readGoals(alex);
    expect(entries.find((e) => e.id === 'broken')).toMatchObject({ readable: false, id: 'broken' });
    expect(entries.find((e) => e.id === 'odd')).toMatchObject({ readable: false, id: 'odd' });
    expect(goalIn(alex, 'g').title).toBe('Walk the coast path');

    // Other writes do not sweep it away.
    createGoal(alex, {
      id: 'g2',
      title: 'Another',
      horizon: 'someday',
      proposed: false,
      userId: ALEX,
      now: 5,
    });
    sync(alex, sam);
    expect(goalsMap(alex).has('broken')).toBe(true);
    expect(goalsMap(sam).has('odd')).toBe(true);
    expect(
      readGoals(sam)
        .filter((e) => !e.readable)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['broken', 'odd']);
  });

  it('records who last changed the why when they type in it, and not for the partner’s edits', () => {
    const [alex, sam] = couple();
    const stop = onLocalTextEdit(goalsMap(sam), ['why'], (id) =>
      touchGoal(sam, { id, userId: SAM, now: 7000 }),
    );
    const alexWhy = goalIn(alex, 'g').why;
    alexWhy.insert(0, [new Y.XmlText('From Alex')]);
    sync(alex, sam);
    expect(goalIn(sam, 'g').updatedBy).toBe(ALEX);
    sam.transact(() => goalIn(sam, 'g').why.insert(0, [new Y.XmlText('From Sam')]), { editor: 'tiptap' });
    expect(goalIn(sam, 'g')).toMatchObject({ updatedBy: SAM, updatedAt: 7000 });
    stop();
  });

  it('shows an unreadable step in place and counts progress from the readable ones', () => {
    const [alex] = couple();
    const steps = goalsMap(alex).get('g') as Y.Map<unknown>;
    (steps.get('steps') as Y.Map<unknown>).set('junk', { title: 'no' });
    setStepDone(alex, { goalId: 'g', stepId: 's1', done: true, userId: ALEX, now: 9 });
    const goal = goalIn(alex, 'g');
    expect(goal.steps.find((s) => s.id === 'junk')).toMatchObject({ readable: false, id: 'junk' });
    expect(goal.progress).toEqual({ done: 1, total: 3 });
  });

  it('still adds and moves steps when an unreadable step sits among them', () => {
    const [alex] = couple();
    const goal = goalsMap(alex).get('g') as Y.Map<unknown>;
    (goal.get('steps') as Y.Map<unknown>).set('junk', 'garbled');
    addStep(alex, { goalId: 'g', id: 's4', title: 'Walk', owner: ALEX, userId: ALEX, now: 9 });
    moveStep(alex, { goalId: 'g', stepId: 's1', beforeId: 's4', afterId: 'junk' });
    expect(titles(alex, 'g')).toEqual(['Buy boots', 'Pack', 'Walk', 'Book the cottage']);
    expect(goalIn(alex, 'g').steps.at(-1)).toMatchObject({ readable: false, id: 'junk' });
  });

  describe.each([
    ['a-first', [1, 2]],
    ['b-first', [1, 2]],
    ['a-first', [2, 1]],
    ['b-first', [2, 1]],
  ] as const)('concurrent edits merged %s (client ids %j)', (order, ids) => {
    it('converges when both partners reorder the same step at once', () => {
      const [alex, sam] = couple([ids[0], ids[1]]);
      moveStep(alex, { goalId: 'g', stepId: 's3', beforeId: null, afterId: 's1' }); // Pack first
      moveStep(sam, { goalId: 'g', stepId: 's3', beforeId: 's1', afterId: 's2' }); // Pack second
      const merged = merge(alex, sam, order);
      sync(alex, sam);
      const result = titles(merged, 'g');
      expect(titles(alex, 'g')).toEqual(result);
      expect(titles(sam, 'g')).toEqual(result);
      // One of the two moves wins whole; the other steps keep their order.
      expect([
        ['Pack', 'Book the cottage', 'Buy boots'],
        ['Book the cottage', 'Pack', 'Buy boots'],
      ]).toContainEqual(result);
    });

    it('converges when both reorder different steps into the same place', () => {
      const [alex, sam] = couple([ids[0], ids[1]]);
      moveStep(alex, { goalId: 'g', stepId: 's3', beforeId: null, afterId: 's1' });
      moveStep(sam, { goalId: 'g', stepId: 's2', beforeId: null, afterId: 's1' });
      const merged = merge(alex, sam, order);
      sync(alex, sam);
      expect(titles(alex, 'g')).toEqual(titles(merged, 'g'));
      expect(titles(sam, 'g')).toEqual(titles(merged, 'g'));
      expect(titles(merged, 'g').at(-1)).toBe('Book the cottage');
      expect(new Set(titles(merged, 'g')).size).toBe(3);
    });

    it('counts a step ticked by both at once as done once, by one of them with their own time', () => {
      const [alex, sam] = couple([ids[0], ids[1]]);
      setStepDone(alex, { goalId: 'g', stepId: 's1', done: true, userId: ALEX, now: 100 });
      setStepDone(sam, { goalId: 'g', stepId: 's1', done: true, userId: SAM, now: 200 });
      const merged = merge(alex, sam, order);
      sync(alex, sam);
      for (const doc of [merged, alex, sam]) {
        const step = stepsIn(doc, 'g')[0]!;
        expect(step.done).toBe(true);
        expect([
          [ALEX, 100],
          [SAM, 200],
        ]).toContainEqual([step.doneBy, step.doneAt]);
        expect(goalIn(doc, 'g').progress).toEqual({ done: 1, total: 3 });
      }
      expect(stepsIn(alex, 'g')[0]!.doneBy).toBe(stepsIn(sam, 'g')[0]!.doneBy);
    });

    it('removes a step on both screens when one deletes it while the other edits and ticks it', () => {
      const [alex, sam] = couple([ids[0], ids[1]]);
      deleteStep(alex, { goalId: 'g', stepId: 's2', userId: ALEX, now: 10 });
      updateStep(sam, {
        goalId: 'g',
        stepId: 's2',
        patch: { title: 'Buy good boots' },
        userId: SAM,
        now: 11,
      });
      setStepDone(sam, { goalId: 'g', stepId: 's2', done: true, userId: SAM, now: 12 });
      const merged = merge(alex, sam, order);
      sync(alex, sam);
      for (const doc of [merged, alex, sam]) {
        expect(titles(doc, 'g')).toEqual(['Book the cottage', 'Pack']);
        expect(goalIn(doc, 'g').progress).toEqual({ done: 0, total: 2 });
      }
    });

    it('keeps both partners’ steps when each adds one at the same moment', () => {
      const [alex, sam] = couple([ids[0], ids[1]]);
      addStep(alex, { goalId: 'g', id: 'a', title: 'Maps', owner: ALEX, userId: ALEX, now: 20 });
      addStep(sam, { goalId: 'g', id: 'b', title: 'Snacks', owner: SAM, userId: SAM, now: 20 });
      const merged = merge(alex, sam, order);
      sync(alex, sam);
      expect(titles(merged, 'g')).toHaveLength(5);
      expect(titles(alex, 'g')).toEqual(titles(merged, 'g'));
      expect(titles(sam, 'g')).toEqual(titles(merged, 'g'));
    });
  });
});
