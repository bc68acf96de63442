import * as z from 'zod/mini';

// zod/mini: on the phone's first screen (see errors.ts).

export const createAppreciationSchema = z.object({
  text: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Write what you appreciated.'),
      z.maxLength(1000, 'Keep it under 1000 characters.'),
    ),
});

export const appreciationViewSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  text: z.string(),
  createdAt: z.number(),
  /** When the partner it was for answered it with a heart. */
  heartedAt: z.nullable(z.number()),
});
export type AppreciationView = z.infer<typeof appreciationViewSchema>;
