import type { SpaceDocs } from './space-docs.ts';

interface Entry {
  docs: SpaceDocs;
  refs: number;
  releaseTimer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export const spaceDocsKey = (userId: string, spaceId: string) => `${userId}:${spaceId}`;

/**
 * Takes a reference to a space's documents, opening them on first use. A release only closes
 * them after the current task, so React StrictMode's mount–unmount–mount (and a quick route
 * change) keeps one set of sockets and IndexedDB handles instead of churning them.
 */
export function acquireSpaceDocs(key: string, open: () => SpaceDocs): void {
  const entry = entries.get(key);
  if (entry) {
    entry.refs++;
    if (entry.releaseTimer) clearTimeout(entry.releaseTimer);
    entry.releaseTimer = null;
    return;
  }
  entries.set(key, { docs: open(), refs: 1, releaseTimer: null });
  notify();
}

/** Gives back a reference taken with `acquireSpaceDocs`. */
export function releaseSpaceDocs(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  entry.refs--;
  if (entry.refs > 0 || entry.releaseTimer) return;
  entry.releaseTimer = setTimeout(() => {
    if (entry.refs > 0 || entries.get(key) !== entry) return;
    entries.delete(key);
    void entry.docs.destroy();
    notify();
  }, 0);
}

export function peekSpaceDocs(key: string): SpaceDocs | undefined {
  return entries.get(key)?.docs;
}

export function subscribeSpaceDocs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True when any open document has a change the server has not confirmed. */
export function anyPendingEdits(): boolean {
  return [...entries.values()].some((entry) => entry.docs.hasPendingEdits());
}

/** Closes every open space at once (logout); with `clearLocal`, deletes their local copies. */
export async function closeAllSpaceDocs({ clearLocal = false } = {}): Promise<void> {
  const all = [...entries.values()];
  entries.clear();
  notify();
  await Promise.all(
    all.map((entry) => {
      if (entry.releaseTimer) clearTimeout(entry.releaseTimer);
      return entry.docs.destroy({ clearLocal });
    }),
  );
}
