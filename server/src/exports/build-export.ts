import {
  attestedVersions,
  BOUNDARY_STATUS_LABELS,
  boundaryContent,
  boundaryHash,
  deriveBoundaryStatus,
  EXPORT_FORMAT,
  fragmentToPlainText,
  privateNotesFragment,
  readLetterDrafts,
  readBoundaries,
  SubjectType,
  usLetterFragment,
  type ExportedBoundary,
  type SpaceExport,
} from '@twofold/shared';
import { lastDayReader } from '../checkins/schedule.ts';
import { checkinHistory } from '../checkins/visibility.ts';
import { lettersFor } from '../letters/letters-for.ts';
import { acceptedAttestation, keptAttestation } from '../promises/kept-by.ts';
import { promiseView } from '../promises/promise-view.ts';
import type { Stores } from '../store/stores.ts';
import { docKey, type RoomRegistry } from '../sync/rooms.ts';
import { spaceView } from '../http/space-view.ts';
import { exportRepairs, exportTalks } from './export-conversations.ts';
import { exportGoals } from './export-goals.ts';
import { exportNamer, writerName } from './export-names.ts';
import type { WorkMeter } from '../sync/cpu-time.ts';
import { readDoc } from './read-doc.ts';

interface Deps {
  stores: Stores;
  rooms: RoomRegistry;
}

/**
 * What one member may take with them from a space: the shared words, their own private notes,
 * every letter they may read now. Built from the same visibility rules as the routes. Reading
 * the two documents' main-thread time is added to `work`.
 */
export async function buildExport(
  { stores, rooms }: Deps,
  spaceId: string,
  user: { id: string; name: string; email: string },
  now: number,
  work: WorkMeter = { ms: 0 },
): Promise<SpaceExport> {
  const space = await stores.spaces.find(spaceId);
  if (!space) throw new Error(`no space ${spaceId}`);
  const shared = await readDoc(rooms, stores.docSource, docKey.shared(spaceId), work);
  const mine = await readDoc(rooms, stores.docSource, docKey.private(spaceId, user.id), work);
  try {
    const view = await spaceView(stores, space);
    const partnerId = view.members.find((m) => m.id !== user.id)?.id ?? null;
    const attestations = await stores.attestations.list(spaceId, { subjectType: SubjectType.boundary });
    const promiseRecord = await stores.attestations.list(spaceId, { subjectType: SubjectType.promise });
    const nameOf = exportNamer(view);
    const boundaries: ExportedBoundary[] = [];
    for (const entry of readBoundaries(shared)) {
      if (!entry.readable) continue;
      const content = boundaryContent(entry);
      const status = deriveBoundaryStatus({
        currentHash: await boundaryHash(content),
        myId: user.id,
        partnerId,
        attestations: attestations.filter((a) => a.subjectId === entry.id),
      });
      boundaries.push({
        id: entry.id,
        content,
        status: BOUNDARY_STATUS_LABELS[status.kind],
        // Only what the notary says both signed: the doc's own list can be written by anyone.
        versions: attestedVersions(entry.id, entry.versions, attestations),
        createdAt: entry.createdAt,
        createdBy: entry.createdBy,
        createdByName: writerName(nameOf, entry),
        updatedBy: entry.updatedBy,
        updatedByName: nameOf(entry.updatedBy),
        updatedAt: entry.updatedAt,
      });
    }
    return {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: now,
      account: { id: user.id, name: user.name, email: user.email },
      space: view,
      usLetter: fragmentToPlainText(usLetterFragment(shared)),
      boundaries,
      goals: exportGoals(shared, view),
      attestations,
      letters: (await lettersFor(stores, spaceId, user.id, now)).filter((letter) => letter.hidden === null),
      privateNotes: fragmentToPlainText(privateNotesFragment(mine)),
      letterDrafts: readLetterDrafts(mine).flatMap((draft) =>
        draft.readable
          ? [{ title: draft.title, prompt: draft.prompt, text: draft.plain, updatedAt: draft.updatedAt }]
          : [],
      ),
      checkins: checkinHistory(
        await stores.checkins.all(spaceId),
        user.id,
        await lastDayReader(stores, spaceId),
      ),
      promises: (await stores.promises.list(spaceId)).map((row) => {
        const kept = keptAttestation(row, promiseRecord);
        return {
          ...promiseView(row),
          keptBy: kept?.userId ?? null,
          keptAt: kept?.at ?? null,
          acceptedBy: acceptedAttestation(row, promiseRecord)?.userId ?? null,
        };
      }),
      appreciations: (await stores.appreciations.list(spaceId)).map(
        ({ id, authorId, text, createdAt, heartedAt }) => ({
          id,
          authorId,
          text,
          createdAt,
          heartedAt,
        }),
      ),
      talks: exportTalks(shared),
      repairs: await exportRepairs(stores, shared, spaceId, user.id),
    };
  } finally {
    shared.destroy();
    mine.destroy();
  }
}
