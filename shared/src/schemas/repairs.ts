import * as z from 'zod';

/** The most characters one written step of a repair may hold. */
export const MAX_REPAIR_STEP_CHARS = 4000;

const stepText = z
  .string()
  .trim()
  .min(1, 'Write a few words; “I don’t know yet” is fine too.')
  .max(MAX_REPAIR_STEP_CHARS, 'Please keep each step under 4000 characters.');

/**
 * One partner's private side of a repair, written step by step. Kept on the server, never in
 * the shared document: the partner's client must not receive it before both have written.
 */
export const repairPartSchema = z.object({
  felt: stepText,
  trigger: stepText,
  myPart: stepText,
  need: stepText,
});
export type RepairPart = z.infer<typeof repairPartSchema>;

/** The steps a repair walks each partner through, in order, with how each is asked. */
export const REPAIR_STEPS: readonly { key: keyof RepairPart; label: string; hint: string }[] = [
  { key: 'felt', label: 'What I felt', hint: 'Hurt, scared, alone, angry… name it as it was for you.' },
  {
    key: 'trigger',
    label: 'What I think set it off',
    hint: 'The moment itself, and perhaps an older hurt underneath it.',
  },
  { key: 'myPart', label: 'My part in it', hint: 'Only your own share, however small. No need to weigh it.' },
  { key: 'need', label: 'What I need now', hint: 'Something your partner could do, say, or give you.' },
];

export const startRepairSchema = z.object({
  topic: z
    .string()
    .trim()
    .min(1, 'A few words to recognise the moment by.')
    .max(200, 'Keep it short: under 200 characters.'),
});

/** "What we'll do differently next time", written together once both sides are open. */
export const repairNextTimeSchema = z.object({
  text: z.string().trim().max(2000, 'Please keep it under 2000 characters.'),
});

export const repairEntrySchema = z.object({
  userId: z.string(),
  writtenAt: z.number(),
  /** Null while the caller may not read it: until both have written. */
  part: repairPartSchema.nullable(),
});

export const repairViewSchema = z.object({
  id: z.string(),
  topic: z.string(),
  startedBy: z.string(),
  startedAt: z.number(),
  /** Member ids who have written their side. */
  writtenBy: z.array(z.string()),
  /** When the second side arrived and both opened together; null until then. */
  openedAt: z.number().nullable(),
  entries: z.array(repairEntrySchema),
  /** Null until one of them has written it (only possible once opened). */
  nextTime: z.object({ text: z.string(), by: z.string(), at: z.number() }).nullable(),
});
export type RepairView = z.infer<typeof repairViewSchema>;
