import * as z from 'zod';

/** Which document's history: the space's shared doc, or the caller's own private doc. */
export const HistoryDoc = { shared: 'shared', private: 'private' } as const;
export type HistoryDoc = (typeof HistoryDoc)[keyof typeof HistoryDoc];

/** Rows per page when the client does not say; and the most one page may hold. */
export const HISTORY_PAGE_DEFAULT = 50;
export const HISTORY_PAGE_MAX = 200;

/** Integer query parameters arrive as strings; only plain decimal digits are accepted. */
const positiveInt = (what: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, `${what} must be a whole number above 0`)
    .transform(Number);

/**
 * `GET /api/spaces/:spaceId/history?doc=shared|private&before=<logId>&limit=<n>`: `before`
 * pages back (rows with a smaller id), `limit` is 1..HISTORY_PAGE_MAX.
 */
export const historyQuerySchema = z.object({
  doc: z.enum([HistoryDoc.shared, HistoryDoc.private]),
  before: positiveInt('before').optional(),
  limit: positiveInt('limit')
    .refine((n) => n <= HISTORY_PAGE_MAX, `limit must be at most ${HISTORY_PAGE_MAX}`)
    .optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/** One stored log row: one author's run of edits (merged at compaction when ≤ 5 min apart). */
export const historyRowSchema = z.object({
  id: z.number(),
  authorId: z.string(),
  /** The member's name, "Sam (former member)", or "A former member". */
  authorName: z.string(),
  /** When the run ended, epoch ms. */
  at: z.number(),
  /** How many edits the row holds. */
  mergedCount: z.number(),
  /** The run's Yjs update, base64. The server never reads what it says. */
  update: z.string(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

export const historyPageSchema = z.object({
  /** Newest first. */
  rows: z.array(historyRowSchema),
  /**
   * Every row older than this page merged into one Yjs update (base64, empty string for none):
   * the document just before the page's oldest row, so the client can rebuild every point.
   */
  base: z.string(),
  /** Pass as `before` for the next (older) page; null when this page reaches the start. */
  next: z.number().nullable(),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;
