import * as Y from 'yjs';
import { GOAL_HORIZON_LABELS, StepKind, stepFieldsSchema } from './goal-model.ts';
import { readGoal, type Goal } from './goals.ts';
import { restoreEntity, writeChanged } from './entity.ts';
import { restoreFragment } from './history.ts';
import { LOCAL_ORIGIN } from './origin.ts';
import { fragmentToPlainText } from './rich-text.ts';
import { goalsMap } from './roots.ts';

const STATUS_LABELS: Record<Goal['status'], string> = {
  proposed: 'Suggested',
  active: 'In our plan',
  achieved: 'Achieved',
};

/**
 * A goal's fields as one text, the way history counts and compares it: title, horizon and
 * target, values, where it stands, "why it matters to us", then each step and milestone (a
 * done one says so in a word, so ticking it off counts as a change). Before the goal exists it
 * reads as the bare labels, so the session that wrote it counts only the words typed.
 */
export function goalHistoryText(goal: Goal | null): string {
  const lines = [
    goal?.title ?? '',
    goal ? `${GOAL_HORIZON_LABELS[goal.horizon]}${goal.targetOn ? `, by ${goal.targetOn}` : ''}` : '',
    goal ? STATUS_LABELS[goal.status] : '',
    goal && goal.values.length > 0 ? `Values: ${goal.values.join(', ')}` : 'Values: —',
    '',
    'Why it matters to us',
    goal ? fragmentToPlainText(goal.why) : '',
    '',
    'Steps and milestones',
  ];
  for (const step of goal?.steps ?? []) {
    if (!step.readable) {
      lines.push('A step that could not be read');
      continue;
    }
    const kind = step.kind === StepKind.milestone ? 'Milestone: ' : '';
    lines.push(`${kind}${step.title}${step.dueOn ? `, by ${step.dueOn}` : ''}${step.done ? ' (done)' : ''}`);
  }
  return lines.join('\n');
}

/** The words of goal `id` in any copy of the shared document (history's `TextOf`). */
export function goalTextOf(id: string): (doc: Y.Doc) => string {
  return (doc) => {
    const value = goalsMap(doc).get(id);
    if (value === undefined) return goalHistoryText(null);
    const entry = readGoal(id, value);
    return entry.readable ? goalHistoryText(entry) : 'This version could not be read.';
  };
}

/** Who touched a goal last, which history does not follow on its own (the typing shows it). */
export const GOAL_HISTORY_IGNORED: ReadonlySet<string> = new Set(['updatedBy', 'updatedAt']);

const GOAL_KEYS = ['title', 'horizon', 'targetOn', 'values'] as const;
const STEP_KEYS = Object.keys(stepFieldsSchema.shape) as (keyof typeof stepFieldsSchema.shape)[];

/**
 * Makes the live goal `id` read as it did in `old` (an earlier copy of the same document), as
 * one new local edit by `userId` at `now` (ms): title, horizon, target date, values, "why" and
 * the steps (a step added since is removed, a removed one comes back, each as it was). Where it
 * stands (suggested, in the plan, achieved) is left as it is now: accepting and achieving are
 * acts of one partner, not words to bring back. Returns false (and writes nothing) when the
 * goal is missing or unreadable in either copy.
 */
export function restoreGoal(
  live: Y.Doc,
  args: { old: Y.Doc; id: string; userId: string; now: number },
): boolean {
  return restoreEntity(live, {
    ...args,
    live: goalsMap(live),
    old: goalsMap(args.old),
    read: readGoal,
    write: (target, was) => {
      writeChanged(target.entity, Object.fromEntries(GOAL_KEYS.map((key) => [key, was.entry[key]])));
      if (target.entry.why.toString() !== was.entry.why.toString()) {
        restoreFragment(target.entry.why, was.entry.why, LOCAL_ORIGIN);
      }
      const steps = target.entity.get('steps') as Y.Map<unknown>;
      const oldSteps = was.entity.get('steps') as Y.Map<unknown>;
      for (const stepId of [...steps.keys()]) if (!oldSteps.has(stepId)) steps.delete(stepId);
      oldSteps.forEach((oldStep, stepId) => {
        if (!(oldStep instanceof Y.Map)) return;
        let step = steps.get(stepId);
        if (!(step instanceof Y.Map)) {
          step = new Y.Map<unknown>();
          steps.set(stepId, step);
        }
        writeChanged(
          step as Y.Map<unknown>,
          Object.fromEntries(STEP_KEYS.map((key) => [key, oldStep.get(key)])),
        );
      });
    },
  });
}
