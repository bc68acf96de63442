import { spaceSchema, userSchema } from '@twofold/shared';
import * as z from 'zod/mini';

const KEY = 'twofold:me';

const snapshotSchema = z.object({ user: userSchema, spaces: z.array(spaceSchema) });
export type MeSnapshot = z.infer<typeof snapshotSchema>;

// The last answer of GET /api/me, kept so the app can open a space (and its documents from
// IndexedDB) when it starts offline. It holds names and ids only, and is removed at logout.

export function readMeSnapshot(): MeSnapshot | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = snapshotSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeMeSnapshot(snapshot: MeSnapshot): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(snapshot));
  } catch {
    // Storage full or disabled: the app still works online.
  }
}

export function clearMeSnapshot(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
