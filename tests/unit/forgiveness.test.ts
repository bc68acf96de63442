import { BreachState } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import { checkTransition, currentState } from '../../server/src/forgiveness/transitions.ts';
import { repairView } from '../../server/src/repairs/visibility.ts';

const breach = { hurtUserId: 'sam' };

describe('forgiveness transitions', () => {
  it('lets the hurt partner move a breach in every direction, including back', () => {
    const states = Object.values(BreachState);
    for (const from of states) {
      for (const to of states) {
        expect(checkTransition(breach, from, to, 'sam')).toBe(from === to ? 'unchanged' : null);
      }
    }
  });

  it('never lets anyone else move it, whatever the state', () => {
    for (const to of Object.values(BreachState)) {
      expect(checkTransition(breach, BreachState.hurting, to, 'alex')).toBe('not-the-hurt-partner');
    }
  });

  it('reads the state from the hurt partner’s own changes only, hurting until they say', () => {
    expect(currentState(breach, [])).toBe(BreachState.hurting);
    expect(
      currentState(breach, [
        { state: BreachState.workingOnIt, by: 'sam' },
        { state: BreachState.forgiven, by: 'alex' },
        { state: 'healed-by-decree', by: 'sam' },
      ]),
    ).toBe(BreachState.workingOnIt);
    expect(
      currentState(breach, [
        { state: BreachState.forgiven, by: 'sam' },
        { state: BreachState.hurting, by: 'sam' },
      ]),
    ).toBe(BreachState.hurting);
  });
});

describe('the repair reveal', () => {
  const repair = {
    id: 'r1',
    spaceId: 's',
    topic: 'Saturday night',
    startedBy: 'alex',
    startedAt: 1,
    nextTime: null,
    nextTimeBy: null,
    nextTimeAt: null,
  };
  const part = (userId: string, writtenAt: number) => ({
    repairId: 'r1',
    userId,
    writtenAt,
    part: JSON.stringify({ felt: `${userId} felt`, trigger: 't', myPart: 'm', need: 'n' }),
  });

  it('shows each their own side, and the partner’s only once both have written', () => {
    const one = [part('alex', 10)];
    expect(repairView(repair, one, 'alex').entries[0]?.part?.felt).toBe('alex felt');
    expect(repairView(repair, one, 'sam').entries).toEqual([{ userId: 'alex', writtenAt: 10, part: null }]);
    expect(JSON.stringify(repairView(repair, one, 'sam'))).not.toContain('alex felt');
    expect(repairView(repair, one, 'sam').openedAt).toBeNull();

    const both = [part('alex', 10), part('sam', 20)];
    const seen = repairView(repair, both, 'sam');
    expect(seen.openedAt).toBe(20);
    expect(seen.entries.map((entry) => entry.part?.felt)).toEqual(['alex felt', 'sam felt']);
  });
});
