import * as z from 'zod';
import { TurnPhase } from './talk-turns.ts';

/** What a talk is about: the weekly talk, one after a hard moment, or a topic of their own. */
export const TalkKind = {
  weekly: 'weekly',
  hardMoment: 'hard-moment',
  topic: 'topic',
} as const;
export type TalkKind = (typeof TalkKind)[keyof typeof TalkKind];

export const TalkStatus = { live: 'live', ended: 'ended' } as const;
export type TalkStatus = (typeof TalkStatus)[keyof typeof TalkStatus];

/** Where an agenda item of the weekly talk comes from. */
export const AgendaKind = {
  appreciation: 'appreciation',
  checkin: 'checkin',
  promiseKept: 'promise-kept',
  promiseMissed: 'promise-missed',
  goalMoved: 'goal-moved',
  boundaryReview: 'boundary-review',
} as const;
export type AgendaKind = (typeof AgendaKind)[keyof typeof AgendaKind];

/** Where the couple has got to with one agenda item. */
export const AgendaItemState = {
  open: 'open',
  discussed: 'discussed',
  skipped: 'skipped',
  /** Turned into an action (a promise, a goal step, a boundary review). */
  action: 'action',
} as const;
export type AgendaItemState = (typeof AgendaItemState)[keyof typeof AgendaItemState];

/**
 * What an agenda item or a talk can turn into. A boundary review only points at the boundary:
 * its review happens in the boundary's own flow, where both sign, never in the talk.
 */
export const TalkActionKind = {
  promise: 'promise',
  goalStep: 'goal-step',
  boundaryReview: 'boundary-review',
} as const;
export type TalkActionKind = (typeof TalkActionKind)[keyof typeof TalkActionKind];

export const TALK_TOPIC_MAX = 120;
const id = z.string().min(1).max(64);
const enumOf = <T extends string>(values: Record<string, T>) => z.enum(Object.values(values) as [T, ...T[]]);

/** One agenda item, as frozen into the talk when it starts (so both screens list the same). */
export const agendaItemSchema = z.object({
  id: z.string().min(1).max(200),
  kind: enumOf(AgendaKind),
  /** The member it is about or by (who appreciated, whose promise); null for a shared thing. */
  by: z.string().max(64).nullable(),
  /** Its words: an appreciation, a promise, a goal's or boundary's title; null for a check-in. */
  text: z.string().max(1000).nullable(),
  /** The thing it points at: a promise, goal or boundary id, or a check-in week. */
  ref: z.string().max(64).nullable(),
  order: z.string().min(1).max(200),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const agendaItemStatusSchema = z.object({
  state: enumOf(AgendaItemState),
  by: z.string().max(64),
  at: z.number(),
});
export type AgendaItemStatus = z.infer<typeof agendaItemStatusSchema>;

/** An action created during a talk; the promise or step itself lives where it always does. */
export const talkActionSchema = z.object({
  id,
  kind: enumOf(TalkActionKind),
  /** The words of the promise or step, as they were made. */
  text: z.string().min(1).max(500),
  /** The agenda item it came from, if any. */
  itemId: z.string().max(200).nullable(),
  /** The promise's or step's own id, or the boundary to review. */
  ref: z.string().max(64).nullable(),
  createdBy: z.string().max(64),
  createdAt: z.number(),
});
export type TalkAction = z.infer<typeof talkActionSchema>;

/** One speaker's turn once the speaker confirmed they were heard. */
export const talkRoundSchema = z.object({
  round: z.number().int().min(1),
  speakerId: z.string().max(64),
  said: z.string().max(20_000),
  heard: z.string().max(20_000),
  at: z.number(),
});
export type TalkRound = z.infer<typeof talkRoundSchema>;

/** The plain fields of a talk entity as stored in its Y.Map. */
export const talkFieldsSchema = z.object({
  id,
  kind: enumOf(TalkKind),
  /** The couple's own topic; null for the weekly talk and the one after a hard moment. */
  topic: z.string().max(TALK_TOPIC_MAX).nullable(),
  status: enumOf(TalkStatus),
  speakerId: z.string().max(64),
  listenerId: z.string().max(64),
  phase: enumOf(TurnPhase),
  round: z.number().int().min(1),
  /** When the current phase began (ms), for the gentle timer. */
  phaseSince: z.number(),
  /** The gentle timer for each turn, in minutes; null when they chose none. */
  turnMinutes: z.number().int().min(1).max(60).nullable(),
  endedAt: z.number().nullable(),
  endedBy: z.string().max(64).nullable(),
  createdBy: z.string().max(64),
  createdAt: z.number(),
  updatedBy: z.string().max(64),
  updatedAt: z.number(),
});
export type TalkFields = z.infer<typeof talkFieldsSchema>;
