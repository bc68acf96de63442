import { z } from 'zod';

/** Where in the space a partner is, as shown on the other partner's screen. */
export const PresenceView = {
  home: 'home',
  usLetter: 'us-letter',
  notes: 'notes',
  boundaries: 'boundaries',
  goals: 'goals',
  letters: 'letters',
  checkins: 'checkins',
  promises: 'promises',
  appreciations: 'appreciations',
  wins: 'wins',
} as const;
export type PresenceView = (typeof PresenceView)[keyof typeof PresenceView];

/** A page, or one item inside a section: `boundaries/<id>`. */
export type PresenceLocation = PresenceView | `${PresenceView}/${string}`;

/** The item id in a location such as `boundaries/<id>`, when the location is in `section`. */
export function itemInView(view: string | undefined, section: PresenceView): string | null {
  if (!view?.startsWith(`${section}/`)) return null;
  return view.slice(section.length + 1) || null;
}

/**
 * The awareness state each client publishes. `user` is the shape TipTap's collaboration caret
 * reads (name + color); `view` says which page the member has open.
 */
export const presenceSchema = z.object({
  user: z.object({ id: z.string(), name: z.string().max(80), color: z.string().max(32) }),
  view: z.string().max(64).optional(),
});
export type Presence = z.infer<typeof presenceSchema>;

/** Reads an awareness state that may come from a buggy or hostile client; null if unreadable. */
export function readPresence(state: unknown): Presence | null {
  const parsed = presenceSchema.safeParse(state);
  return parsed.success ? parsed.data : null;
}

const PALETTE = ['#b4637a', '#3e8f7d', '#5b6bbf', '#c0843c', '#7d5ba6', '#2f7fa3'];

/** A stable, readable colour for a member, the same on both screens. */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#5b6bbf';
}
