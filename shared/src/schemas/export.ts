import * as z from 'zod';
import { agreedVersionSchema, boundaryContentSchema } from '../doc/boundary-model.ts';
import { goalFieldsSchema, stepFieldsSchema } from '../doc/goal-model.ts';
import { appreciationViewSchema } from './appreciations.ts';
import { attestationSchema } from './attestations.ts';
import { checkinViewSchema } from './checkins.ts';
import { exportedRepairSchema, exportedTalkSchema } from './export-conversations.ts';
import { letterViewSchema } from './letters.ts';
import { promiseViewSchema } from './promises.ts';
import { spaceSchema } from './spaces.ts';

export const EXPORT_FORMAT = 'twofold-export';

/** An unsent letter from the exporter's private document, as plain words. */
export const exportedLetterDraftSchema = z.object({
  title: z.string().max(200),
  prompt: z.string().max(500).nullable(),
  text: z.string(),
  updatedAt: z.number(),
});

/** One boundary as exported: the words as they are now, and every version both signed. */
export const exportedBoundarySchema = z.object({
  id: z.string(),
  content: boundaryContentSchema,
  /** Where the agreement stood at export, in words ("Agreed by both", "Draft", …). */
  status: z.string(),
  versions: z.array(agreedVersionSchema),
  createdAt: z.number(),
  /**
   * Who wrote it and who last changed it, with their names as the exporter's space said them
   * (a writer it was imported from keeps the name it came with). Optional: exports made before
   * imports kept their writers lack them.
   */
  createdBy: z.string().optional(),
  createdByName: z.string().optional(),
  updatedBy: z.string().optional(),
  updatedByName: z.string().optional(),
  updatedAt: z.number().optional(),
});
export type ExportedBoundary = z.infer<typeof exportedBoundarySchema>;

/** A promise as exported, with who confirmed it kept (from the notary), if anyone did. */
export const exportedPromiseSchema = promiseViewSchema.extend({
  keptBy: z.string().nullable(),
  keptAt: z.number().nullable(),
  /** Who accepted a promise proposed from a repair (null while it waits, or for an ordinary one). */
  acceptedBy: z.string().nullable().default(null),
});
export type ExportedPromise = z.infer<typeof exportedPromiseSchema>;

/**
 * A step or milestone as exported. `owner` and `doneBy` are ids as stored (`owner` may be
 * `BOTH_OWNERS`); the names beside them are resolved at export time, so the file reads well
 * even after someone has left.
 */
export const exportedStepSchema = stepFieldsSchema
  .pick({
    id: true,
    title: true,
    kind: true,
    owner: true,
    dueOn: true,
    done: true,
    doneBy: true,
    doneAt: true,
  })
  .extend({
    /** The owner's name, or "Both of us". */
    ownerName: z.string(),
    doneByName: z.string().nullable(),
    createdAt: z.number(),
  });
export type ExportedStep = z.infer<typeof exportedStepSchema>;

/**
 * A shared goal as exported: its plain fields with the same limits as in the document (so an
 * export that parses always imports), "why it matters to us" as plain paragraphs, and its
 * readable steps in their shared order.
 */
export const exportedGoalSchema = goalFieldsSchema
  .pick({
    id: true,
    title: true,
    horizon: true,
    targetOn: true,
    values: true,
    status: true,
    proposedBy: true,
    achievedAt: true,
    achievedBy: true,
    createdBy: true,
    createdAt: true,
    updatedAt: true,
  })
  .extend({
    why: z.string(),
    proposedByName: z.string().nullable(),
    achievedByName: z.string().nullable(),
    createdByName: z.string(),
    /** Who last changed it. Optional: exports made before imports kept their writers lack it. */
    updatedBy: z.string().optional(),
    updatedByName: z.string().optional(),
    steps: z.array(exportedStepSchema),
  });
export type ExportedGoal = z.infer<typeof exportedGoalSchema>;

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
  /** Shared goals with their steps. Optional: exports made before goals existed lack it. */
  goals: z.array(exportedGoalSchema).optional(),
  attestations: z.array(attestationSchema),
  letters: z.array(letterViewSchema),
  /** The exporter's own private notes; never the partner's. */
  privateNotes: z.string(),
  /** The exporter's unsent letters. Optional: exports made before drafts were kept lack it. */
  letterDrafts: z.array(exportedLetterDraftSchema).optional(),
  /**
   * Weekly check-ins as the exporter may see them: their own answers, and the partner's only
   * for weeks both answered. Optional: exports made before check-ins existed lack it.
   */
  checkins: z.array(checkinViewSchema).optional(),
  promises: z.array(exportedPromiseSchema).optional(),
  appreciations: z.array(appreciationViewSchema).optional(),
  /** Talks for two, from the shared document. Optional: older exports lack it. */
  talks: z.array(exportedTalkSchema).optional(),
  /** Repairs, each side only once both have written. Optional: older exports lack it. */
  repairs: z.array(exportedRepairSchema).optional(),
});
export type SpaceExport = z.infer<typeof spaceExportSchema>;
