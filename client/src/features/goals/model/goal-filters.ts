import { BOTH_OWNERS, type Goal } from '@twofold/shared';

export const ANY = 'any';
/** Owner filter: anyone, or goals with a step owned by me, my partner, or both of us. */
export type OwnerFilter = typeof ANY | 'me' | 'partner' | 'both';

export function matchesOwner(
  goal: Goal,
  filter: OwnerFilter,
  selfId: string,
  partnerId: string | null,
): boolean {
  if (filter === ANY) return true;
  const wanted = filter === 'me' ? selfId : filter === 'partner' ? partnerId : BOTH_OWNERS;
  return goal.steps.some((step) => step.readable && step.owner === wanted);
}

export function matchesValue(goal: Goal, value: string): boolean {
  if (value === ANY) return true;
  return goal.values.some((v) => v.toLowerCase() === value.toLowerCase());
}

/** Every value any goal names, spelled as it was first written, in alphabetical order. */
export function allValues(goals: readonly Goal[]): string[] {
  const byKey = new Map<string, string>();
  for (const goal of goals)
    for (const value of goal.values)
      if (!byKey.has(value.toLowerCase())) byKey.set(value.toLowerCase(), value);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

/** Goals by target date for the timeline; goals without one come last, in their shared order. */
export function byTargetDate(goals: readonly Goal[]): Goal[] {
  return [...goals].sort((a, b) => {
    if (a.targetOn === b.targetOn) return 0;
    if (a.targetOn === null) return 1;
    if (b.targetOn === null) return -1;
    return a.targetOn < b.targetOn ? -1 : 1;
  });
}
