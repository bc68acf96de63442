import { GOAL_HORIZON_LABELS, GoalStatus, StepKind, type ExportedGoal } from '@twofold/shared';
import { day, escapeMarkdown as escape, paragraphs } from './markdown-text.ts';

function standing(goal: ExportedGoal): string {
  if (goal.status === GoalStatus.proposed)
    return `Suggested by ${escape(goal.proposedByName ?? 'one of us')}; not yet added to the plan.`;
  if (goal.status === GoalStatus.achieved) {
    const when = goal.achievedAt === null ? '' : ` on ${day(goal.achievedAt)}`;
    const who = goal.achievedByName ? `, marked by ${escape(goal.achievedByName)}` : '';
    return `Achieved${when}${who}.`;
  }
  return 'In our plan.';
}

function stepLine(step: ExportedGoal['steps'][number]): string {
  const parts = [
    `${step.kind === StepKind.milestone ? 'Milestone: ' : ''}${escape(step.title || 'Untitled step')}`,
    escape(step.ownerName),
  ];
  if (step.dueOn) parts.push(`due ${step.dueOn}`);
  if (step.done) {
    const who = step.doneByName ? ` by ${escape(step.doneByName)}` : '';
    parts.push(`done${who}${step.doneAt === null ? '' : ` on ${day(step.doneAt)}`}`);
  }
  return `- [${step.done ? 'x' : ' '}] ${parts.join(' · ')}`;
}

/**
 * Shared goals for the Markdown export: where each stands, why it matters, and every step with
 * its owner, due date and who ticked it when. Names were resolved when the export was built.
 */
export function goalsToMarkdown(goals: readonly ExportedGoal[] | undefined): string[] {
  const out: string[] = ['## Shared goals', ''];
  if (!goals || goals.length === 0) return [...out, '_No shared goals yet._', ''];
  for (const goal of goals) {
    out.push(`### ${escape(goal.title || 'Untitled goal')}`, '');
    const target = goal.targetOn ? ` · target ${goal.targetOn}` : '';
    out.push(`${GOAL_HORIZON_LABELS[goal.horizon]}${target} · ${standing(goal)}`);
    if (goal.values.length > 0) out.push(`Values: ${goal.values.map(escape).join(', ')}.`);
    out.push(`Started by ${escape(goal.createdByName)} on ${day(goal.createdAt)}.`, '');
    out.push('**Why it matters to us**', '', paragraphs(goal.why), '');
    const done = goal.steps.filter((step) => step.done).length;
    if (goal.steps.length === 0) {
      out.push('_No steps yet._', '');
      continue;
    }
    out.push(`**Steps** (${done} of ${goal.steps.length} done)`, '');
    out.push(...goal.steps.map(stepLine), '');
  }
  return out;
}
