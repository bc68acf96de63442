import * as Y from 'yjs';
import {
  goalFieldsSchema,
  goalPatchSchema,
  GoalStatus,
  stepFieldsSchema,
  stepPatchSchema,
  StepKind,
  type GoalFields,
  type GoalHorizon,
  type GoalPatch,
  type StepFields,
  type StepPatch,
} from './goal-model.ts';
import { readImportedMark, type ImportCredit, type ImportedMark } from './import-credit.ts';
import { LOCAL_ORIGIN } from './origin.ts';
import { compareByOrder, neighbourOrder, orderAtEnd, orderBetween } from './order.ts';
import { writePlainParagraphs } from './rich-text.ts';
import { goalsMap } from './roots.ts';

/** A step or milestone as read from the shared doc. */
export interface Step extends StepFields {
  ok: true;
}

/** A step whose stored shape is broken: shown as such, never dropped. */
export interface UnreadableStep {
  ok: false;
  id: string;
  order: string;
  problem: string;
}

export type StepEntry = Step | UnreadableStep;

/** How far a goal has come, counted from its readable steps and milestones. */
export interface GoalProgress {
  done: number;
  total: number;
}

/** A goal as read from the shared doc: plain fields, the live `why` fragment, its steps. */
export interface Goal extends GoalFields {
  ok: true;
  /** "Why it matters to us", bound to TipTap. */
  why: Y.XmlFragment;
  /** Steps and milestones in their shared order; unreadable ones stay in place. */
  steps: StepEntry[];
  progress: GoalProgress;
  /** Set when it came from an export: who brought it in, and a writer who is not a member here. */
  imported: ImportedMark | null;
}

/** A goal whose stored shape is broken: shown as such, never dropped. */
export interface UnreadableGoal {
  ok: false;
  id: string;
  order: string;
  problem: string;
}

export type GoalEntry = Goal | UnreadableGoal;

function orderOf(value: Y.Map<unknown>): string {
  const order = value.get('order');
  return typeof order === 'string' && order.length > 0 ? order : '~';
}

/** Reads one step; never throws, whatever a partner's client wrote. */
export function readStep(id: string, value: unknown): StepEntry {
  if (!(value instanceof Y.Map)) return { ok: false, id, order: '~', problem: 'not a step' };
  const order = orderOf(value);
  const fields = stepFieldsSchema.safeParse({
    id: value.get('id'),
    title: value.get('title'),
    kind: value.get('kind'),
    owner: value.get('owner'),
    dueOn: value.get('dueOn') ?? null,
    done: value.get('done'),
    doneBy: value.get('doneBy') ?? null,
    doneAt: value.get('doneAt') ?? null,
    order: value.get('order'),
    createdBy: value.get('createdBy'),
    createdAt: value.get('createdAt'),
    updatedBy: value.get('updatedBy'),
    updatedAt: value.get('updatedAt'),
  });
  if (!fields.success || fields.data.id !== id) {
    return {
      ok: false,
      id,
      order,
      problem: fields.success ? 'id mismatch' : (fields.error.issues[0]?.message ?? 'invalid'),
    };
  }
  return { ok: true, ...fields.data };
}

/** Progress from the steps that can be read: an unreadable step counts for neither side. */
export function goalProgress(steps: readonly StepEntry[]): GoalProgress {
  let done = 0;
  let total = 0;
  for (const step of steps) {
    if (!step.ok) continue;
    total++;
    if (step.done) done++;
  }
  return { done, total };
}

/** Reads one goal; never throws, whatever a partner's client wrote. */
export function readGoal(id: string, value: unknown): GoalEntry {
  if (!(value instanceof Y.Map)) return { ok: false, id, order: '~', problem: 'not a goal' };
  const order = orderOf(value);
  const rawValues = value.get('values');
  const fields = goalFieldsSchema.safeParse({
    id: value.get('id'),
    title: value.get('title'),
    horizon: value.get('horizon'),
    targetOn: value.get('targetOn') ?? null,
    values: rawValues === undefined ? [] : rawValues,
    status: value.get('status'),
    proposedBy: value.get('proposedBy') ?? null,
    achievedAt: value.get('achievedAt') ?? null,
    achievedBy: value.get('achievedBy') ?? null,
    order: value.get('order'),
    createdBy: value.get('createdBy'),
    createdAt: value.get('createdAt'),
    updatedBy: value.get('updatedBy'),
    updatedAt: value.get('updatedAt'),
  });
  if (!fields.success || fields.data.id !== id) {
    return {
      ok: false,
      id,
      order,
      problem: fields.success ? 'id mismatch' : (fields.error.issues[0]?.message ?? 'invalid'),
    };
  }
  const why = value.get('why');
  if (!(why instanceof Y.XmlFragment)) return { ok: false, id, order, problem: 'why is not rich text' };
  const rawSteps = value.get('steps');
  if (!(rawSteps instanceof Y.Map)) return { ok: false, id, order, problem: 'steps are missing' };
  const steps: StepEntry[] = [];
  rawSteps.forEach((step, stepId) => steps.push(readStep(stepId, step)));
  steps.sort(compareByOrder);
  const imported = readImportedMark(value.get('imported'));
  return { ok: true, ...fields.data, why, steps, progress: goalProgress(steps), imported };
}

/** Every goal in the space, in their shared order (unreadable ones included, as such). */
export function readGoals(doc: Y.Doc): GoalEntry[] {
  const entries: GoalEntry[] = [];
  goalsMap(doc).forEach((value, id) => entries.push(readGoal(id, value)));
  return entries.sort(compareByOrder);
}

function goalEntity(doc: Y.Doc, id: string): Y.Map<unknown> {
  const entity = goalsMap(doc).get(id);
  if (!(entity instanceof Y.Map)) throw new Error(`no goal ${id}`);
  return entity;
}

function readableGoal(doc: Y.Doc, id: string): Goal {
  const entry = readGoal(id, goalsMap(doc).get(id));
  if (!entry.ok) throw new Error(`goal ${id} cannot be read: ${entry.problem}`);
  return entry;
}

function stepsOf(doc: Y.Doc, goalId: string): Y.Map<unknown> {
  const steps = goalEntity(doc, goalId).get('steps');
  if (!(steps instanceof Y.Map)) throw new Error(`goal ${goalId} has no steps`);
  return steps;
}

function stepEntity(doc: Y.Doc, goalId: string, stepId: string): Y.Map<unknown> {
  const step = stepsOf(doc, goalId).get(stepId);
  if (!(step instanceof Y.Map)) throw new Error(`no step ${stepId}`);
  return step;
}

function touch(entity: Y.Map<unknown>, userId: string, now: number): void {
  entity.set('updatedBy', userId);
  entity.set('updatedAt', now);
}

export interface CreateGoalArgs {
  id: string;
  title: string;
  horizon: GoalHorizon;
  targetOn?: string | null;
  values?: readonly string[];
  /** Starting words for "why it matters to us", as paragraphs. */
  why?: readonly string[];
  /** A suggestion waits for the other partner to accept it; otherwise it is in the plan at once. */
  proposed: boolean;
  userId: string;
  now: number;
  /** For an import: who wrote it and when, as the export says, instead of `userId` and `now`. */
  credit?: ImportCredit;
  /** For an import: who suggested a proposed goal (`userId` otherwise). */
  proposedBy?: string;
}

/**
 * Adds a goal at the end of the shared order, with an empty "why" and no steps yet. A proposed
 * goal records who suggested it and stays `proposed` until the other partner accepts it.
 */
export function createGoal(doc: Y.Doc, args: CreateGoalArgs): string {
  const fields = goalFieldsSchema.parse({
    id: args.id,
    title: args.title,
    horizon: args.horizon,
    targetOn: args.targetOn ?? null,
    values: uniqueValues(args.values ?? []),
    status: args.proposed ? GoalStatus.proposed : GoalStatus.active,
    proposedBy: args.proposed ? (args.proposedBy ?? args.userId) : null,
    achievedAt: null,
    achievedBy: null,
    order: orderAtEnd(readGoals(doc).map((entry) => entry.order)),
    createdBy: args.credit?.createdBy ?? args.userId,
    createdAt: args.credit?.createdAt ?? args.now,
    updatedBy: args.credit?.updatedBy ?? args.userId,
    updatedAt: args.credit?.updatedAt ?? args.now,
  });
  doc.transact(() => {
    const entity = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) entity.set(key, value);
    if (args.credit) entity.set('imported', { ...args.credit.mark });
    entity.set('why', new Y.XmlFragment());
    entity.set('steps', new Y.Map<unknown>());
    goalsMap(doc).set(args.id, entity);
    if (args.why?.length) writePlainParagraphs(entity.get('why') as Y.XmlFragment, args.why);
  }, LOCAL_ORIGIN);
  return args.id;
}

/** Tags folded to one spelling each ("Honesty" and "honesty " are the same value). */
export function uniqueValues(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.replace(/\s+/g, ' ').trim();
    const key = value.toLowerCase();
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** Changes a goal's plain fields (title, horizon, target date, values) and records who and when. */
export function updateGoal(doc: Y.Doc, id: string, patch: GoalPatch, userId: string, now: number): void {
  const valid = goalPatchSchema.parse(
    patch.values ? { ...patch, values: uniqueValues(patch.values) } : patch,
  );
  const entity = goalEntity(doc, id);
  doc.transact(() => {
    for (const [key, value] of Object.entries(valid)) {
      if (value === undefined) continue;
      const current = entity.get(key);
      const same = Array.isArray(value)
        ? JSON.stringify(current) === JSON.stringify(value)
        : current === value;
      if (!same) entity.set(key, value);
    }
    touch(entity, userId, now);
  }, LOCAL_ORIGIN);
}

/** Records who last edited a goal's "why" (called by the editor, debounced). */
export function touchGoal(doc: Y.Doc, id: string, userId: string, now: number): void {
  const entity = goalEntity(doc, id);
  doc.transact(() => touch(entity, userId, now), LOCAL_ORIGIN);
}

/**
 * The other partner takes a suggested goal into the plan. The one who proposed it cannot accept
 * their own suggestion; accepting an accepted goal changes nothing.
 */
export function acceptGoal(doc: Y.Doc, id: string, userId: string, now: number): void {
  const goal = readableGoal(doc, id);
  if (goal.status !== GoalStatus.proposed) return;
  if (goal.proposedBy === userId) throw new Error('a goal is accepted by the partner who did not propose it');
  const entity = goalEntity(doc, id);
  doc.transact(() => {
    entity.set('status', GoalStatus.active);
    touch(entity, userId, now);
  }, LOCAL_ORIGIN);
}

/**
 * Lets a suggested goal go, after the couple has talked about it: it leaves the doc. Only a
 * proposal can be let go; goals in the plan and achieved goals are kept.
 */
export function letGoalGo(doc: Y.Doc, id: string): void {
  const goal = readableGoal(doc, id);
  if (goal.status !== GoalStatus.proposed) throw new Error('only a proposed goal can be let go');
  doc.transact(() => goalsMap(doc).delete(id), LOCAL_ORIGIN);
}

/** Marks a goal achieved, with who and when; it moves to "What we've done together". */
export function achieveGoal(doc: Y.Doc, id: string, userId: string, now: number): void {
  const goal = readableGoal(doc, id);
  if (goal.status === GoalStatus.achieved) return;
  const entity = goalEntity(doc, id);
  doc.transact(() => {
    entity.set('status', GoalStatus.achieved);
    entity.set('achievedAt', now);
    entity.set('achievedBy', userId);
    touch(entity, userId, now);
  }, LOCAL_ORIGIN);
}

/** Brings an achieved goal back into the plan (marked achieved by mistake). */
export function reopenGoal(doc: Y.Doc, id: string, userId: string, now: number): void {
  const entity = goalEntity(doc, id);
  doc.transact(() => {
    entity.set('status', GoalStatus.active);
    entity.set('achievedAt', null);
    entity.set('achievedBy', null);
    touch(entity, userId, now);
  }, LOCAL_ORIGIN);
}

/** Moves a goal between two neighbours (ids, or null for either end of the order). */
export function moveGoal(doc: Y.Doc, id: string, beforeId: string | null, afterId: string | null): void {
  const entries = readGoals(doc);
  const orderOfId = (other: string | null) => neighbourOrder(entries, other);
  const entity = goalEntity(doc, id);
  doc.transact(
    () => entity.set('order', orderBetween(orderOfId(beforeId), orderOfId(afterId))),
    LOCAL_ORIGIN,
  );
}

export interface AddStepArgs {
  id: string;
  title: string;
  kind?: StepKind;
  /** A member's user id, or `BOTH_OWNERS`. */
  owner: string;
  dueOn?: string | null;
  userId: string;
  now: number;
}

/** Adds a step (or milestone) at the end of a goal's steps. */
export function addStep(doc: Y.Doc, goalId: string, args: AddStepArgs): string {
  const goal = readableGoal(doc, goalId);
  const fields = stepFieldsSchema.parse({
    id: args.id,
    title: args.title,
    kind: args.kind ?? StepKind.step,
    owner: args.owner,
    dueOn: args.dueOn ?? null,
    done: false,
    doneBy: null,
    doneAt: null,
    order: orderAtEnd(goal.steps.map((step) => step.order)),
    createdBy: args.userId,
    createdAt: args.now,
    updatedBy: args.userId,
    updatedAt: args.now,
  });
  const steps = stepsOf(doc, goalId);
  const entity = goalEntity(doc, goalId);
  doc.transact(() => {
    const step = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) step.set(key, value);
    steps.set(args.id, step);
    touch(entity, args.userId, args.now);
  }, LOCAL_ORIGIN);
  return args.id;
}

/** Changes a step's title, kind, owner or due date. */
export function updateStep(
  doc: Y.Doc,
  goalId: string,
  stepId: string,
  patch: StepPatch,
  userId: string,
  now: number,
): void {
  const valid = stepPatchSchema.parse(patch);
  const step = stepEntity(doc, goalId, stepId);
  doc.transact(() => {
    for (const [key, value] of Object.entries(valid)) {
      if (value !== undefined && step.get(key) !== value) step.set(key, value);
    }
    touch(step, userId, now);
  }, LOCAL_ORIGIN);
}

/**
 * Ticks or unticks a step. `done`, `doneBy` and `doneAt` are written in one transaction, so when
 * both partners tick the same step at once, one tick wins whole (Yjs resolves every key of a
 * concurrent pair of transactions in favour of the same client) rather than mixing who and when.
 * Ticking a step that is already done keeps who did it first.
 */
export function setStepDone(
  doc: Y.Doc,
  goalId: string,
  stepId: string,
  done: boolean,
  userId: string,
  now: number,
): void {
  const step = stepEntity(doc, goalId, stepId);
  if (step.get('done') === done) return;
  doc.transact(() => {
    step.set('done', done);
    step.set('doneBy', done ? userId : null);
    step.set('doneAt', done ? now : null);
    touch(step, userId, now);
  }, LOCAL_ORIGIN);
}

/** Moves a step between two neighbours within its goal (ids, or null for either end). */
export function moveStep(
  doc: Y.Doc,
  goalId: string,
  stepId: string,
  beforeId: string | null,
  afterId: string | null,
): void {
  const steps = readableGoal(doc, goalId).steps;
  const orderOfId = (other: string | null) => neighbourOrder(steps, other);
  const step = stepEntity(doc, goalId, stepId);
  doc.transact(() => step.set('order', orderBetween(orderOfId(beforeId), orderOfId(afterId))), LOCAL_ORIGIN);
}

/** Removes a step. If the partner edits it at the same moment, the removal wins on both screens. */
export function deleteStep(doc: Y.Doc, goalId: string, stepId: string, userId: string, now: number): void {
  const steps = stepsOf(doc, goalId);
  const entity = goalEntity(doc, goalId);
  if (!steps.has(stepId)) return;
  doc.transact(() => {
    steps.delete(stepId);
    touch(entity, userId, now);
  }, LOCAL_ORIGIN);
}
