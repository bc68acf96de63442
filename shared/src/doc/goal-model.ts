import * as z from 'zod';
import { daySchema } from './day.ts';
import { entityIdSchema } from './ids.ts';
import { orderKeySchema } from './order.ts';

/** How far away a goal is: the columns of the board. */
export const GoalHorizon = {
  thisMonth: 'this-month',
  thisYear: 'this-year',
  nextFewYears: 'next-few-years',
  someday: 'someday',
} as const;
export type GoalHorizon = (typeof GoalHorizon)[keyof typeof GoalHorizon];

export const GOAL_HORIZON_LABELS: Record<GoalHorizon, string> = {
  'this-month': 'This month',
  'this-year': 'This year',
  'next-few-years': 'The next few years',
  someday: 'Someday',
};

export const goalHorizonSchema = z.enum(Object.values(GoalHorizon) as [GoalHorizon, ...GoalHorizon[]]);

/**
 * Where a goal stands: `proposed` by one partner until the other accepts it into the plan,
 * `active` while they work on it, `achieved` once done (kept in "What we've done together").
 */
export const GoalStatus = {
  proposed: 'proposed',
  active: 'active',
  achieved: 'achieved',
} as const;
export type GoalStatus = (typeof GoalStatus)[keyof typeof GoalStatus];
export const goalStatusSchema = z.enum(Object.values(GoalStatus) as [GoalStatus, ...GoalStatus[]]);

export const StepKind = { step: 'step', milestone: 'milestone' } as const;
export type StepKind = (typeof StepKind)[keyof typeof StepKind];
export const stepKindSchema = z.enum([StepKind.step, StepKind.milestone]);

/** A step owned by both partners; otherwise the owner is a member's user id. */
export const BOTH_OWNERS = 'both';

/** The longest goal or step title, in UTF-16 code units; the title fields show the count as it nears. */
export const GOAL_TITLE_MAX = 200;

/** A value the couple says a goal serves ("honesty", "adventure"): a short free tag. */
export const goalValueSchema = z.string().trim().min(1).max(40);
export const MAX_GOAL_VALUES = 12;

/** The plain fields of a goal entity as stored in its Y.Map (`why` and `steps` are Yjs types). */
export const goalFieldsSchema = z.object({
  id: entityIdSchema,
  title: z.string().max(GOAL_TITLE_MAX),
  horizon: goalHorizonSchema,
  targetOn: daySchema.nullable(),
  values: z.array(goalValueSchema).max(MAX_GOAL_VALUES),
  status: goalStatusSchema,
  proposedBy: z.string().nullable(),
  achievedAt: z.number().nullable(),
  achievedBy: z.string().nullable(),
  order: orderKeySchema,
  createdBy: z.string(),
  createdAt: z.number(),
  updatedBy: z.string(),
  updatedAt: z.number(),
});
export type GoalFields = z.infer<typeof goalFieldsSchema>;

/** What may be set on a goal's plain fields by `updateGoal`. */
export const goalPatchSchema = goalFieldsSchema
  .pick({ title: true, horizon: true, targetOn: true, values: true })
  .partial();
export type GoalPatch = z.infer<typeof goalPatchSchema>;

/** The plain fields of a step or milestone, stored as a Y.Map inside its goal's `steps`. */
export const stepFieldsSchema = z.object({
  id: entityIdSchema,
  title: z.string().max(GOAL_TITLE_MAX),
  kind: stepKindSchema,
  owner: z.string().min(1).max(64),
  dueOn: daySchema.nullable(),
  done: z.boolean(),
  doneBy: z.string().nullable(),
  doneAt: z.number().nullable(),
  order: orderKeySchema,
  createdBy: z.string(),
  createdAt: z.number(),
  updatedBy: z.string(),
  updatedAt: z.number(),
});
export type StepFields = z.infer<typeof stepFieldsSchema>;

/** What may be set on a step by `updateStep` (done goes through `setStepDone`). */
export const stepPatchSchema = stepFieldsSchema
  .pick({ title: true, kind: true, owner: true, dueOn: true })
  .partial();
export type StepPatch = z.infer<typeof stepPatchSchema>;
