import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type * as Y from 'yjs';

/** How long the document must be still before the history is asked again (ms). */
const QUIET_MS = 1500;

/**
 * Refetches a history query once the live document has been still for a moment after a
 * change (the partner typing, a restore), so the timeline grows while it is open.
 */
export function useRefreshOnChange(doc: Y.Doc, queryKey: QueryKey): void {
  const queryClient = useQueryClient();
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: JSON.parse(key) as QueryKey }),
        QUIET_MS,
      );
    };
    doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc, key, queryClient]);
}
