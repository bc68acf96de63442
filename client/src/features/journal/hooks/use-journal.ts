import { journalMap, readJournal, type JournalEntryEntry } from '@twofold/shared';
import type * as Y from 'yjs';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';

const roots = (doc: Y.Doc) => [journalMap(doc)];

/** The journal's entries in this member's private document, newest first, re-read on any change. */
export function useJournal(doc: Y.Doc): readonly JournalEntryEntry[] {
  return useDocReading(doc, roots, readJournal);
}
