import * as z from 'zod/mini';

// zod/mini: on the phone's first screen (see errors.ts).

/** What one partner wrote, at a calm time, for the moments they feel unsure about the two of them. */
export const reassuranceGuideSchema = z.object({
  helps: z.string().check(z.trim(), z.maxLength(2000, 'Please keep it under 2000 characters.')),
  words: z.string().check(z.trim(), z.maxLength(1000, 'Please keep it under 1000 characters.')),
});
export type ReassuranceGuide = z.infer<typeof reassuranceGuideSchema>;

export const reassuranceAnswerSchema = z.object({
  message: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'A few words are enough.'),
      z.maxLength(1000, 'Keep it under 1000 characters.'),
    ),
});

export const reassuranceGuideViewSchema = z.extend(reassuranceGuideSchema, {
  userId: z.string(),
  updatedAt: z.number(),
});
export type ReassuranceGuideView = z.infer<typeof reassuranceGuideViewSchema>;

export const reassuranceRequestViewSchema = z.object({
  id: z.string(),
  askedBy: z.string(),
  askedAt: z.number(),
  answer: z.nullable(z.object({ message: z.string(), by: z.string(), at: z.number() })),
});
export type ReassuranceRequestView = z.infer<typeof reassuranceRequestViewSchema>;
