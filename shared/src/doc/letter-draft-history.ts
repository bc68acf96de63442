import type * as Y from 'yjs';
import { restoreEntity, writeChanged } from './entity.ts';
import { readLetterDraft } from './letter-drafts.ts';
import { LOCAL_ORIGIN } from './origin.ts';
import { restoreFragment } from './history.ts';
import { letterDraftsMap } from './roots.ts';

/**
 * A draft's words as history compares them: its title, then its body, one paragraph a line.
 * A draft that is gone or unreadable at that point reads as such; never throws.
 */
export function letterDraftTextOf(id: string): (doc: Y.Doc) => string {
  return (doc) => {
    const value = letterDraftsMap(doc).get(id);
    if (value === undefined) return 'Not written yet.';
    const entry = readLetterDraft(id, value);
    if (!entry.readable) return 'This version could not be read.';
    return `${entry.title || 'Untitled'}\n${entry.plain}`;
  };
}

/** Keys history does not follow on their own: "last changed", written a moment after typing. */
export const LETTER_DRAFT_HISTORY_IGNORED: ReadonlySet<string> = new Set(['updatedAt']);

/**
 * Makes the live draft `id` read as it did in `old` (an earlier copy of the author's private
 * document): its title and its words, as one new local edit at `now` (ms), so the restore
 * itself shows in the history. Returns false (and writes nothing) when the draft is missing
 * or unreadable in either copy (sent meanwhile, for example).
 */
export function restoreLetterDraft(live: Y.Doc, args: { old: Y.Doc; id: string; now: number }): boolean {
  return restoreEntity(live, {
    ...args,
    live: letterDraftsMap(live),
    old: letterDraftsMap(args.old),
    read: readLetterDraft,
    write: (target, was) => {
      writeChanged(target.entity, { title: was.entry.title });
      if (target.entry.body.toString() !== was.entry.body.toString())
        restoreFragment(target.entry.body, was.entry.body, LOCAL_ORIGIN);
    },
  });
}
