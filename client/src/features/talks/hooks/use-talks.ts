import { talksMap, readTalks, type TalkEntry } from '@twofold/shared';
import type * as Y from 'yjs';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';

const roots = (doc: Y.Doc) => [talksMap(doc)];

/** Every talk in the shared doc, newest first, re-read whenever either partner changes one. */
export function useTalks(doc: Y.Doc): readonly TalkEntry[] {
  return useDocReading(doc, roots, readTalks);
}
