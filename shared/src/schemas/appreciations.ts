import * as z from 'zod';

export const createAppreciationSchema = z.object({
  text: z.string().trim().min(1, 'Write what you appreciated.').max(1000, 'Keep it under 1000 characters.'),
});

export const appreciationViewSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  text: z.string(),
  createdAt: z.number(),
  /** When the partner it was for answered it with a heart. */
  heartedAt: z.number().nullable(),
});
export type AppreciationView = z.infer<typeof appreciationViewSchema>;
