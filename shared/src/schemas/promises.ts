import * as z from 'zod';
import { daySchema } from '../doc/day.ts';
import { idSchema } from './spaces.ts';

/** A calendar day, `YYYY-MM-DD`, with no time of day and no time zone. */
export const calendarDateSchema = daySchema;

export const createPromiseSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Write what you promise.')
    .max(500, 'Keep a promise short: under 500 characters.'),
  dueOn: calendarDateSchema.nullable().optional(),
  /**
   * The repair whose "what we'll do differently next time" this promise comes from. Such a
   * promise is co-signed: it is proposed by its author and holds only once the partner accepts
   * it (an `accepted` attestation), and only then can it be kept.
   */
  repairId: z.optional(idSchema),
});
export type CreatePromiseInput = z.input<typeof createPromiseSchema>;

export const missedPromiseSchema = z.object({
  note: z.string().trim().max(1000, 'Please keep the note under 1000 characters.'),
});

/** The words of a promise that its attestations are bound to. */
export function promiseContent(promise: { text: string; dueOn: string | null }) {
  return { text: promise.text, dueOn: promise.dueOn };
}

export const promiseViewSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  text: z.string(),
  dueOn: z.string().nullable(),
  /** SHA-256 of `promiseContent`: what "kept" attestations must carry. */
  contentHash: z.string(),
  createdAt: z.number(),
  /** The promiser's own "I didn't manage this one", with their note. */
  missed: z.object({ at: z.number(), note: z.string() }).nullable(),
  /**
   * The repair it was proposed from, or null for an ordinary promise. Non-null means it needs
   * the partner's acceptance. Defaults to null so exports made before repairs still parse.
   */
  fromRepair: z.string().nullable().default(null),
});
export type PromiseView = z.infer<typeof promiseViewSchema>;
