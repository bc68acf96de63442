import type { LetterPairView, LetterView } from '@twofold/shared';

/** A letter with the replies written under it, oldest first. */
export interface LetterThread {
  root: LetterView;
  replies: LetterView[];
  /** Letters in the thread the viewer has not opened yet. */
  unread: number;
  /** When anything in the thread was last sent. */
  lastAt: number;
}

export function isUnread(letter: LetterView, selfId: string): boolean {
  return letter.authorId !== selfId && letter.body !== null && letter.readAt === null;
}

/** A letter sealed until a date that has not come (on the server's clock). */
export function isWaitingForDate(letter: LetterView, serverNow: number): boolean {
  return letter.sealKind === 'date' && letter.opensAt !== null && letter.opensAt > serverNow;
}

/**
 * Still sealed for the partner: a letter sealed together whose pair has not opened, or one
 * sealed until a day that has not come. Its author can read it; nobody can answer it yet.
 */
export function isSealedNow(
  letter: LetterView,
  pairs: readonly LetterPairView[],
  serverNow: number,
): boolean {
  if (letter.sealKind === 'together') return !pairs.find((pair) => pair.id === letter.pairId)?.openedAt;
  return isWaitingForDate(letter, serverNow);
}

/** What to call a letter whose title is still sealed from this member. */
export function titleOf(letter: LetterView): string {
  return letter.title ?? `A letter from ${letter.authorName}`;
}

/** The first letter of the thread a letter belongs to; a reply whose parent is gone stands alone. */
export function rootOf(letter: LetterView, byId: ReadonlyMap<string, LetterView>): LetterView {
  let current = letter;
  const seen = new Set<string>();
  while (current.replyTo && !seen.has(current.id)) {
    seen.add(current.id);
    const parent = byId.get(current.replyTo);
    if (!parent) break;
    current = parent;
  }
  return current;
}

export function threadsOf(letters: readonly LetterView[], selfId: string): LetterThread[] {
  const byId = new Map(letters.map((letter) => [letter.id, letter]));
  const threads = new Map<string, LetterThread>();
  const sorted = [...letters].sort((a, b) => a.sentAt - b.sentAt);
  for (const letter of sorted) {
    const root = rootOf(letter, byId);
    const thread = threads.get(root.id) ?? { root, replies: [], unread: 0, lastAt: root.sentAt };
    if (letter.id !== root.id) thread.replies.push(letter);
    if (isUnread(letter, selfId)) thread.unread += 1;
    thread.lastAt = Math.max(thread.lastAt, letter.sentAt);
    threads.set(root.id, thread);
  }
  return [...threads.values()].sort((a, b) => b.lastAt - a.lastAt);
}

export interface LetterSections {
  /** Threads the partner started. */
  inbox: LetterThread[];
  /** Threads the member started. */
  sent: LetterThread[];
  /** Letters sealed until a date that has not come, either way. */
  waiting: LetterView[];
  /** Shared prompts, newest first, each with the letters sealed for it. */
  pairs: { pair: LetterPairView; letters: LetterView[] }[];
}

/** Sorts what the server returned into the sections of the letters page. */
export function letterSections(
  letters: readonly LetterView[],
  pairs: readonly LetterPairView[],
  selfId: string,
  serverNow: number,
): LetterSections {
  const waiting = letters.filter((letter) => isWaitingForDate(letter, serverNow));
  const loose = letters.filter((letter) => letter.pairId === null && !isWaitingForDate(letter, serverNow));
  const threads = threadsOf(loose, selfId);
  return {
    inbox: threads.filter((thread) => thread.root.authorId !== selfId),
    sent: threads.filter((thread) => thread.root.authorId === selfId),
    waiting: [...waiting].sort((a, b) => (a.opensAt ?? 0) - (b.opensAt ?? 0)),
    pairs: [...pairs]
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((pair) => ({ pair, letters: letters.filter((letter) => letter.pairId === pair.id) })),
  };
}

/** The whole thread a letter belongs to, oldest first. */
export function threadOf(letters: readonly LetterView[], letterId: string): LetterView[] {
  const byId = new Map(letters.map((letter) => [letter.id, letter]));
  const letter = byId.get(letterId);
  if (!letter) return [];
  const rootId = rootOf(letter, byId).id;
  return letters.filter((other) => rootOf(other, byId).id === rootId).sort((a, b) => a.sentAt - b.sentAt);
}
