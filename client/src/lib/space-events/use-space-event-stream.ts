import { useQueryClient } from '@tanstack/react-query';
import { readSpaceEvent, type SpaceEvent } from '@twofold/shared';
import { useEffect, useRef } from 'react';
import { meQueryOptions } from '@/lib/session/me.ts';
import { justChangedHere } from './partner-news.ts';
import { spaceQueryKey } from './space-query-key.ts';

/**
 * Listens to the space's server-sent events while the space is open and refreshes the queries
 * an event names: a partner's signature, a letter arriving, a read receipt, someone joining.
 * The browser's EventSource reconnects by itself; each (re)connect refreshes everything once,
 * so nothing missed while away stays stale. No timer polls anything (only an answer that failed to
 * refresh is asked for again on a timer, by the query client, until it comes). `onPartnerChange` hears
 * the changes this device did not just make itself (to announce them; see partner-news.ts).
 */
export function useSpaceEventStream(spaceId: string, onPartnerChange?: (event: SpaceEvent) => void): void {
  const queryClient = useQueryClient();
  const listener = useRef(onPartnerChange);
  useEffect(() => {
    listener.current = onPartnerChange;
  });
  useEffect(() => {
    const source = new EventSource(`/api/spaces/${encodeURIComponent(spaceId)}/events`);
    const refreshAll = () => void queryClient.invalidateQueries({ queryKey: ['spaces', spaceId] });
    const onChange = (message: MessageEvent<string>) => {
      const event = readSpaceEvent(message.data);
      if (!event) return;
      if (!justChangedHere(queryClient)) listener.current?.(event);
      if (event.type === 'members')
        void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
      else {
        void queryClient.invalidateQueries({ queryKey: spaceQueryKey(spaceId, event.type) });
        // The small wins timeline is gathered from every kind of change.
        void queryClient.invalidateQueries({ queryKey: spaceQueryKey(spaceId, 'wins') });
      }
    };
    source.addEventListener('ready', refreshAll);
    source.addEventListener('change', onChange);
    return () => source.close();
  }, [spaceId, queryClient]);
}
