import { GoalStatus, type ExportedGoal, type SpaceExport } from '@twofold/shared';

/** The key under which the couple's shared "us" letter is picked. */
export const US_LETTER = 'us-letter';

/** One thing the picker offers, under its group's heading. */
export interface PrintOption {
  /** `boundary:<id>`, `goal:<id>`, `letter:<id>` or US_LETTER. */
  key: string;
  label: string;
  group: string;
}

/** The picker's short word for where a goal stands. */
export function goalStandingWord(goal: ExportedGoal): string {
  if (goal.status === GoalStatus.proposed) return 'suggested';
  if (goal.status === GoalStatus.achieved) return 'achieved';
  return 'in the plan';
}

/** What the export holds that can be printed (check-in weeks aside), in the picker's order. */
export function printOptions(data: SpaceExport): PrintOption[] {
  return [
    ...(data.usLetter
      ? [{ key: US_LETTER, label: 'What trust means to us', group: 'Written together' }]
      : []),
    ...data.boundaries.map((b) => ({
      key: `boundary:${b.id}`,
      label: `${b.content.title || 'Untitled boundary'} (${b.status.toLowerCase()})`,
      group: 'Boundaries',
    })),
    ...(data.goals ?? []).map((g) => ({
      key: `goal:${g.id}`,
      label: `${g.title || 'Untitled goal'} (${goalStandingWord(g)})`,
      group: 'Shared goals',
    })),
    ...data.letters.map((l) => ({
      key: `letter:${l.id}`,
      label: `${l.title} — from ${l.authorName}`,
      group: 'Letters',
    })),
  ];
}

/** The members' names, present and former, as the printed pages name the couple ("A and B"). */
export function memberNames(data: SpaceExport): string {
  return [...data.space.members, ...data.space.formerMembers].map((m) => m.name).join(' and ');
}
