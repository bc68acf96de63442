import type * as Y from 'yjs';
import type { ExportedGoal, SpaceExport } from '../schemas/export.ts';
import { BOUNDARY_TEXT_FIELDS } from './boundary-model.ts';
import { createBoundary } from './boundaries.ts';
import { BOTH_OWNERS, GoalStatus } from './goal-model.ts';
import { achieveGoal, addStep, createGoal, setStepDone, touchGoal } from './goals.ts';
import { LOCAL_ORIGIN } from './origin.ts';
import { appendPlainParagraphs } from './rich-text.ts';
import { createLetterDraft, readLetterDraft } from './letter-drafts.ts';
import { letterDraftsMap, privateNotesFragment, usLetterFragment } from './roots.ts';

const lines = (text: string) => text.split('\n').filter((line) => line.trim().length > 0);

export interface ImportArgs {
  shared: Y.Doc;
  private: Y.Doc;
  data: SpaceExport;
  userId: string;
  now: number;
  newId: () => string;
}

/** What an import added, for the sentence that says so. */
export interface ImportCounts {
  boundaries: number;
  goals: number;
  /** The export's private notes and unsent letters came in: only ever the importer's own. */
  privateWords: boolean;
}

/**
 * Whether an export is the importer's own. Private notes and unsent letters are their
 * author's alone: importing someone else's export never makes them the importer's.
 */
export function isOwnExport(data: SpaceExport, userId: string): boolean {
  return data.account.id === userId;
}

/**
 * Recreates one exported goal, with its steps in their order, through the same mutators the
 * goal pages use. People are mapped for a space the exporter's partner is not in: the importer
 * becomes the one who started, suggested or achieved the goal and who ticked each step, and a
 * step owned by either partner alone becomes the importer's (assigning it to someone absent
 * would leave it with nobody to do it); a step owned by both stays with both, whoever the
 * partner here turns out to be. What happened and when is kept: a suggestion is still a
 * suggestion (the partner here accepts it), an achieved goal keeps the day it was achieved and a
 * ticked step the day it was ticked. The export file itself still names who did what.
 */
function importGoal(doc: Y.Doc, goal: ExportedGoal, userId: string, now: number, newId: () => string): void {
  const id = createGoal(doc, {
    id: newId(),
    title: goal.title,
    horizon: goal.horizon,
    targetOn: goal.targetOn,
    values: goal.values,
    why: lines(goal.why),
    proposed: goal.status === GoalStatus.proposed,
    userId,
    now,
  });
  for (const step of goal.steps) {
    const stepId = addStep(doc, id, {
      id: newId(),
      title: step.title,
      kind: step.kind,
      owner: step.owner === BOTH_OWNERS ? BOTH_OWNERS : userId,
      dueOn: step.dueOn,
      userId,
      now,
    });
    if (step.done) setStepDone(doc, id, stepId, true, userId, step.doneAt ?? now);
  }
  if (goal.status === GoalStatus.achieved) {
    achieveGoal(doc, id, userId, goal.achievedAt ?? now);
    // Achieving stamps the goal as last changed then; the import is the latest change.
    touchGoal(doc, id, userId, now);
  }
}

/**
 * Brings an export's words into a space's documents: the co-written letter and private notes
 * are added after what is there, each boundary arrives as a new draft, and each shared goal
 * with its steps (see `importGoal` for who becomes whom). Agreed versions are not carried over:
 * signatures belong to the space they were given in, so the couple signs again here. Exports
 * made before goals existed simply bring none. Private notes and unsent letters come in only
 * from the importer's own export (`isOwnExport`). Returns what was added.
 */
export function importIntoDocs({
  shared,
  private: mine,
  data,
  userId,
  now,
  newId,
}: ImportArgs): ImportCounts {
  const goals = data.goals ?? [];
  shared.transact(() => {
    const letter = lines(data.usLetter);
    if (letter.length > 0) appendPlainParagraphs(usLetterFragment(shared), letter);
    for (const boundary of data.boundaries) {
      const { content } = boundary;
      createBoundary(shared, {
        id: newId(),
        title: content.title,
        category: content.category,
        text: Object.fromEntries(BOUNDARY_TEXT_FIELDS.map((field) => [field, lines(content[field])])),
        reviewOn: content.reviewOn,
        endsOn: content.endsOn,
        userId,
        now,
      });
    }
    for (const goal of goals) importGoal(shared, goal, userId, now, newId);
  }, LOCAL_ORIGIN);
  const own = isOwnExport(data, userId);
  const notes = own ? lines(data.privateNotes) : [];
  if (notes.length > 0)
    mine.transact(() => appendPlainParagraphs(privateNotesFragment(mine), notes), LOCAL_ORIGIN);
  // Unsent letters come back as drafts; a reply or shared prompt they belonged to stayed behind.
  const drafts = own ? (data.letterDrafts ?? []) : [];
  mine.transact(() => {
    for (const draft of drafts) {
      const id = createLetterDraft(mine, { id: newId(), title: draft.title, prompt: draft.prompt, now });
      const entry = readLetterDraft(id, letterDraftsMap(mine).get(id));
      if (entry.readable) appendPlainParagraphs(entry.body, lines(draft.text));
    }
  }, LOCAL_ORIGIN);
  return {
    boundaries: data.boundaries.length,
    goals: goals.length,
    privateWords: notes.length > 0 || drafts.length > 0,
  };
}
