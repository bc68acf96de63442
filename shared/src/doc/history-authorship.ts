import { commonWordEnd, commonWordStart } from './common-words.ts';
import { wordDiff } from './word-diff.ts';

/** A stretch of a version's text and who wrote it; `authorId` null: before the loaded history. */
export interface AuthoredRun {
  text: string;
  authorId: string | null;
}

/** What `authorship` needs of a session: who, and the text before and after it. */
export interface AuthoredChange {
  authorId: string;
  before: string;
  after: string;
}

/** Appends `run`, joining it to the last run when the author is the same. */
function push(runs: AuthoredRun[], run: AuthoredRun): void {
  if (run.text.length === 0) return;
  const last = runs.at(-1);
  if (last && last.authorId === run.authorId) last.text += run.text;
  else runs.push({ ...run });
}

/** Takes `length` characters off the front of `runs` (which it shortens), in order. */
function take(runs: AuthoredRun[], length: number): AuthoredRun[] {
  const taken: AuthoredRun[] = [];
  let left = length;
  while (left > 0 && runs.length > 0) {
    const first = runs[0]!;
    if (first.text.length <= left) {
      taken.push(first);
      runs.shift();
      left -= first.text.length;
    } else {
      taken.push({ text: first.text.slice(0, left), authorId: first.authorId });
      first.text = first.text.slice(left);
      left = 0;
    }
  }
  return taken;
}

/**
 * Who wrote each word of the text after the last of `changes` (oldest first, each one's
 * `before` the previous one's `after`): every word is credited to the session that added it,
 * and keeps that credit while later sessions leave it in place. A word one partner wrote and
 * the other retyped is the other's. Words already in the first session's `before` (written
 * before the loaded history began) have a null author. Only the part of each text between the
 * common start and end is diffed, as in `wordChange`, so a long letter costs what an edit
 * touched. Returns runs in text order, adjacent runs by the same author joined; their texts
 * concatenate to the last `after` (or '' with no changes).
 */
export function authorship(changes: readonly AuthoredChange[]): AuthoredRun[] {
  const first = changes[0];
  if (!first) return [];
  let runs: AuthoredRun[] = first.before ? [{ text: first.before, authorId: null }] : [];
  let text = first.before;
  for (const change of changes) {
    if (change.after === text) continue;
    const start = commonWordStart(text, change.after);
    const end = commonWordEnd(text, change.after, start);
    const rest = [...runs];
    const next: AuthoredRun[] = [];
    for (const run of take(rest, start)) push(next, run);
    const middle = take(rest, text.length - start - end);
    const middleText = text.slice(start, text.length - end);
    const segments = wordDiff(middleText, change.after.slice(start, change.after.length - end));
    for (const segment of segments) {
      if (segment.kind === 'added') push(next, { text: segment.text, authorId: change.authorId });
      else {
        const kept = take(middle, segment.text.length);
        if (segment.kind === 'same') for (const run of kept) push(next, run);
      }
    }
    for (const run of rest) push(next, run);
    runs = next;
    text = change.after;
  }
  return runs;
}

/** A letter or digit: what makes a run words rather than spacing and punctuation. */
const WORDY = /[\p{L}\p{N}]/u;

/**
 * The authors a legend for `runs` names, in the order their words first appear: runs with no
 * letter or digit (a line break, ", ", "—" between two partners' words) are left out, so the
 * legend names only people whose words one can see. With `fromStart` (the runs were built
 * from the document's first edit on) the unattributed runs are text nobody typed, a form's
 * field labels, and null is left out too; otherwise null stands for words written before the
 * loaded history.
 */
export function legendAuthors(runs: readonly AuthoredRun[], fromStart = false): (string | null)[] {
  const authors = new Set<string | null>();
  for (const run of runs) {
    if (run.authorId === null && fromStart) continue;
    if (WORDY.test(run.text)) authors.add(run.authorId);
  }
  return [...authors];
}
