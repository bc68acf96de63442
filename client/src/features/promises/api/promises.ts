import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AttestationKind, SubjectType, type CreatePromiseInput } from '@twofold/shared';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';
import { spaceQueryKey } from '@/lib/space-events/space-query-key.ts';

const promises = () => api.api.spaces[':spaceId'].promises;

/** Every promise in the space, newest first; refreshed by the event stream when one is made or closed. */
export const promisesQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'promises'),
    queryFn: async () => (await parseResponse(promises().$get({ param: { spaceId } }))).promises,
  });

export function usePromises(spaceId: string) {
  return useQuery(promisesQueryOptions(spaceId));
}

/**
 * The notary's record for promises (who made each, who confirmed it kept). Under the
 * `attestations` key, so the partner's confirmation refreshes it the moment it is recorded.
 */
export const promiseAttestationsQueryOptions = (spaceId: string) =>
  queryOptions({
    queryKey: spaceQueryKey(spaceId, 'attestations', SubjectType.promise),
    queryFn: async () =>
      (
        await parseResponse(
          api.api.spaces[':spaceId'].attestations.$get({
            param: { spaceId },
            query: { subjectType: SubjectType.promise },
          }),
        )
      ).attestations,
  });

export function usePromiseAttestations(spaceId: string) {
  return useQuery(promiseAttestationsQueryOptions(spaceId));
}

/** Makes a promise; the server records the caller as its author with the notary. */
export function useMakePromise(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePromiseInput) =>
      parseResponse(promises().$post({ param: { spaceId }, json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: promisesQueryOptions(spaceId).queryKey }),
  });
}

/** The words of a promise an attestation is bound to. */
type AttestedPromise = { id: string; contentHash: string };

/** Records the caller's attestation of `kind` on a promise's exact words (409 if they changed). */
function attestPromise(spaceId: string, promise: AttestedPromise, kind: AttestationKind) {
  return parseResponse(
    api.api.spaces[':spaceId'].attestations.$post({
      param: { spaceId },
      json: {
        subjectType: SubjectType.promise,
        subjectId: promise.id,
        kind,
        contentHash: promise.contentHash,
      },
    }),
  );
}

/**
 * The partner's "you kept this": an attestation bound to the promise's exact words. Refused
 * (409) if the promiser has meanwhile said they didn't manage it, so the promises are re-read
 * too and the card moves to that ending instead of offering the button again.
 */
export function useConfirmKept(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (promise: AttestedPromise) => attestPromise(spaceId, promise, AttestationKind.kept),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: promiseAttestationsQueryOptions(spaceId).queryKey }),
        queryClient.invalidateQueries({ queryKey: promisesQueryOptions(spaceId).queryKey }),
      ]),
  });
}

/**
 * The partner's acceptance of a promise proposed from a repair: an `accepted` attestation
 * bound to its exact words, after which it is a promise like any other.
 */
export function useAcceptPromise(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (promise: AttestedPromise) => attestPromise(spaceId, promise, AttestationKind.accepted),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: promiseAttestationsQueryOptions(spaceId).queryKey }),
  });
}

/** The promiser's own "I didn't manage this one", with a note. */
export function useMarkMissed(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ promiseId, note }: { promiseId: string; note: string }) =>
      parseResponse(promises()[':promiseId'].missed.$post({ param: { spaceId, promiseId }, json: { note } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: promisesQueryOptions(spaceId).queryKey }),
  });
}
