import * as z from 'zod';
import { daySchema } from './day.ts';
import { entityIdSchema } from './ids.ts';
import { orderKeySchema } from './order.ts';
import { formattedRunSchema } from './rich-text-marks.ts';

export const BoundaryCategory = {
  communication: 'communication',
  privacy: 'privacy',
  timeAndSpace: 'time-and-space',
  friendsAndFamily: 'friends-and-family',
  intimacy: 'intimacy',
  money: 'money',
  digitalLife: 'digital-life',
  other: 'other',
} as const;
export type BoundaryCategory = (typeof BoundaryCategory)[keyof typeof BoundaryCategory];

export const BOUNDARY_CATEGORY_LABELS: Record<BoundaryCategory, string> = {
  communication: 'Communication',
  privacy: 'Privacy & transparency',
  'time-and-space': 'Time & space',
  'friends-and-family': 'Friends & family',
  intimacy: 'Intimacy',
  money: 'Money',
  'digital-life': 'Digital life',
  other: 'Other',
};

export const boundaryCategorySchema = z.enum(
  Object.values(BoundaryCategory) as [BoundaryCategory, ...BoundaryCategory[]],
);

/** The long, co-written fields of a boundary, each a rich-text fragment in the shared doc. */
export const BOUNDARY_TEXT_FIELDS = ['meaning', 'why', 'honouring', 'ifCrossed'] as const;
export type BoundaryTextField = (typeof BOUNDARY_TEXT_FIELDS)[number];

export const BOUNDARY_TEXT_LABELS: Record<BoundaryTextField, string> = {
  meaning: 'What this means',
  why: 'Why it matters to me / to us',
  honouring: 'What honouring it looks like',
  ifCrossed: 'If it is crossed, we will…',
};

/** The longest boundary title, in UTF-16 code units; the title field shows the count as it nears. */
export const BOUNDARY_TITLE_MAX = 200;

/**
 * The marked runs of each text field that has any (struck-through words, links and where they
 * go). A field without marks is left out, and so is the whole object when nothing is marked.
 */
export const boundaryFormattingSchema = z.object({
  meaning: z.array(formattedRunSchema).optional(),
  why: z.array(formattedRunSchema).optional(),
  honouring: z.array(formattedRunSchema).optional(),
  ifCrossed: z.array(formattedRunSchema).optional(),
});
export type BoundaryFormatting = z.infer<typeof boundaryFormattingSchema>;

/**
 * Exactly what two partners agree to when they sign: the words (whitespace folded), their
 * formatting, and the dates. Its canonical JSON is what the notary's hash covers. Content with
 * no marks has no `formatting` key at all, so it serialises (and hashes) exactly as it did
 * before formatting was signed: agreements made then stay agreed.
 */
export const boundaryContentSchema = z.object({
  title: z.string(),
  category: boundaryCategorySchema,
  meaning: z.string(),
  why: z.string(),
  honouring: z.string(),
  ifCrossed: z.string(),
  reviewOn: daySchema.nullable(),
  endsOn: daySchema.nullable(),
  formatting: boundaryFormattingSchema.optional(),
});
export type BoundaryContent = z.infer<typeof boundaryContentSchema>;

/** A version both partners agreed to, kept in the shared document with its notarised hash. */
export const agreedVersionSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  content: boundaryContentSchema,
  agreedAt: z.number(),
});
export type AgreedVersion = z.infer<typeof agreedVersionSchema>;

/** The plain (non-text) fields of a boundary entity as stored in its Y.Map. */
export const boundaryFieldsSchema = z.object({
  id: entityIdSchema,
  title: z.string().max(BOUNDARY_TITLE_MAX),
  category: boundaryCategorySchema,
  order: orderKeySchema,
  reviewOn: daySchema.nullable(),
  endsOn: daySchema.nullable(),
  createdBy: z.string(),
  createdAt: z.number(),
  updatedBy: z.string(),
  updatedAt: z.number(),
});
export type BoundaryFields = z.infer<typeof boundaryFieldsSchema>;

/** What may be set on a boundary by a mutator. */
export const boundaryPatchSchema = boundaryFieldsSchema
  .pick({ title: true, category: true, reviewOn: true, endsOn: true })
  .partial();
export type BoundaryPatch = z.infer<typeof boundaryPatchSchema>;
