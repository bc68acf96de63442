import type { SessionChange } from '@twofold/shared';

/** A note pinned to one point of the timeline ("You both signed this version"). */
export interface HistoryMarker {
  /** Short, on the timeline: "Both signed". */
  label: string;
  /** A sentence for the opened point: "You both signed this version on 3 March 2026." */
  detail: string;
}

/** Which points of a history to mark, and the words of the shortcut that opens the newest. */
export interface HistoryMarkers {
  /** Session id → its marker, from the loaded sessions (any order). Memoised by the caller. */
  of: (sessions: readonly SessionChange[]) => ReadonlyMap<number, HistoryMarker>;
  /** "Compare what we agreed with now". */
  jumpLabel: string;
}
