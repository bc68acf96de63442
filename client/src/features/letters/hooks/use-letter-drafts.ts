import { letterDraftsMap, readLetterDrafts, type LetterDraftEntry } from '@twofold/shared';
import type * as Y from 'yjs';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';

const roots = (doc: Y.Doc) => [letterDraftsMap(doc)];

/** The member's unsent letters from their private document, the latest touched first. */
export function useLetterDrafts(privateDoc: Y.Doc): readonly LetterDraftEntry[] {
  return useDocReading(privateDoc, roots, readLetterDrafts);
}
