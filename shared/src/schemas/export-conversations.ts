import * as z from 'zod';
import { AgendaItemState, AgendaKind, TalkActionKind, TalkKind, TalkStatus } from '../doc/talk-model.ts';
import { repairPartSchema } from './repairs.ts';

const enumOf = <T extends string>(values: Record<string, T>) => z.enum(Object.values(values) as [T, ...T[]]);

/**
 * A talk as exported: everything in it lives in the shared document, so both partners saw all
 * of it; the live boxes are plain paragraphs, and every confirmed round keeps its words.
 */
export const exportedTalkSchema = z.object({
  id: z.string(),
  kind: enumOf(TalkKind),
  topic: z.string().nullable(),
  status: enumOf(TalkStatus),
  createdBy: z.string(),
  createdAt: z.number(),
  endedAt: z.number().nullable(),
  rounds: z.array(
    z.object({
      round: z.number(),
      speakerId: z.string(),
      said: z.string(),
      heard: z.string(),
      at: z.number(),
    }),
  ),
  summary: z.string(),
  agenda: z.array(
    z.object({ kind: enumOf(AgendaKind), text: z.string().nullable(), state: enumOf(AgendaItemState) }),
  ),
  actions: z.array(
    z.object({
      kind: enumOf(TalkActionKind),
      text: z.string(),
      createdBy: z.string(),
      createdAt: z.number(),
    }),
  ),
});
export type ExportedTalk = z.infer<typeof exportedTalkSchema>;

/**
 * A repair as exported, with only what both partners may see: its sides appear only once both
 * have written (the same reveal as the app), so even the exporter's own sealed side stays out
 * until then, and the file never holds a word the partner has not been shown.
 */
export const exportedRepairSchema = z.object({
  id: z.string(),
  topic: z.string(),
  startedBy: z.string(),
  startedAt: z.number(),
  writtenBy: z.array(z.string()),
  openedAt: z.number().nullable(),
  /** Empty until both have written. */
  sides: z.array(z.object({ userId: z.string(), writtenAt: z.number(), part: repairPartSchema })),
  /** "What we'll do differently next time", written together live, as plain paragraphs. */
  nextTime: z.string(),
  /** Words saved with the earlier button, before it was written live; null when none. */
  savedNextTime: z.object({ text: z.string(), by: z.string(), at: z.number() }).nullable(),
});
export type ExportedRepair = z.infer<typeof exportedRepairSchema>;
