import type { BoundaryStatus } from '@twofold/shared';
import type { BoundaryListItem } from './boundary-view.ts';

export const ALL = 'all';
export const DUE = 'due';
/** The status filter: everything, what is due for review, or one status. */
export type StatusFilter = typeof ALL | typeof DUE | BoundaryStatus['kind'];

/** Whether a list item passes both filters. Unreadable items show only when nothing is filtered. */
export function matchesFilters(item: BoundaryListItem, status: StatusFilter, category: string): boolean {
  if (status === ALL && category === ALL) return true;
  if (!item.readable) return false;
  if (category !== ALL && item.boundary.category !== category) return false;
  if (status === DUE) return item.dueForReview;
  return status === ALL || item.status?.kind === status;
}
