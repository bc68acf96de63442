import * as z from 'zod';

/** Where the hurt partner is with a breach. Only they move it, in any direction, at any time. */
export const BreachState = {
  hurting: 'hurting',
  workingOnIt: 'working-on-it',
  forgiven: 'forgiven',
} as const;
export type BreachState = (typeof BreachState)[keyof typeof BreachState];

export const BREACH_STATE_LABELS: Record<BreachState, string> = {
  [BreachState.hurting]: 'Still hurting',
  [BreachState.workingOnIt]: 'Working on it',
  [BreachState.forgiven]: 'Forgiven',
};

/** What can be attached to a breach as part of its repair. */
export const BreachLinkKind = {
  letter: 'letter',
  promise: 'promise',
  boundary: 'boundary',
} as const;
export type BreachLinkKind = (typeof BreachLinkKind)[keyof typeof BreachLinkKind];

export const nameBreachSchema = z.object({
  description: z
    .string()
    .trim()
    .min(1, 'A few words to name what happened.')
    .max(500, 'Keep it short: under 500 characters.'),
  /** The member who was hurt: the one who alone will say where forgiveness stands. */
  hurtUserId: z.string().min(1).max(64),
});

export const breachStateSchema = z.object({
  state: z.enum(Object.values(BreachState) as [BreachState, ...BreachState[]]),
});

export const breachLinkSchema = z.object({
  kind: z.enum(Object.values(BreachLinkKind) as [BreachLinkKind, ...BreachLinkKind[]]),
  refId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an id'),
});
export type BreachLink = z.infer<typeof breachLinkSchema>;

export const breachViewSchema = z.object({
  id: z.string(),
  description: z.string(),
  hurtUserId: z.string(),
  namedBy: z.string(),
  namedAt: z.number(),
  /** As the server recorded it from the hurt partner's own session; "hurting" until they say. */
  state: z.enum(Object.values(BreachState) as [BreachState, ...BreachState[]]),
  /** Every change of state, oldest first, each by the hurt partner. */
  history: z.array(z.object({ state: z.string(), by: z.string(), at: z.number() })),
  links: z.array(breachLinkSchema.extend({ addedBy: z.string(), addedAt: z.number() })),
});
export type BreachView = z.infer<typeof breachViewSchema>;
