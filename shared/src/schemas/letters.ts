import * as z from 'zod';
import { jsonShapeWithin, MAX_LETTER_DEPTH, MAX_LETTER_NODES } from './letter-limits.ts';

/** Letters are at most this many bytes of serialised rich text (413 beyond). */
export const MAX_LETTER_BYTES = 200 * 1024;

/**
 * A letter's body: the editor's document as ProseMirror JSON, plus its plain words (for
 * export, print and the partner's notification preview). The server stores both as given and
 * never interprets them.
 */
export const letterBodySchema = z.object({
  doc: z.object({ type: z.literal('doc'), content: z.array(z.unknown()).optional() }).loose(),
  text: z.string().trim().min(1, 'A letter needs some words before it can be sent.'),
});
export type LetterBody = z.infer<typeof letterBodySchema>;

/**
 * A body as it may be sent: also within the depth and size every reader can handle
 * (`MAX_LETTER_DEPTH`, `MAX_LETTER_NODES`), so one letter can never break the list for both.
 */
export const sentLetterBodySchema = letterBodySchema.refine(
  (body) => jsonShapeWithin(body.doc, MAX_LETTER_DEPTH, MAX_LETTER_NODES),
  {
    message: 'This letter is nested more deeply than Twofold can show. Try fewer lists inside lists.',
    path: ['doc'],
  },
);

export const letterSealSchema = z.discriminatedUnion('kind', [
  /** Opens for the partner on this instant (epoch ms), not before. */
  // At most the last instant a JavaScript date can hold; the route also keeps it within ten years.
  z.object({ kind: z.literal('date'), opensAt: z.number().int().positive().max(8.64e15) }),
  /** One of a pair written on the same prompt; both open once both are sealed. */
  z.object({ kind: z.literal('together'), pairId: z.string().min(8).max(64) }),
]);
export type LetterSeal = z.infer<typeof letterSealSchema>;

export const sendLetterSchema = z.object({
  title: z.string().trim().min(1, 'Give your letter a title.').max(200),
  prompt: z.string().trim().max(500).nullable().optional(),
  body: sentLetterBodySchema,
  replyTo: z.string().min(8).max(64).nullable().optional(),
  seal: letterSealSchema.nullable().optional(),
});
export type SendLetterInput = z.input<typeof sendLetterSchema>;

export const createLetterPairSchema = z.object({
  prompt: z.string().trim().min(1).max(500),
});

/** Why a letter's words are not shown yet. */
export const LetterHidden = {
  /** Sealed together: waiting for the other letter of the pair. */
  waitingForPair: 'waiting-for-pair',
  /** Sealed until a date that has not come. */
  waitingForDate: 'waiting-for-date',
} as const;
export type LetterHidden = (typeof LetterHidden)[keyof typeof LetterHidden];

export const letterViewSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  /** Null while the letter is sealed from the caller: a title can say as much as the words. */
  title: z.string().nullable(),
  prompt: z.string().nullable(),
  /** Null whenever the caller may not read it yet: the words never leave the server early. */
  body: letterBodySchema.nullable(),
  hidden: z.enum([LetterHidden.waitingForPair, LetterHidden.waitingForDate]).nullable(),
  /**
   * True when the stored body cannot be read or shown (written before today's limits): the
   * letter is listed, with a null body, instead of breaking the list. Absent in older exports.
   */
  unreadable: z.boolean().optional(),
  replyTo: z.string().nullable(),
  sealKind: z.enum(['date', 'together']).nullable(),
  pairId: z.string().nullable(),
  opensAt: z.number().nullable(),
  sentAt: z.number(),
  /** When the recipient first opened it. */
  readAt: z.number().nullable(),
  /**
   * Set for a letter brought in from an export: who brought it in and when, and the export's
   * name for an author who is not a member here. `sentAt` stays when it was first written.
   * Optional: letters in exports made before imports kept their authors lack it.
   */
  imported: z
    .object({ by: z.string(), at: z.number(), writtenByName: z.string().nullable() })
    .nullable()
    .optional(),
});
export type LetterView = z.infer<typeof letterViewSchema>;

/** The most letters one import may bring in. */
export const MAX_IMPORTED_LETTERS = 1000;

/**
 * Letters from an export, as the importer sends them: the words, and who the export says
 * wrote them and when. The server matches the author to a member of this space (by id, then by
 * name) and always records the importer as the one who brought them in.
 */
export const importLettersSchema = z.object({
  letters: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(200),
        prompt: z.string().trim().max(500).nullable(),
        body: letterBodySchema,
        authorId: z.string().max(64),
        authorName: z.string().max(200),
        sentAt: z.number().int().nonnegative(),
      }),
    )
    .max(MAX_IMPORTED_LETTERS),
});
export type ImportLettersInput = z.infer<typeof importLettersSchema>;

export const letterPairViewSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  createdBy: z.string(),
  createdAt: z.number(),
  /** Member ids who have sealed their letter in this pair. */
  sealedBy: z.array(z.string()),
  openedAt: z.number().nullable(),
});
export type LetterPairView = z.infer<typeof letterPairViewSchema>;
