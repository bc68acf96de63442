import {
  fragmentToPlainText,
  readTalks,
  repairNextTimeText,
  type ExportedRepair,
  type ExportedTalk,
} from '@twofold/shared';
import type * as Y from 'yjs';
import { repairHistory } from '../repairs/visibility.ts';
import type { Stores } from '../store/stores.ts';

/** Every readable talk in the shared document, oldest first, as plain words. */
export function exportTalks(shared: Y.Doc): ExportedTalk[] {
  return readTalks(shared)
    .flatMap((talk) =>
      talk.readable
        ? [
            {
              id: talk.id,
              kind: talk.kind,
              topic: talk.topic,
              status: talk.status,
              createdBy: talk.createdBy,
              createdAt: talk.createdAt,
              endedAt: talk.endedAt,
              rounds: talk.rounds.map(({ round, speakerId, said, heard, at }) => ({
                round,
                speakerId,
                said,
                heard,
                at,
              })),
              summary: fragmentToPlainText(talk.summary),
              agenda: talk.agenda.flatMap((item) =>
                item.readable
                  ? [{ kind: item.kind, text: item.text, state: item.status?.state ?? 'open' }]
                  : [],
              ),
              actions: talk.actions.map(({ kind, text, createdBy, createdAt }) => ({
                kind,
                text,
                createdBy,
                createdAt,
              })),
            },
          ]
        : [],
    )
    .reverse();
}

/**
 * Every repair in the space, oldest first, with only what both partners may see. The sides
 * come from `repairHistory` (the routes' own reveal) and are then kept only for repairs both
 * have written: before that, even the exporter's own side stays out of the file, so an export
 * handed to anyone never holds a word the partner has not been shown.
 */
export async function exportRepairs(
  stores: Stores,
  shared: Y.Doc,
  spaceId: string,
  viewerId: string,
): Promise<ExportedRepair[]> {
  const [repairs, parts] = [await stores.repairs.list(spaceId), await stores.repairs.partsInSpace(spaceId)];
  return repairHistory(repairs, parts, viewerId)
    .map((repair) => ({
      id: repair.id,
      topic: repair.topic,
      startedBy: repair.startedBy,
      startedAt: repair.startedAt,
      writtenBy: repair.writtenBy,
      openedAt: repair.openedAt,
      sides:
        repair.openedAt === null
          ? []
          : repair.entries.flatMap((entry) =>
              entry.part ? [{ userId: entry.userId, writtenAt: entry.writtenAt, part: entry.part }] : [],
            ),
      nextTime: repair.openedAt === null ? '' : repairNextTimeText(shared, repair.id),
      savedNextTime: repair.nextTime,
    }))
    .reverse();
}
