import * as z from 'zod/mini';

// zod/mini: presence is read on the phone's first screen (see schemas/errors.ts).

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
  talks: 'talks',
  /** Writing a letter that is not sent yet: a private place. */
  letterDraft: 'letter-draft',
  /** Repair, forgiveness, reassurance and the journal: private places (not in SHARED_PLACES). */
  repair: 'repair',
  forgiveness: 'forgiveness',
  reassurance: 'reassurance',
  journal: 'journal',
} as const;
export type PresenceView = (typeof PresenceView)[keyof typeof PresenceView];

/**
 * The places both partners share. Anything else (private notes, letter drafts, one's own
 * check-in answers, and any view this version does not know) is private: presence there says
 * only that the member is online. A list of what may be named, not of what may not, so a new
 * private page is private until someone decides otherwise.
 */
const SHARED_PLACES: ReadonlySet<string> = new Set<PresenceView>([
  PresenceView.home,
  PresenceView.usLetter,
  PresenceView.boundaries,
  PresenceView.goals,
  PresenceView.letters,
  PresenceView.promises,
  PresenceView.appreciations,
  PresenceView.wins,
  PresenceView.talks,
]);

/** A page, or one item inside a section: `boundaries/<id>`. */
export type PresenceLocation = PresenceView | `${PresenceView}/${string}`;

/** The item id in a location such as `boundaries/<id>`, when the location is in `section`. */
export function itemInView(view: string | undefined, section: PresenceView): string | null {
  if (!view?.startsWith(`${section}/`)) return null;
  return view.slice(section.length + 1) || null;
}

/**
 * The location as it may be shown to the partner: the location itself if it is in a shared
 * place (a page, or an item inside one: `boundaries/<id>`), otherwise undefined. Used on both
 * sides: a client never publishes a private place, and a reader never names one it receives.
 */
export function sharedPlace(location: string | undefined): PresenceLocation | undefined {
  if (!location) return undefined;
  const section = location.split('/')[0] ?? '';
  return SHARED_PLACES.has(section) ? (location as PresenceLocation) : undefined;
}

/**
 * The awareness state each client publishes. `user` is the shape TipTap's collaboration caret
 * reads (name + color); `view` says which page the member has open.
 */
export const presenceSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string().check(z.maxLength(80)),
    color: z.string().check(z.maxLength(32)),
  }),
  view: z.optional(z.string().check(z.maxLength(64))),
});
export type Presence = z.infer<typeof presenceSchema>;

/** Reads an awareness state that may come from a buggy or hostile client; null if unreadable. */
export function readPresence(state: unknown): Presence | null {
  const parsed = presenceSchema.safeParse(state);
  return parsed.success ? parsed.data : null;
}

const PALETTE = ['#b4637a', '#3e8f7d', '#5b6bbf', '#c0843c', '#7d5ba6', '#2f7fa3'];

/** A stable, readable colour from an id alone; partners may share one (see colorForMember). */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#5b6bbf';
}

/**
 * A member's colour in a space of `memberIds`: the same on both screens, and never the
 * partner's. The id's own colour, unless a member with a smaller id has it; then the next one
 * in the palette. Only the larger id ever moves, so both devices choose alike, and a person
 * alone in a space keeps their colour when the partner joins unless the two would clash.
 * Someone no longer in `memberIds` (a former partner in a history) keeps the id's colour.
 */
export function colorForMember(userId: string, memberIds: readonly string[]): string {
  const own = colorForUser(userId);
  if (!memberIds.includes(userId)) return own;
  const clash = memberIds.some((other) => other < userId && colorForUser(other) === own);
  if (!clash) return own;
  return PALETTE[(PALETTE.indexOf(own) + 1) % PALETTE.length] ?? own;
}
