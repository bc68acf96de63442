import {
  attestedVersions,
  boundariesMap,
  goalsMap,
  GoalStatus,
  readBoundaries,
  readGoals,
  readTalks,
  StepKind,
  talksMap,
  TalkStatus,
  type Attestation,
  type Boundary,
} from '@twofold/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';

export type DocWinKind = 'boundary-agreed' | 'goal-achieved' | 'milestone-reached' | 'we-talked';

export interface DocWin {
  id: string;
  kind: DocWinKind;
  text: string | null;
  at: number;
  by: string | null;
}

interface DocReading {
  boundaries: Boundary[];
  goalWins: DocWin[];
}

/**
 * A boundary version is a win only if the notary says both signed it: the document's own
 * `versions` can be written by either partner's client (`attestedVersions` decides).
 */
function boundaryWins(boundaries: readonly Boundary[], attestations: readonly Attestation[]): DocWin[] {
  return boundaries.flatMap((entry) =>
    attestedVersions(entry.id, entry.versions, attestations).map((version) => ({
      id: `boundary:${entry.id}:${version.hash}`,
      kind: 'boundary-agreed' as const,
      text: version.content.title,
      at: version.agreedAt,
      by: null,
    })),
  );
}

/** What the shared document holds for the timeline: the boundaries, achieved goals, reached milestones. */
function readingOf(doc: Y.Doc): DocReading {
  const boundaries = readBoundaries(doc).filter((entry): entry is Boundary => entry.readable);
  return { boundaries, goalWins: [...goalWinsIn(doc), ...talkWinsIn(doc)] };
}

/** A talk they ended: "we talked", and nothing of what was said (the summary stays in the talk). */
function talkWinsIn(doc: Y.Doc): DocWin[] {
  return readTalks(doc).flatMap((talk) =>
    talk.readable && talk.status === TalkStatus.ended && talk.endedAt !== null
      ? [{ id: `talk:${talk.id}`, kind: 'we-talked' as const, text: null, at: talk.endedAt, by: null }]
      : [],
  );
}

function goalWinsIn(doc: Y.Doc): DocWin[] {
  const wins: DocWin[] = [];
  for (const goal of readGoals(doc)) {
    if (!goal.readable) continue;
    if (goal.status === GoalStatus.achieved && goal.achievedAt !== null) {
      wins.push({
        id: `goal:${goal.id}`,
        kind: 'goal-achieved',
        text: goal.title,
        at: goal.achievedAt,
        by: null,
      });
    }
    for (const step of goal.steps) {
      if (step.readable && step.kind === StepKind.milestone && step.done && step.doneAt !== null) {
        wins.push({
          id: `milestone:${goal.id}:${step.id}`,
          kind: 'milestone-reached',
          text: step.title,
          at: step.doneAt,
          by: step.doneBy,
        });
      }
    }
  }
  return wins;
}

const roots = (doc: Y.Doc) => [boundariesMap(doc), goalsMap(doc), talksMap(doc)];

/**
 * The small wins recorded in the shared document, re-read when either partner changes it: a
 * boundary version both signed (checked against `attestations`, the notary's record for the
 * space's boundaries; none are shown until it has loaded), a goal achieved, a milestone reached,
 * a talk they had together.
 */
export function useDocWins(doc: Y.Doc, attestations: readonly Attestation[] | undefined): readonly DocWin[] {
  const { boundaries, goalWins } = useDocReading(doc, roots, readingOf);
  return useMemo(
    () => [...boundaryWins(boundaries, attestations ?? []), ...goalWins],
    [boundaries, goalWins, attestations],
  );
}
