import type { PromiseView } from '@twofold/shared';
import type { PromiseRow } from '../store/promises.ts';

/** A promise as every route and the export show it. */
export function promiseView(row: PromiseRow): PromiseView {
  return {
    id: row.id,
    authorId: row.authorId,
    text: row.text,
    dueOn: row.dueOn,
    contentHash: row.contentHash,
    createdAt: row.createdAt,
    missed: row.missedAt === null ? null : { at: row.missedAt, note: row.missedNote ?? '' },
    fromRepair: row.fromRepair,
  };
}
