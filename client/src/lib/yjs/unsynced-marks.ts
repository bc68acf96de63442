import { docNames } from './doc-names.ts';

// A mark in localStorage per document with edits the server has not confirmed yet. It
// outlives the open document (and a reload), so logging out can warn before deleting the
// only copy of an edit made offline.

const markKey = (docName: string) => `${docName}:unsynced`;

export function markUnsynced(docName: string): void {
  try {
    localStorage.setItem(markKey(docName), '1');
  } catch {
    // Storage unavailable: the open document's own state still tells the truth.
  }
}

export function clearUnsynced(docName: string): void {
  try {
    localStorage.removeItem(markKey(docName));
  } catch {
    // Nothing to clear.
  }
}

/** The keys of every unsynced mark belonging to this user. */
function marksOf(userId: string): string[] {
  const prefix = docNames.userPrefix(userId);
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix) && key.endsWith(':unsynced')) keys.push(key);
    }
  } catch {
    // Storage unavailable.
  }
  return keys;
}

/** True when this user has edits on this device that the server has not confirmed. */
export function hasUnsyncedEdits(userId: string): boolean {
  return marksOf(userId).length > 0;
}

export function clearAllUnsynced(userId: string): void {
  for (const key of marksOf(userId)) localStorage.removeItem(key);
}
