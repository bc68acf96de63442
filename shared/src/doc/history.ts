import * as Y from 'yjs';
import { commonWordEnd, commonWordStart } from './common-words.ts';
import { wordDiff, type DiffSegment } from './word-diff.ts';

/** One log row as the client holds it: the base64 of the wire decoded to bytes. */
export interface HistoryEntry {
  id: number;
  authorId: string;
  /** Epoch ms of the run's last edit. */
  at: number;
  update: Uint8Array;
}

/** Words a session (or a span of sessions) added and removed. */
export interface WordChange {
  added: number;
  removed: number;
}

/**
 * The document's words at one point: `(doc) => fragmentToPlainText(usLetterFragment(doc))`.
 * `changedLines`, when given, returns whole lines around all that the last call on `doc`
 * changed, before and after (fragment-text-reader.ts): a row's words are counted from those.
 */
export interface TextOf {
  (doc: Y.Doc): string;
  changedLines?: (doc: Y.Doc) => { before: string; after: string } | undefined;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** Base64 (as the history route sends it) to bytes; '' is no bytes. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The document as it was right after log row `id`: `base` (every row before the oldest of
 * `entries`, or undefined from the start) then each entry up to and including `id`.
 * `entries` may come in any order. `gc` is off so the copy can be compared and cloned from
 * without losing what later rows deleted. The caller destroys the returned doc.
 */
export function rebuildAt(base: Uint8Array | undefined, entries: readonly HistoryEntry[], id: number): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  if (base && base.length > 0) Y.applyUpdate(doc, base);
  for (const entry of oldestFirst(entries)) {
    if (entry.id > id) break;
    Y.applyUpdate(doc, entry.update);
  }
  return doc;
}

/** How many words (runs with a letter or digit; a lone comma is not one) the added and removed segments of a word diff hold. */
export function countChange(segments: readonly DiffSegment[]): WordChange {
  const change = { added: 0, removed: 0 };
  for (const segment of segments) {
    if (segment.kind === 'same') continue;
    change[segment.kind] += segment.text.split(/\s+/).filter((word) => WORDLIKE.test(word)).length;
  }
  return change;
}

/**
 * Words added and removed from `before` to `after`. Only the part between the longest common
 * start and end (cut at spaces, so no word is split) is diffed: an edit touches a few words of
 * a long letter, and diffing the whole of it for every row of a page cost seconds.
 */
export function wordChange(before: string, after: string): WordChange {
  if (before === after) return { added: 0, removed: 0 };
  const start = commonWordStart(before, after);
  const end = commonWordEnd(before, after, start);
  return countChange(
    wordDiff(before.slice(start, before.length - end), after.slice(start, after.length - end)),
  );
}

/**
 * A root `sessionChanges` can watch for changes: any Yjs type, or a wrapper that calls the
 * observer only for the events about one entity (a boundary among many).
 */
export interface ObservedRoot {
  observeDeep(observer: () => void): void;
}

/** One session with the words it changed and the text it left. */
export interface SessionChange extends WordChange {
  /** The id of the session's last log row: rebuilding at it gives the session's end. */
  id: number;
  authorId: string;
  /** When the session started and ended, epoch ms. */
  startedAt: number;
  at: number;
  /** Log rows in the session. */
  rows: number;
  /**
   * Whether the session changed the watched root at all (always true without `rootOf`): a row
   * about another boundary is in the same log, and is no point in this one's history.
   */
  touched: boolean;
  /** The text before and after this session. */
  before: string;
  after: string;
}

/**
 * Replays `entries` once, from `base`, and says what each session changed in words, oldest
 * first. `rootOf` (the root `textOf` reads) lets rows that leave it alone skip reading it. One replay for the whole page: rebuilding each point from scratch would cost the
 * page's length squared.
 */
export function sessionChanges(
  base: Uint8Array | undefined,
  entries: readonly HistoryEntry[],
  textOf: TextOf,
  rootOf?: (doc: Y.Doc) => ObservedRoot,
): SessionChange[] {
  const doc = new Y.Doc({ gc: false });
  if (base && base.length > 0) Y.applyUpdate(doc, base);
  let before = textOf(doc);
  // With the root known, its words are read again only after a row that touched it: reading
  // a year-long letter costs milliseconds, and most rows of a space are about other things.
  let touched: boolean;
  rootOf?.(doc).observeDeep(() => (touched = true));
  const changes: SessionChange[] = [];
  for (const entry of oldestFirst(entries)) {
    touched = !rootOf;
    Y.applyUpdate(doc, entry.update);
    const after = touched ? textOf(doc) : before;
    // Lines the row changed, when the reader knows them: comparing or diffing the whole of a
    // long letter for each row would copy it (its text is joined from parts, not flat).
    const lines = touched ? textOf.changedLines?.(doc) : undefined;
    changes.push({
      id: entry.id,
      authorId: entry.authorId,
      startedAt: entry.at,
      at: entry.at,
      rows: 1,
      touched,
      before,
      after,
      ...(lines ? wordChange(lines.before, lines.after) : wordChange(before, after)),
    });
    before = after;
  }
  doc.destroy();
  return changes;
}

/**
 * One author's edits no further than this from the first of them are one session (ms): the
 * server's compaction merges its rows into runs by the same rule (COALESCE_WINDOW_MS in
 * server/src/store/doc-log.ts), so the rows it has not compacted yet read the same.
 */
export const SESSION_WINDOW_MS = 5 * 60 * 1000;

/**
 * Joins consecutive changes (oldest first) by one author within SESSION_WINDOW_MS of the
 * first into one session, with the words counted from its start to its end: the newest rows
 * of a log are still one per keystroke until the room compacts them.
 */
export function joinSessions(
  changes: readonly SessionChange[],
  windowMs = SESSION_WINDOW_MS,
): SessionChange[] {
  const sessions: SessionChange[] = [];
  let joined = false;
  // Words are counted once per session, at its end: a diff per keystroke row would cost the
  // letter's length for every key pressed.
  const count = () => {
    const last = sessions.at(-1);
    if (last && joined) Object.assign(last, wordChange(last.before, last.after));
    joined = false;
  };
  for (const change of changes) {
    const last = sessions.at(-1);
    if (last && last.authorId === change.authorId && change.at - last.startedAt <= windowMs) {
      sessions[sessions.length - 1] = {
        ...last,
        id: change.id,
        at: change.at,
        rows: last.rows + change.rows,
        touched: last.touched || change.touched,
        after: change.after,
      };
      joined = true;
    } else {
      count();
      sessions.push({ ...change });
    }
  }
  count();
  return sessions;
}

/**
 * Who added and removed how many words between two points (after row `fromId`, up to and
 * including row `toId`), per author id: each session's change counts for its author. A word
 * one partner wrote and the other removed counts as added for one and removed for the other.
 */
export function attributeChanges(
  changes: readonly SessionChange[],
  fromId: number,
  toId: number,
): Map<string, WordChange> {
  const byAuthor = new Map<string, WordChange>();
  for (const change of changes) {
    if (change.id <= fromId || change.id > toId) continue;
    const sum = byAuthor.get(change.authorId) ?? { added: 0, removed: 0 };
    sum.added += change.added;
    sum.removed += change.removed;
    byAuthor.set(change.authorId, sum);
  }
  return byAuthor;
}

/** "120 words added, 3 removed", "Nothing changed in the words" for a formatting-only session. */
export function summariseChange({ added, removed }: WordChange): string {
  const words = (n: number) => `${n} ${n === 1 ? 'word' : 'words'}`;
  if (added > 0 && removed > 0) return `${words(added)} added, ${removed} removed`;
  if (added > 0) return `${words(added)} added`;
  if (removed > 0) return `${words(removed)} removed`;
  return 'No change in the words';
}

/**
 * Makes `target` hold what `old` holds (an earlier version of the same root), as one new
 * local edit in `origin`'s transaction: everything in `target` is deleted and copies of the
 * old content are inserted. Nothing is rewound, so the history in between stays, and the
 * restore syncs and shows in history like any other edit by whoever made it.
 */
export function restoreFragment(target: Y.XmlFragment, old: Y.XmlFragment, origin: unknown): void {
  const doc = target.doc;
  if (!doc) throw new Error('restoreFragment: the target is not in a document');
  doc.transact(() => {
    target.delete(0, target.length);
    target.insert(
      0,
      old.toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText),
    );
  }, origin);
}

function oldestFirst(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => a.id - b.id);
}
