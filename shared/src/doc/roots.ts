import type * as Y from 'yjs';

/**
 * The root names of the space's shared document and of each member's private document.
 * Declared once here; components use the typed accessors below, never `doc.getX('literal')`.
 */
export const SharedRoot = {
  usLetter: 'usLetter',
  boundaries: 'boundaries',
  goals: 'goals',
  talks: 'talks',
  /**
   * A prefix, not a root: each repair's "next time" is its own root fragment, named
   * `repairNextTime:<repairId>` (repair-next-time.ts).
   */
  repairNextTimePrefix: 'repairNextTime:',
} as const;

export const PrivateRoot = {
  notes: 'notes',
  letterDrafts: 'letterDrafts',
  /** The private reflection journal (journal.ts). */
  journal: 'journal',
} as const;

/** The co-written "What trust means to us" letter, bound to TipTap. */
export function usLetterFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(SharedRoot.usLetter);
}

/** A member's private notes for the space, bound to TipTap; only ever in the private doc. */
export function privateNotesFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(PrivateRoot.notes);
}

/** Boundaries keyed by id; each value is a Y.Map entity (see boundaries.ts). */
export function boundariesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SharedRoot.boundaries);
}

/** Shared goals keyed by id; each value is a Y.Map entity with nested steps (see goals.ts). */
export function goalsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SharedRoot.goals);
}

/** A member's unsent letters keyed by id (see letter-drafts.ts); only ever in the private doc. */
export function letterDraftsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PrivateRoot.letterDrafts);
}

/** Live talks for two keyed by id; each value is a Y.Map entity (see talks.ts). */
export function talksMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SharedRoot.talks);
}
