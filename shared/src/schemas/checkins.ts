import * as z from 'zod';
import { daySchema } from '../doc/day.ts';

/** The most words one check-in answer may hold. */
export const MAX_CHECKIN_ANSWER_CHARS = 4000;

const answerText = z
  .string()
  .trim()
  .max(MAX_CHECKIN_ANSWER_CHARS, 'Please keep each answer under 4000 characters.');
const score = z.number().int().min(0).max(10);

/**
 * One partner's answers for one week. Kept on the server, never in the shared document: the
 * partner's client must not receive them before both have answered.
 */
export const checkinAnswersSchema = z.object({
  appreciations: answerText,
  wentWell: answerText,
  hard: answerText,
  needNextWeek: answerText,
  /** A boundary this person would like the two of them to revisit (optional; added later, so old answers lack it). */
  boundaryToReview: answerText.optional(),
  /** 0–10: how safe, how trusting, how connected I felt this week. */
  safe: score,
  trusting: score,
  connected: score,
});
export type CheckinAnswers = z.infer<typeof checkinAnswersSchema>;

/** How each written answer is headed wherever answers are read back: the app, print, Markdown. */
export const CHECKIN_QUESTIONS: readonly {
  key: 'appreciations' | 'wentWell' | 'hard' | 'needNextWeek' | 'boundaryToReview';
  label: string;
  /** Left out when empty, instead of saying "Left blank". */
  optional?: boolean;
}[] = [
  { key: 'appreciations', label: 'Appreciated this week' },
  { key: 'wentWell', label: 'What went well' },
  { key: 'hard', label: 'What was hard' },
  { key: 'needNextWeek', label: 'What I need next week' },
  { key: 'boundaryToReview', label: 'A boundary to revisit', optional: true },
];

/** The three 0–10 scores, as they are headed when read back. */
export const CHECKIN_SCORES: readonly { key: 'safe' | 'trusting' | 'connected'; label: string }[] = [
  { key: 'safe', label: 'Safe' },
  { key: 'trusting', label: 'Trusting' },
  { key: 'connected', label: 'Connected' },
];

/** The couple's check-in day, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export const checkinScheduleSchema = z.object({ day: z.number().int().min(0).max(6) });
export type CheckinSchedule = z.infer<typeof checkinScheduleSchema>;

/** A check-in week is named by the date it starts on, `YYYY-MM-DD` (UTC). */
export const checkinWeekSchema = daySchema;

export const checkinEntrySchema = z.object({
  userId: z.string(),
  answeredAt: z.number(),
  /** Null while the caller may not read them: until both have answered that week. */
  answers: checkinAnswersSchema.nullable(),
});
export type CheckinEntry = z.infer<typeof checkinEntrySchema>;

export const checkinViewSchema = z.object({
  week: checkinWeekSchema,
  /**
   * The week's last day. Usually six days after it began; the last week before a change of
   * day ends early, so weeks never overlap. Absent in exports made before it existed.
   */
  lastDay: checkinWeekSchema.optional(),
  /** Member ids who have answered this week. */
  answeredBy: z.array(z.string()),
  /** When the second answer arrived and both opened together; null until then. */
  openedAt: z.number().nullable(),
  entries: z.array(checkinEntrySchema),
});
export type CheckinView = z.infer<typeof checkinViewSchema>;
