import * as z from 'zod';

export const trendPointSchema = z.object({
  week: z.string(),
  safe: z.number(),
  trusting: z.number(),
  connected: z.number(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** One member's weekly scores, oldest first. */
export const trendSeriesSchema = z.object({ userId: z.string(), points: z.array(trendPointSchema) });
export type TrendSeries = z.infer<typeof trendSeriesSchema>;

/** Body of PUT …/checkins/trends/sharing: whether the caller shows their trend to their partner. */
export const trendSharingSchema = z.object({ shared: z.boolean() });
