import { createContext, useContext } from 'react';
import type { SpaceDocs } from './space-docs.ts';

export const SpaceDocsContext = createContext<SpaceDocs | null>(null);

/** The open space's documents, provided by the space layout that owns them. */
export function useSpaceDocsContext(): SpaceDocs {
  const docs = useContext(SpaceDocsContext);
  if (!docs) throw new Error('useSpaceDocsContext must be used inside a space');
  return docs;
}
