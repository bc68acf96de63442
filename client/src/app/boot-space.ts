import { colorForMember } from '@twofold/shared';
import { fetchMeEarly } from '@/lib/session/me.ts';
import { SpaceDocs } from '@/lib/yjs/space-docs.ts';
import {
  acquireSpaceDocs,
  peekSpaceDocs,
  releaseSpaceDocs,
  spaceDocsKey,
} from '@/lib/yjs/space-docs-cache.ts';

const SPACE_PATH = /^\/spaces\/([^/]+)/;
/**
 * How long the boot holds the space's documents (ms). The space's layout takes its own
 * reference as soon as it renders, long before this; if it never does (the person left the
 * space's pages at once), the documents close when this hold ends.
 */
const HOLD_MS = 15_000;

/** Settles once the documents' first exchange with the server is over (synced, or not possible). */
function firstSyncOver(docs: SpaceDocs): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (docs.getSnapshot().status === 'connecting') return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = docs.subscribe(check);
    check();
  });
}

/**
 * On a space's address opened straight away (a reload, a link, the home screen icon), asks
 * who is signed in and opens the space's documents (IndexedDB, then the sockets) now, beside
 * the page's chunks, instead of after React Router has loaded them and the layout rendered:
 * on a phone's 3G that saves the /api/me round trip and the chunks' download before the
 * first sync can start. The documents are the same ones the layout would open, with the same
 * presence (space-layout.tsx), shared through the ref-counted cache.
 *
 * Returns a promise that settles when the first screen no longer needs the network to itself:
 * at once off a space's pages, else once the documents' first sync is over.
 */
export function bootSpace(pathname: string): Promise<void> {
  const spaceId = SPACE_PATH.exec(pathname)?.[1];
  if (!spaceId) return Promise.resolve();
  return fetchMeEarly().then(
    (me) => {
      const space = me?.spaces.find((s) => s.id === spaceId);
      if (!me || !space) return;
      const { id, name } = me.user;
      const color = colorForMember(
        id,
        space.members.map((member) => member.id),
      );
      const key = spaceDocsKey(id, space.id);
      acquireSpaceDocs(key, () => new SpaceDocs(id, space.id, { user: { id, name, color } }));
      setTimeout(() => releaseSpaceDocs(key), HOLD_MS);
      const docs = peekSpaceDocs(key);
      return docs ? firstSyncOver(docs) : undefined;
    },
    // The layout asks again and shows what went wrong.
    () => undefined,
  );
}
