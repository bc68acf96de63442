import { clearTabDrafts } from '@/lib/tab-draft.ts';
import { docNames } from './doc-names.ts';
import { clearAllUnsynced } from './unsynced-marks.ts';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // `blocked` means another tab still has it open; it is deleted once that tab lets go.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/**
 * Deletes every local copy of this user's documents: the spaces we know of by name, plus any
 * other database under the user's prefix where the browser can list them; and this tab's
 * unsent form drafts.
 */
export async function clearLocalDocs(userId: string, spaceIds: readonly string[]): Promise<void> {
  const names = new Set(
    spaceIds.flatMap((id) => [docNames.shared(userId, id), docNames.private(userId, id)]),
  );
  try {
    const prefix = docNames.userPrefix(userId);
    for (const db of await indexedDB.databases()) {
      if (db.name?.startsWith(prefix)) names.add(db.name);
    }
  } catch {
    // indexedDB.databases() is missing in some browsers; the known names are enough.
  }
  await Promise.all([...names].map(deleteDatabase));
  clearAllUnsynced(userId);
  clearTabDrafts();
}

/** Deletes this device's copies of one space's documents (after leaving it). */
export async function clearSpaceLocalDocs(userId: string, spaceId: string): Promise<void> {
  await Promise.all([
    deleteDatabase(docNames.shared(userId, spaceId)),
    deleteDatabase(docNames.private(userId, spaceId)),
  ]);
}
