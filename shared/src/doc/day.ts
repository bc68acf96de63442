import * as z from 'zod';

/**
 * A calendar day as `YYYY-MM-DD`, with no time of day and no time zone: review and end dates,
 * targets, due dates, promise days and check-in weeks are days, not instants.
 */
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
