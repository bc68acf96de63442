import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SubjectType, type AttestationKind } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

/**
 * The notary's record for every boundary in the space. The event stream refreshes it the
 * moment the partner signs, so nobody has to reload to see "agreed by both".
 */
export const boundaryAttestationsQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'attestations', SubjectType.boundary),
    queryFn: async () => {
      const body = await parseResponse(
        api.api.spaces[':spaceId'].attestations.$get({
          param: { spaceId },
          query: { subjectType: SubjectType.boundary },
        }),
      );
      return body.attestations;
    },
  });

export function useBoundaryAttestations(spaceId: string) {
  return useQuery(boundaryAttestationsQueryOptions(spaceId));
}

export interface AttestInput {
  boundaryId: string;
  kind: typeof AttestationKind.agree | typeof AttestationKind.retire;
  contentHash: string;
}

/** Records the signed-in member's agreement (or retirement) against a content hash. */
export function useAttestBoundary(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ boundaryId, kind, contentHash }: AttestInput) =>
      parseResponse(
        api.api.spaces[':spaceId'].attestations.$post({
          param: { spaceId },
          json: { subjectType: SubjectType.boundary, subjectId: boundaryId, kind, contentHash },
        }),
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: boundaryAttestationsQueryOptions(spaceId).queryKey }),
  });
}
