/**
 * Query keys for a space's HTTP resources. Every feature builds its keys here, so the event
 * stream can refresh exactly what changed: `['spaces', spaceId, resource, ...rest]`.
 */
export type SpaceResource =
  | 'attestations'
  | 'letters'
  | 'checkins'
  | 'promises'
  | 'appreciations'
  | 'repairs'
  | 'breaches'
  | 'reassurance'
  /** Open invites: only this member's own actions change them, so no event refreshes them. */
  | 'invites'
  /** Gathered from all of the above; every one of their events refreshes it (see the stream). */
  | 'wins'
  /** A document's log; the history page refetches it when the live document changes. */
  | 'history'
  /** Everything the member may keep, read out of both documents (the printed copy's source). */
  | 'export';

export function spaceQueryKey(spaceId: string, resource: SpaceResource, ...rest: readonly string[]) {
  return ['spaces', spaceId, resource, ...rest] as const;
}
