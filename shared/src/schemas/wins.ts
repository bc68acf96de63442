import * as z from 'zod';

/** The good things the small wins timeline gathers (boundaries agreed come from the shared doc). */
export const WinKind = {
  checkin: 'checkin',
  promiseKept: 'promise-kept',
  appreciation: 'appreciation',
  letterRead: 'letter-read',
  lettersOpened: 'letters-opened',
  /** A partner answered "I could use some reassurance". */
  reassured: 'reassured',
} as const;
export type WinKind = (typeof WinKind)[keyof typeof WinKind];

export const winSchema = z.object({
  id: z.string(),
  kind: z.enum(Object.values(WinKind) as [WinKind, ...WinKind[]]),
  at: z.number(),
  /** A promise's words, an appreciation, a letter's title or a shared prompt; null for a check-in. */
  text: z.string().nullable(),
  /** The member the win is credited to (the promiser, the appreciator, the letter's author). */
  by: z.string().nullable(),
});
export type Win = z.infer<typeof winSchema>;
