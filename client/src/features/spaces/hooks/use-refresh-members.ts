import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { meQueryOptions } from '@/lib/session/me.ts';

/**
 * Refetches the member list when someone is present in the space who is not on it yet: the
 * partner has just accepted the invite. Each unknown id triggers one refetch, no more, so a
 * client announcing nonsense cannot make us loop.
 */
export function useRefreshMembers(memberIds: readonly string[], presentIds: readonly string[]): void {
  const queryClient = useQueryClient();
  const asked = useRef(new Set<string>());
  const unknown = [...new Set(presentIds.filter((id) => !memberIds.includes(id)))].sort().join(',');
  useEffect(() => {
    const fresh = unknown.split(',').filter((id) => id && !asked.current.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) asked.current.add(id);
    void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
  }, [unknown, queryClient]);
}
