import { recordAgreedVersion } from '@twofold/shared';
import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { useBoundaryAttestations } from '../api/attestations.ts';
import { today } from '@/lib/dates.ts';
import { toListItems, type BoundaryListItem } from '../model/boundary-view.ts';
import { useBoundaryEntries } from './use-boundary-entries.ts';
import { useContentHashes } from './use-content-hashes.ts';

interface Args {
  spaceId: string;
  doc: Y.Doc;
  selfId: string;
  partnerId: string | null;
}

export interface BoundariesState {
  items: readonly BoundaryListItem[];
  /** The notary's record could not be fetched (statuses are unknown, the text is still here). */
  attestationsError: unknown;
  refetchAttestations: () => void;
}

/**
 * The space's boundaries with their live status: the text from the shared document, the
 * signatures from the server's notary, joined by the hash of the current text.
 */
export function useBoundaries({ spaceId, doc, selfId, partnerId }: Args): BoundariesState {
  const entries = useBoundaryEntries(doc);
  const hashes = useContentHashes(entries);
  const attestations = useBoundaryAttestations(spaceId);
  const items = useMemo(
    () =>
      toListItems(entries, { hashes, attestations: attestations.data, selfId, partnerId, today: today() }),
    [entries, hashes, attestations.data, selfId, partnerId],
  );
  useKeepAgreedVersions(doc, items);
  return {
    items,
    attestationsError: attestations.error,
    refetchAttestations: () => void attestations.refetch(),
  };
}

/**
 * When both have signed the current text, keeps that exact text as an agreed version in the
 * shared document. Either partner's client may do it; versions are folded by hash.
 */
function useKeepAgreedVersions(doc: Y.Doc, items: readonly BoundaryListItem[]): void {
  useEffect(() => {
    for (const item of items) {
      if (!item.readable || item.status?.kind !== 'agreed' || !item.hash) continue;
      const hash = item.hash;
      if (item.boundary.versions.some((v) => v.hash === hash)) continue;
      recordAgreedVersion(doc, {
        id: item.id,
        version: { hash, content: item.content, agreedAt: item.status.at },
      });
    }
  }, [doc, items]);
}
