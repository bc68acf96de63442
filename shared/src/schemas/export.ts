import { z } from 'zod';
import { agreedVersionSchema, boundaryContentSchema } from '../doc/boundary-model.ts';
import { attestationSchema } from './attestations.ts';
import { letterViewSchema } from './letters.ts';
import { spaceSchema } from './spaces.ts';

export const EXPORT_FORMAT = 'twofold-export';

/** One boundary as exported: the words as they are now, and every version both signed. */
export const exportedBoundarySchema = z.object({
  id: z.string(),
  content: boundaryContentSchema,
  /** Where the agreement stood at export, in words ("Agreed by both", "Draft", …). */
  status: z.string(),
  versions: z.array(agreedVersionSchema),
  createdAt: z.number(),
});
export type ExportedBoundary = z.infer<typeof exportedBoundarySchema>;

/**
 * Everything in a space that is the exporter's to keep, and nothing their partner has not
 * revealed to them: sealed letters they cannot open yet are left out entirely.
 */
export const spaceExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.number(),
  account: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  space: spaceSchema,
  /** "What trust means to us", as plain paragraphs. */
  usLetter: z.string(),
  boundaries: z.array(exportedBoundarySchema),
  attestations: z.array(attestationSchema),
  letters: z.array(letterViewSchema),
  /** The exporter's own private notes; never the partner's. */
  privateNotes: z.string(),
});
export type SpaceExport = z.infer<typeof spaceExportSchema>;
