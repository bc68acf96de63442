/**
 * The origin every mutator passes to `doc.transact`, so observers (and the undo manager) can
 * tell local, user-initiated writes from remote ones.
 */
export const LOCAL_ORIGIN = { source: 'twofold-local' } as const;
export type LocalOrigin = typeof LOCAL_ORIGIN;
