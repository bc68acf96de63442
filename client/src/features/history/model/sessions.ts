import { joinSessions, sessionChanges, type SessionChange, type TextOf } from '@twofold/shared';
import type { DecodedHistoryPage, HistoryRowView } from '../api/history.ts';
import { observedRoot, type HistorySubject } from './subject.ts';

/** One editing session on the timeline: its last log row, what it changed, and that row's page. */
export interface Session extends SessionChange {
  row: HistoryRowView;
  page: DecodedHistoryPage;
}

const cache = new WeakMap<DecodedHistoryPage, WeakMap<TextOf, SessionChange[]>>();

/** A page's changes row by row, oldest first; replayed once from its own base and kept. */
function changesOf(page: DecodedHistoryPage, subject: HistorySubject): SessionChange[] {
  const byText = cache.get(page) ?? new WeakMap<TextOf, SessionChange[]>();
  cache.set(page, byText);
  let changes = byText.get(subject.textOf);
  if (!changes) {
    changes = sessionChanges(page.base, page.rows, subject.textOf, observedRoot(subject));
    byText.set(subject.textOf, changes);
  }
  return changes;
}

/**
 * Every loaded session about `subject`, newest first. Pages (newest first, each the rows just
 * before the previous one) are joined oldest first, so a sitting that runs across two pages
 * is one session; loading more replays only the new page. Rows that did not touch the subject
 * (another boundary, the letter while this is a goal) are left out before joining, so they
 * neither show nor split a sitting.
 */
export function sessionsOf(pages: readonly DecodedHistoryPage[], subject: HistorySubject): Session[] {
  const where = new Map<number, { row: HistoryRowView; page: DecodedHistoryPage }>();
  for (const page of pages) for (const row of page.rows) where.set(row.id, { row, page });
  const changes = [...pages]
    .reverse()
    .flatMap((page) => changesOf(page, subject))
    .filter((change) => change.touched);
  return joinSessions(changes)
    .map((session) => ({ ...session, ...where.get(session.id)! }))
    .reverse();
}
