import * as Y from 'yjs';
import {
  createEntity,
  deleteEntity,
  entityIn,
  moveEntity,
  orderAfterAll,
  readFields,
  readOrdered,
  stamp,
  touchEntity,
  unreadableEntry,
  updateEntity,
  writeLocal,
  type UnreadableEntry,
} from './entity.ts';
import {
  goalFieldsSchema,
  goalPatchSchema,
  GoalStatus,
  type GoalFields,
  type GoalHorizon,
  type GoalPatch,
} from './goal-model.ts';
import { readImportedMark, type ImportCredit, type ImportedMark } from './import-credit.ts';
import { writePlainParagraphs } from './rich-text.ts';
import { goalsMap } from './roots.ts';
import { goalProgress, readSteps, type GoalProgress, type StepEntry } from './steps.ts';
import { uniqueValues } from './tags.ts';

/** A goal as read from the shared doc: plain fields, the live `why` fragment, its steps. */
export interface Goal extends GoalFields {
  readable: true;
  /** "Why it matters to us", bound to TipTap. */
  why: Y.XmlFragment;
  /** Steps and milestones in their shared order; unreadable ones stay in place. */
  steps: StepEntry[];
  progress: GoalProgress;
  /** Set when it came from an export: who brought it in, and a writer who is not a member here. */
  imported: ImportedMark | null;
}

/** A goal whose stored shape is broken: shown as such, never dropped. */
export type UnreadableGoal = UnreadableEntry;

export type GoalEntry = Goal | UnreadableGoal;

/** Reads one goal; never throws, whatever a partner's client wrote. */
export function readGoal(id: string, value: unknown): GoalEntry {
  // Goals written before values existed have none.
  const read = readFields(goalFieldsSchema, 'goal', id, value, { values: [] });
  if (!read.readable) return read;
  const { fields, entity } = read;
  const why = entity.get('why');
  if (!(why instanceof Y.XmlFragment)) return unreadableEntry(id, entity, 'why is not rich text');
  const rawSteps = entity.get('steps');
  if (!(rawSteps instanceof Y.Map)) return unreadableEntry(id, entity, 'steps are missing');
  const steps = readSteps(rawSteps);
  const imported = readImportedMark(entity.get('imported'));
  return { readable: true, ...fields, why, steps, progress: goalProgress(steps), imported };
}

/** Every goal in the space, in their shared order (unreadable ones included, as such). */
export function readGoals(doc: Y.Doc): GoalEntry[] {
  return readOrdered(goalsMap(doc), readGoal);
}

const goalIn = (doc: Y.Doc, id: string) => entityIn(goalsMap(doc), id, 'goal');

function readableGoal(doc: Y.Doc, id: string): Goal {
  const entry = readGoal(id, goalsMap(doc).get(id));
  if (!entry.readable) throw new Error(`goal ${id} cannot be read: ${entry.problem}`);
  return entry;
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
    order: orderAfterAll(readGoals(doc)),
    createdBy: args.credit?.createdBy ?? args.userId,
    createdAt: args.credit?.createdAt ?? args.now,
    updatedBy: args.credit?.updatedBy ?? args.userId,
    updatedAt: args.credit?.updatedAt ?? args.now,
  });
  return createEntity(doc, {
    collection: goalsMap(doc),
    fields,
    build(entity) {
      if (args.credit) entity.set('imported', { ...args.credit.mark });
      const why = new Y.XmlFragment();
      entity.set('why', why);
      entity.set('steps', new Y.Map<unknown>());
      if (args.why?.length) writePlainParagraphs(why, args.why);
    },
  });
}

/** Which goal, and who changes it when (`now` in ms since the epoch). */
export interface GoalTouchArgs {
  id: string;
  userId: string;
  now: number;
}

/** Changes a goal's plain fields (title, horizon, target date, values) and records who and when. */
export function updateGoal(doc: Y.Doc, args: GoalTouchArgs & { patch: GoalPatch }): void {
  const { patch: raw } = args;
  const patch = goalPatchSchema.parse(raw.values ? { ...raw, values: uniqueValues(raw.values) } : raw);
  updateEntity(doc, { entity: goalIn(doc, args.id), patch, userId: args.userId, now: args.now });
}

/** Records who last edited a goal's "why" (the editor calls it on its own edits, debounced). */
export function touchGoal(doc: Y.Doc, args: GoalTouchArgs): void {
  touchEntity(doc, { entity: goalIn(doc, args.id), userId: args.userId, now: args.now });
}

/**
 * The other partner takes a suggested goal into the plan. The one who proposed it cannot accept
 * their own suggestion (throws); accepting an accepted goal changes nothing.
 */
export function acceptGoal(doc: Y.Doc, args: GoalTouchArgs): void {
  const goal = readableGoal(doc, args.id);
  if (goal.status !== GoalStatus.proposed) return;
  if (goal.proposedBy === args.userId) {
    throw new Error('a goal is accepted by the partner who did not propose it');
  }
  const entity = goalIn(doc, args.id);
  writeLocal(doc, () => {
    entity.set('status', GoalStatus.active);
    stamp(entity, args);
  });
}

/**
 * Lets a suggested goal go, after the couple has talked about it: it leaves the doc. Only a
 * proposal can be let go (throws otherwise); goals in the plan and achieved goals are kept.
 */
export function letGoalGo(doc: Y.Doc, args: { id: string }): void {
  const goal = readableGoal(doc, args.id);
  if (goal.status !== GoalStatus.proposed) throw new Error('only a proposed goal can be let go');
  deleteEntity(doc, { collection: goalsMap(doc), id: args.id });
}

/** Marks a goal achieved, with who and when; it moves to "What we've done together". */
export function achieveGoal(doc: Y.Doc, args: GoalTouchArgs): void {
  const goal = readableGoal(doc, args.id);
  if (goal.status === GoalStatus.achieved) return;
  const entity = goalIn(doc, args.id);
  writeLocal(doc, () => {
    entity.set('status', GoalStatus.achieved);
    entity.set('achievedAt', args.now);
    entity.set('achievedBy', args.userId);
    stamp(entity, args);
  });
}

/** Brings an achieved goal back into the plan (marked achieved by mistake). */
export function reopenGoal(doc: Y.Doc, args: GoalTouchArgs): void {
  const entity = goalIn(doc, args.id);
  writeLocal(doc, () => {
    entity.set('status', GoalStatus.active);
    entity.set('achievedAt', null);
    entity.set('achievedBy', null);
    stamp(entity, args);
  });
}

/** Moves a goal between two neighbours (ids, or null for either end of the order). */
export function moveGoal(
  doc: Y.Doc,
  args: { id: string; beforeId: string | null; afterId: string | null },
): void {
  moveEntity(doc, { entity: goalIn(doc, args.id), entries: readGoals(doc), ...args });
}
