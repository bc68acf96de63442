import type * as Y from 'yjs';
import type { Attestation } from '../schemas/attestations.ts';
import { attestedVersions } from './boundary-agreement.ts';
import {
  BOUNDARY_CATEGORY_LABELS,
  BOUNDARY_TEXT_FIELDS,
  BOUNDARY_TEXT_LABELS,
  type AgreedVersion,
  type BoundaryContent,
} from './boundary-model.ts';
import { boundaryContent, readBoundary } from './boundaries.ts';
import { restoreEntity, writeChanged } from './entity.ts';
import { restoreFragment, type SessionChange } from './history.ts';
import { LOCAL_ORIGIN } from './origin.ts';
import { boundariesMap } from './roots.ts';

/**
 * A boundary's signed fields as one text, field by field under their labels, the way history
 * counts and compares it. Before the boundary exists it reads as the same labels with nothing
 * under them, so the session that wrote it counts only the words its authors typed.
 */
export function boundaryHistoryText(content: BoundaryContent | null): string {
  const lines = [content?.title ?? '', content ? BOUNDARY_CATEGORY_LABELS[content.category] : ''];
  for (const field of BOUNDARY_TEXT_FIELDS) {
    lines.push('', BOUNDARY_TEXT_LABELS[field], content?.[field] ?? '');
  }
  lines.push(
    '',
    content?.reviewOn ? `Review on ${content.reviewOn}` : 'Review on —',
    content?.endsOn ? `Ends on ${content.endsOn}` : 'Ends on —',
  );
  return lines.join('\n');
}

/** The words of boundary `id` in any copy of the shared document (history's `TextOf`). */
export function boundaryTextOf(id: string): (doc: Y.Doc) => string {
  return (doc) => {
    const value = boundariesMap(doc).get(id);
    if (value === undefined) return boundaryHistoryText(null);
    const entry = readBoundary(id, value);
    return entry.readable ? boundaryHistoryText(boundaryContent(entry)) : 'This version could not be read.';
  };
}

/**
 * A boundary's keys history does not follow on their own: the kept agreed versions (recorded
 * when both sign, a note about the past rather than a change to the words) and who touched it
 * last (written a moment after typing, which the typing itself already shows).
 */
export const BOUNDARY_HISTORY_IGNORED: ReadonlySet<string> = new Set(['versions', 'updatedBy', 'updatedAt']);

/**
 * Makes the live boundary `id` read as it did in `old` (an earlier copy of the same document),
 * as one new local edit by `userId` at `now` (ms): title, category, dates and every text field,
 * words and marks. Fields that already match are left alone, so the restore changes only what
 * differs. The kept agreed versions are not touched: they record the past, and a restored
 * version is agreed again only when both sign it. Returns false (and writes nothing) when the
 * boundary is missing or unreadable in either copy.
 */
export function restoreBoundary(
  live: Y.Doc,
  args: { old: Y.Doc; id: string; userId: string; now: number },
): boolean {
  return restoreEntity(live, {
    ...args,
    live: boundariesMap(live),
    old: boundariesMap(args.old),
    read: readBoundary,
    write: (target, was) => {
      const { title, category, reviewOn, endsOn } = was.entry;
      writeChanged(target.entity, { title, category, reviewOn, endsOn });
      for (const field of BOUNDARY_TEXT_FIELDS) {
        const fragment = target.entry.text[field];
        if (fragment.toString() !== was.entry.text[field].toString())
          restoreFragment(fragment, was.entry.text[field], LOCAL_ORIGIN);
      }
    },
  });
}

/** A point in a boundary's history that both partners signed. */
export interface SignedPoint {
  /** When the second signature reached the notary, epoch ms. */
  agreedAt: number;
  hash: string;
}

/**
 * Which sessions ended on a version both partners signed. The notary's hash identifies the
 * version: a kept version counts only if it hashes to what two members attested
 * (`attestedVersions`), and it marks the last session, at or before the second signature,
 * whose words are that version's. Sessions are any order; returns session id → the signing.
 */
export function signedPoints(
  boundaryId: string,
  sessions: readonly Pick<SessionChange, 'id' | 'at' | 'after'>[],
  versions: readonly AgreedVersion[],
  attestations: readonly Attestation[],
): Map<number, SignedPoint> {
  const points = new Map<number, SignedPoint>();
  const newestFirst = [...sessions].sort((a, b) => b.id - a.id);
  for (const version of attestedVersions(boundaryId, versions, attestations)) {
    const text = boundaryHistoryText(version.content);
    const point = newestFirst.find((session) => session.at <= version.agreedAt && session.after === text);
    if (point) points.set(point.id, { agreedAt: version.agreedAt, hash: version.hash });
  }
  return points;
}
