import { BOTH_OWNERS, addStep, createGoal, GoalHorizon, readGoals, type Goal } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  allValues,
  ANY,
  byTargetDate,
  matchesOwner,
  matchesValue,
} from '../../client/src/features/goals/model/goal-filters.ts';
import {
  ownerChoices,
  ownerLabel,
  personName,
  type People,
} from '../../client/src/features/goals/model/people.ts';
import { parseValues } from '../../client/src/features/goals/model/values.ts';

const ALEX = 'alex-0001';
const SAM = 'sam-00001';
const people: People = { selfId: ALEX, selfName: 'Alex', partner: { id: SAM, name: 'Sam' } };

/** Goals as the shared document gives them to the page, not hand-built look-alikes. */
function goals(
  specs: Array<{ title: string; values?: string[]; targetOn?: string | null; owners?: string[] }>,
): Goal[] {
  const doc = new Y.Doc();
  specs.forEach((spec, i) => {
    const id = `goal-${i}`;
    createGoal(doc, {
      id,
      title: spec.title,
      horizon: GoalHorizon.thisYear,
      targetOn: spec.targetOn ?? null,
      values: spec.values ?? [],
      proposed: false,
      userId: ALEX,
      now: 1000,
    });
    (spec.owners ?? []).forEach((owner, j) =>
      addStep(doc, { goalId: id, id: `${id}-step-${j}`, title: `Step ${j}`, owner, userId: ALEX, now: 1000 }),
    );
  });
  return readGoals(doc).filter((goal): goal is Goal => goal.readable);
}

describe('goal filters', () => {
  it('keeps a goal for an owner filter only when one of its steps belongs to that owner', () => {
    const [mine, ours] = goals([
      { title: 'Mine', owners: [ALEX] },
      { title: 'Ours', owners: [BOTH_OWNERS] },
    ]);
    if (!mine || !ours) throw new Error('goals missing');
    expect(matchesOwner(mine, ANY, ALEX, SAM)).toBe(true);
    expect(matchesOwner(mine, 'me', ALEX, SAM)).toBe(true);
    expect(matchesOwner(mine, 'partner', ALEX, SAM)).toBe(false);
    expect(matchesOwner(ours, 'both', ALEX, SAM)).toBe(true);
    expect(matchesOwner(ours, 'me', ALEX, SAM)).toBe(false);
    // Without a partner, "partner" matches nothing rather than steps with no owner.
    expect(matchesOwner(mine, 'partner', ALEX, null)).toBe(false);
  });

  it('matches a value whatever its case, and lists each value once as first spelled, in order', () => {
    const list = goals([
      { title: 'A', values: ['Health', 'adventure'] },
      { title: 'B', values: ['health', 'family'] },
    ]);
    const [first] = list;
    if (!first) throw new Error('goal missing');
    expect(matchesValue(first, 'ADVENTURE')).toBe(true);
    expect(matchesValue(first, 'family')).toBe(false);
    expect(matchesValue(first, ANY)).toBe(true);
    expect(allValues(list).map((v) => v.toLowerCase())).toEqual(['adventure', 'family', 'health']);
  });

  it('orders the timeline by target date, goals without one last in their shared order', () => {
    const list = goals([
      { title: 'No date 1' },
      { title: 'Late', targetOn: '2027-05-01' },
      { title: 'No date 2' },
      { title: 'Soon', targetOn: '2026-12-24' },
    ]);
    expect(byTargetDate(list).map((g) => g.title)).toEqual(['Soon', 'Late', 'No date 1', 'No date 2']);
  });
});

describe('goal people', () => {
  it('names who did something from the reader’s side, a former member without their name', () => {
    expect(personName(people, ALEX)).toBe('you');
    expect(personName(people, SAM)).toBe('Sam');
    expect(personName(people, 'gone-0001')).toBe('a former member');
    expect(personName(people, null)).toBe('someone');
    expect(ownerLabel(people, BOTH_OWNERS)).toBe('Both of us');
    expect(ownerLabel(people, SAM)).toBe('Sam');
  });

  it('offers the partner as an owner only once there is one', () => {
    expect(ownerChoices(people).map((c) => c.label)).toEqual(['Me', 'Sam', 'Both of us']);
    expect(ownerChoices({ ...people, partner: null }).map((c) => c.label)).toEqual(['Me', 'Both of us']);
  });
});

describe('parseValues', () => {
  it('splits on commas, drops blanks and repeats, and keeps each tag short', () => {
    const parsed = parseValues(` honesty, Adventure ,,honesty, ${'x'.repeat(60)}`);
    expect(parsed.map((v) => v.toLowerCase()).slice(0, 2)).toEqual(['honesty', 'adventure']);
    expect(parsed).toHaveLength(3);
    expect(parsed.every((v) => v.length <= 40)).toBe(true);
  });
});
