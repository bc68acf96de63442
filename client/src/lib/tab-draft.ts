import { useCallback, useEffect, useState } from 'react';

/** Every tab draft's key starts so, which lets signing out find and drop them all. */
const PREFIX = 'twofold:draft:';

/**
 * The key of one form's draft. Whose it is comes first: a draft is only ever read back by the
 * person who wrote it, even if someone else signs in in the same tab before it was dropped.
 *
 * @param ownerId the signed-in user's id.
 * @param form what the form is and what it is about, e.g. `'checkin', spaceId, week`.
 */
export function tabDraftKey(ownerId: string, ...form: string[]): string {
  return [ownerId, ...form].join(':');
}

function read<T>(key: string, empty: T, parse: (stored: unknown) => T | null): T {
  try {
    const stored = sessionStorage.getItem(PREFIX + key);
    return stored === null ? empty : (parse(JSON.parse(stored)) ?? empty);
  } catch {
    return empty; // storage refused (private modes) or not JSON: start empty
  }
}

function drop(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing was kept to remove.
  }
}

/**
 * Words written in a form that the server receives only when it is sent (a check-in before it
 * is handed in, one side of a repair), kept in this tab's sessionStorage: a reload, or a phone
 * discarding the tab in the background, keeps them, and a shared computer does not keep them
 * once the tab is closed. Nothing here reaches the server or the partner.
 *
 * @param key from `tabDraftKey`.
 * @param parse reads back what was stored, or null when it cannot be used (written by another
 *   version of the app, say); then the form starts from `empty`.
 * @returns the value, its setter, and `clear` to call once the server has taken the words.
 */
export function useTabDraft<T>(key: string, empty: T, parse: (stored: unknown) => T | null) {
  const [value, setValue] = useState<T>(() => read(key, empty, parse));
  const [cleared, setCleared] = useState(false);
  useEffect(() => {
    if (cleared) return;
    try {
      sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or refused: the words are still in the form, just not kept past a reload.
    }
  }, [key, value, cleared]);
  const clear = useCallback(() => {
    setCleared(true);
    drop(key);
  }, [key]);
  const set = useCallback((next: T) => {
    setCleared(false);
    setValue(next);
  }, []);
  return [value, set, clear] as const;
}

/**
 * Drops the draft under `key` once `done`: what it was written for was sent from another tab of
 * the same account, so nothing is left to hand in and the words need not outlive it.
 */
export function useDropTabDraftWhen(done: boolean, key: string): void {
  useEffect(() => {
    if (done) drop(key);
  }, [done, key]);
}

/**
 * Drops every tab draft: on signing out, deleting the account, or finding the session gone
 * (signed out from another device, expired). The next person in this tab finds none.
 */
export function clearTabDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Storage refused: there are no drafts to drop.
  }
}

/** What `fieldsLike` asks of a form's schema (a zod object has it): one check per field. */
interface FieldChecks {
  shape: Record<string, { safeParse(value: unknown): { success: boolean } } | undefined>;
}

/**
 * `parse` for a flat form: each field of `empty` taken from what was stored when it has the same
 * type, and, for a number (a score), when `schema` accepts it, so a slider never shows a value it
 * cannot hold. No length rules on text, on purpose: words over a limit stay in the draft, and the
 * form's own check says so when it is sent, rather than the draft being dropped on a reload.
 */
export function fieldsLike<T extends Record<string, string | number>>(empty: T, schema: FieldChecks) {
  return (stored: unknown): T | null => {
    if (typeof stored !== 'object' || stored === null) return null;
    const out: Record<string, string | number> = { ...empty };
    for (const [field, fallback] of Object.entries(empty)) {
      const value = (stored as Record<string, unknown>)[field];
      if (typeof value !== typeof fallback) continue;
      if (typeof value === 'number' && schema.shape[field]?.safeParse(value).success !== true) continue;
      out[field] = value as string | number;
    }
    return out as T;
  };
}
