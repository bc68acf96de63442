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

/** A letter from the partner, open to the member, that the member has not opened yet. */
export function isUnread(letter: LetterView, selfId: string): boolean {
  return letter.authorId !== selfId && isOpened(letter) && letter.readAt === null;
}

/** A letter sealed until a date that has not come (on the server's clock). */
/**
 * Whether a letter's words have been handed over: it has a body, or the server says it is one
 * this device cannot show (kept, listed and marked unreadable, never hidden).
 */
export function isOpened(letter: LetterView): boolean {
  return letter.body !== null || letter.unreadable === true;
}

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

/** Letters grouped into threads (a letter and its replies), most recently active first. */
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

/** A thread as one list shows it: which of its letters that list is about. */
export interface ListedThread extends LetterThread {
  /** The letters of the thread this list counts: the partner's in the inbox, one's own in Sent. */
  counted: LetterView[];
  /** When the latest counted letter was sent: the list is ordered by it, newest first. */
  countedAt: number;
}

export interface LetterSections {
  /**
   * Every thread holding a letter from the partner that the member may read: letters they
   * started, their replies under the member's own letters, and their half of an opened pair.
   */
  inbox: ListedThread[];
  /** Every thread holding a letter the member wrote: sent, replies, sealed or waiting for a day. */
  sent: ListedThread[];
  /** The partner's letters sealed until a date that has not come: known of, not yet readable. */
  waiting: LetterView[];
  /** Shared prompts, newest first, each with the letters sealed for it. */
  pairs: { pair: LetterPairView; letters: LetterView[] }[];
}

function listed(threads: readonly LetterThread[], counts: (letter: LetterView) => boolean): ListedThread[] {
  const result: ListedThread[] = [];
  for (const thread of threads) {
    const counted = [thread.root, ...thread.replies].filter(counts);
    const last = counted.at(-1);
    if (last) result.push({ ...thread, counted, countedAt: last.sentAt });
  }
  return result.sort((a, b) => b.countedAt - a.countedAt);
}

/**
 * Sorts what the server returned into the sections of the letters page. One rule for every
 * kind of letter (plain, reply, sealed together, sealed until a day): a letter the member may
 * read is listed in the inbox if the partner wrote it and in Sent if the member did, so no
 * letter is missing from where its reader would look.
 */
export function letterSections(
  letters: readonly LetterView[],
  pairs: readonly LetterPairView[],
  selfId: string,
  serverNow: number,
): LetterSections {
  const mine = (letter: LetterView) => letter.authorId === selfId;
  // The partner's dated letters that have not opened have no words yet: they wait apart.
  const waiting = letters.filter((letter) => !mine(letter) && isWaitingForDate(letter, serverNow));
  const threads = threadsOf(
    letters.filter((letter) => !waiting.includes(letter)),
    selfId,
  );
  return {
    inbox: listed(threads, (letter) => !mine(letter) && isOpened(letter)),
    sent: listed(threads, mine),
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
