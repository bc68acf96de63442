import { queryOptions, useQuery } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';

/**
 * What an invite link is for (GET /api/invites/:code): the space's name and who sent it.
 * Needs no session. 404 for an unknown code, 410 for a used or expired one — except for a
 * member of that space, who gets 200 with `alreadyMember: { spaceId }` whatever the invite's
 * state. The answer depends on who asks, so the viewer's id (or null) is part of the key.
 */
export const invitePreviewQueryOptions = (code: string, viewerId: string | null) =>
  queryOptions({
    queryKey: ['invites', code, viewerId],
    queryFn: () => parseResponse(api.api.invites[':code'].$get({ param: { code } })),
    // Forgotten as soon as the page closes: once someone joins, the same link reads
    // differently for them (a member), so coming back to it (Back) must ask again.
    gcTime: 0,
  });

/** The invite behind a join link, as `viewerId` sees it; see `invitePreviewQueryOptions`. */
export function useInvitePreview(code: string, viewerId: string | null, enabled: boolean) {
  return useQuery({ ...invitePreviewQueryOptions(code, viewerId), enabled });
}
