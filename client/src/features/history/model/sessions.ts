import {
  joinSessions,
  sessionChanges,
  type ObservedRoot,
  type SessionChange,
  type TextOf,
} from '@twofold/shared';
import type * as Y from 'yjs';
import type { DecodedHistoryPage, HistoryRowView } from '../api/history.ts';

/** One editing session on the timeline: its last log row, what it changed, and that row's page. */
export interface Session extends SessionChange {
  row: HistoryRowView;
  page: DecodedHistoryPage;
}

const cache = new WeakMap<DecodedHistoryPage, WeakMap<TextOf, SessionChange[]>>();

/** A page's changes row by row, oldest first; replayed once from its own base and kept. */
type RootOf = (doc: Y.Doc) => ObservedRoot;

function changesOf(page: DecodedHistoryPage, textOf: TextOf, rootOf: RootOf): SessionChange[] {
  const byText = cache.get(page) ?? new WeakMap<TextOf, SessionChange[]>();
  cache.set(page, byText);
  let changes = byText.get(textOf);
  if (!changes) {
    changes = sessionChanges(page.base, page.rows, textOf, rootOf);
    byText.set(textOf, changes);
  }
  return changes;
}

/**
 * Every loaded session, newest first; `textOf` reads the words of the root `rootOf` names. Pages (newest first, each the rows just before the
 * previous one) are joined oldest first, so a sitting that runs across two pages is one
 * session; loading more replays only the new page.
 */
export function sessionsOf(pages: readonly DecodedHistoryPage[], textOf: TextOf, rootOf: RootOf): Session[] {
  const where = new Map<number, { row: HistoryRowView; page: DecodedHistoryPage }>();
  for (const page of pages) for (const row of page.rows) where.set(row.id, { row, page });
  const changes = [...pages].reverse().flatMap((page) => changesOf(page, textOf, rootOf));
  return joinSessions(changes)
    .map((session) => ({ ...session, ...where.get(session.id)! }))
    .reverse();
}
