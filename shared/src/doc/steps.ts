import * as Y from 'yjs';
import {
  entityIn,
  createEntity,
  deleteEntity,
  moveEntity,
  orderAfterAll,
  readFields,
  readOrdered,
  stamp,
  updateEntity,
  writeLocal,
  type UnreadableEntry,
} from './entity.ts';
import {
  stepFieldsSchema,
  stepPatchSchema,
  StepKind,
  type StepFields,
  type StepPatch,
} from './goal-model.ts';
import { goalsMap } from './roots.ts';

/**
 * A goal's steps and milestones: a nested collection (`steps`, a Y.Map of step Y.Maps) inside
 * each goal entity, read and written with the same entity toolkit as the goals themselves.
 */

/** A step or milestone as read from the shared doc. */
export interface Step extends StepFields {
  readable: true;
}

/** A step whose stored shape is broken: shown as such, never dropped. */
export type UnreadableStep = UnreadableEntry;

export type StepEntry = Step | UnreadableStep;

/** How far a goal has come, counted from its readable steps and milestones. */
export interface GoalProgress {
  done: number;
  total: number;
}

/** Reads one step; never throws, whatever a partner's client wrote. */
export function readStep(id: string, value: unknown): StepEntry {
  const read = readFields(stepFieldsSchema, 'step', id, value);
  return read.readable ? { readable: true, ...read.fields } : read;
}

/** A goal's steps (the nested map) in their shared order; unreadable ones stay in place. */
export function readSteps(steps: Y.Map<unknown>): StepEntry[] {
  return readOrdered(steps, readStep);
}

/** Progress from the steps that can be read: an unreadable step counts for neither side. */
export function goalProgress(steps: readonly StepEntry[]): GoalProgress {
  let done = 0;
  let total = 0;
  for (const step of steps) {
    if (!step.readable) continue;
    total++;
    if (step.done) done++;
  }
  return { done, total };
}

/** Goal `goalId`'s entity and its steps map; throws if either is missing. */
function goalWithSteps(doc: Y.Doc, goalId: string): { goal: Y.Map<unknown>; steps: Y.Map<unknown> } {
  const goal = entityIn(goalsMap(doc), goalId, 'goal');
  const steps = goal.get('steps');
  if (!(steps instanceof Y.Map)) throw new Error(`goal ${goalId} has no steps`);
  return { goal, steps };
}

/** Which step of which goal, and who changes it when (`now` in ms since the epoch). */
export interface StepTouchArgs {
  goalId: string;
  stepId: string;
  userId: string;
  now: number;
}

export interface AddStepArgs {
  goalId: string;
  id: string;
  title: string;
  kind?: StepKind;
  /** A member's user id, or `BOTH_OWNERS`. */
  owner: string;
  dueOn?: string | null;
  userId: string;
  now: number;
}

/**
 * Adds a step (or milestone) at the end of a goal's steps and records the goal as changed.
 * Throws if the goal is missing or the fields are invalid.
 */
export function addStep(doc: Y.Doc, args: AddStepArgs): string {
  const { goal, steps } = goalWithSteps(doc, args.goalId);
  const fields = stepFieldsSchema.parse({
    id: args.id,
    title: args.title,
    kind: args.kind ?? StepKind.step,
    owner: args.owner,
    dueOn: args.dueOn ?? null,
    done: false,
    doneBy: null,
    doneAt: null,
    order: orderAfterAll(readSteps(steps)),
    createdBy: args.userId,
    createdAt: args.now,
    updatedBy: args.userId,
    updatedAt: args.now,
  });
  return createEntity(doc, { collection: steps, fields, build: () => stamp(goal, args) });
}

/** Changes a step's title, kind, owner or due date. */
export function updateStep(doc: Y.Doc, args: StepTouchArgs & { patch: StepPatch }): void {
  const patch = stepPatchSchema.parse(args.patch);
  const step = entityIn(goalWithSteps(doc, args.goalId).steps, args.stepId, 'step');
  updateEntity(doc, { entity: step, patch, userId: args.userId, now: args.now });
}

/**
 * Ticks or unticks a step. `done`, `doneBy` and `doneAt` are written in one transaction, so when
 * both partners tick the same step at once, one tick wins whole (Yjs resolves every key of a
 * concurrent pair of transactions in favour of the same client) rather than mixing who and when.
 * Ticking a step that is already done keeps who did it first.
 */
export function setStepDone(doc: Y.Doc, args: StepTouchArgs & { done: boolean }): void {
  const step = entityIn(goalWithSteps(doc, args.goalId).steps, args.stepId, 'step');
  if (step.get('done') === args.done) return;
  writeLocal(doc, () => {
    step.set('done', args.done);
    step.set('doneBy', args.done ? args.userId : null);
    step.set('doneAt', args.done ? args.now : null);
    stamp(step, args);
  });
}

/** Moves a step between two neighbours within its goal (ids, or null for either end). */
export function moveStep(
  doc: Y.Doc,
  args: { goalId: string; stepId: string; beforeId: string | null; afterId: string | null },
): void {
  const { steps } = goalWithSteps(doc, args.goalId);
  const step = entityIn(steps, args.stepId, 'step');
  moveEntity(doc, {
    entity: step,
    entries: readSteps(steps),
    beforeId: args.beforeId,
    afterId: args.afterId,
  });
}

/**
 * Removes a step and records the goal as changed. If the partner edits it at the same moment,
 * the removal wins on both screens. A step that is already gone changes nothing.
 */
export function deleteStep(doc: Y.Doc, args: StepTouchArgs): void {
  const { goal, steps } = goalWithSteps(doc, args.goalId);
  if (!steps.has(args.stepId)) return;
  writeLocal(doc, () => {
    deleteEntity(doc, { collection: steps, id: args.stepId });
    stamp(goal, args);
  });
}
