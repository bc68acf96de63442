import type * as Y from 'yjs';
import type { ExportedBoundary, ExportedGoal, SpaceExport } from '../schemas/export.ts';
import type { Member } from '../schemas/spaces.ts';
import { BOUNDARY_TEXT_FIELDS } from './boundary-model.ts';
import { createBoundary } from './boundaries.ts';
import { BOTH_OWNERS, GoalStatus } from './goal-model.ts';
import { achieveGoal, createGoal, touchGoal } from './goals.ts';
import { addStep, setStepDone } from './steps.ts';
import { importPersonMatcher, type ImportCredit } from './import-credit.ts';
import { LOCAL_ORIGIN } from './origin.ts';
import { appendPlainParagraphs } from './rich-text.ts';
import { createLetterDraft, readLetterDraft } from './letter-drafts.ts';
import { letterDraftsMap, privateNotesFragment, usLetterFragment } from './roots.ts';

const lines = (text: string) => text.split('\n').filter((line) => line.trim().length > 0);

export interface ImportArgs {
  shared: Y.Doc;
  private: Y.Doc;
  data: SpaceExport;
  /** The importer. */
  userId: string;
  /** This space's members, to find the export's writers among them. */
  members: readonly Member[];
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

/** Finds an export's person among the members here; see `importPersonMatcher`. */
type PersonOf = ReturnType<typeof importPersonMatcher>;

interface Crediting {
  personOf: PersonOf;
  userId: string;
  now: number;
  /** Named as the writer when an old export does not say who wrote something. */
  unknownWriter: string;
}

/**
 * Who wrote and last changed an imported boundary or goal, and when. A writer who is a member
 * here is credited as such; anyone else is kept under the importer with the export's name beside
 * it ("written by Sam, imported"), never as the importer's own words. An export made before
 * writers were kept says nobody: it is "written by someone in <that space>".
 */
function creditFor(
  { personOf, userId, now, unknownWriter }: Crediting,
  writer: { id: string; name: string } | null,
  updater: { id: string; name: string } | null,
  createdAt: number,
  updatedAt: number | undefined,
): ImportCredit {
  const wrote = writer ? personOf(writer) : null;
  const changed = updater ? personOf(updater) : null;
  const writtenByName = !writer
    ? unknownWriter
    : wrote?.member
      ? null
      : writer.name.replace(/\s*\(former member\)$/, '');
  return {
    createdBy: wrote?.id ?? userId,
    createdAt,
    updatedBy: changed?.member ? changed.id : (wrote?.id ?? userId),
    updatedAt: updatedAt ?? createdAt,
    mark: { by: userId, at: now, writtenByName },
  };
}

const person = (id: string | null | undefined, name: string | null | undefined) =>
  id && name ? { id, name } : null;

function importBoundary(doc: Y.Doc, boundary: ExportedBoundary, crediting: Crediting, newId: () => string) {
  const { content } = boundary;
  createBoundary(doc, {
    id: newId(),
    title: content.title,
    category: content.category,
    text: Object.fromEntries(BOUNDARY_TEXT_FIELDS.map((field) => [field, lines(content[field])])),
    reviewOn: content.reviewOn,
    endsOn: content.endsOn,
    userId: crediting.userId,
    now: crediting.now,
    credit: creditFor(
      crediting,
      person(boundary.createdBy, boundary.createdByName),
      person(boundary.updatedBy, boundary.updatedByName),
      boundary.createdAt,
      boundary.updatedAt,
    ),
  });
}

/**
 * Recreates one exported goal, with its steps in their order, through the same mutators the
 * goal pages use. Who did what is kept wherever that person is a member here: who started or
 * suggested the goal, who achieved it, who owns and who ticked each step. Someone who is not a
 * member here is replaced by the importer for what must be someone's to do (a step owned by an
 * absent person would be nobody's), while the goal itself still says who wrote it. A step owned
 * by both stays with both. What happened and when is kept: a suggestion is still a suggestion
 * (the other partner here accepts it), an achieved goal keeps the day it was achieved and a
 * ticked step the day it was ticked.
 */
function importGoal(doc: Y.Doc, goal: ExportedGoal, crediting: Crediting, newId: () => string): void {
  const { userId, now, personOf } = crediting;
  const here = (id: string | null, name: string | null) => {
    const found = person(id, name);
    return found ? personOf(found).id : userId;
  };
  const credit = creditFor(
    crediting,
    { id: goal.createdBy, name: goal.createdByName },
    person(goal.updatedBy, goal.updatedByName),
    goal.createdAt,
    goal.updatedAt,
  );
  const id = createGoal(doc, {
    id: newId(),
    title: goal.title,
    horizon: goal.horizon,
    targetOn: goal.targetOn,
    values: goal.values,
    why: lines(goal.why),
    proposed: goal.status === GoalStatus.proposed,
    proposedBy: here(goal.proposedBy, goal.proposedByName),
    userId,
    now,
    credit,
  });
  for (const step of goal.steps) {
    const stepId = addStep(doc, {
      goalId: id,
      id: newId(),
      title: step.title,
      kind: step.kind,
      owner: step.owner === BOTH_OWNERS ? BOTH_OWNERS : here(step.owner, step.ownerName),
      dueOn: step.dueOn,
      userId,
      now,
    });
    if (step.done) {
      const doneBy = here(step.doneBy, step.doneByName);
      setStepDone(doc, { goalId: id, stepId, done: true, userId: doneBy, now: step.doneAt ?? now });
    }
  }
  if (goal.status === GoalStatus.achieved) {
    achieveGoal(doc, { id, userId: here(goal.achievedBy, goal.achievedByName), now: goal.achievedAt ?? now });
  }
  // Adding steps and achieving stamp the goal as changed now; the export knows when it last was.
  touchGoal(doc, { id, userId: credit.updatedBy, now: credit.updatedAt });
}

/**
 * Brings an export's words into a space's documents: the co-written letter and private notes
 * are added after what is there, each boundary arrives as a new draft, and each shared goal
 * with its steps. Boundaries and goals keep who wrote them and when (`creditFor`) and are
 * marked imported; see `importGoal` for who becomes whom. Agreed versions are not carried over:
 * signatures belong to the space they were given in, so the couple signs again here. Exports
 * made before goals existed simply bring none. Private notes and unsent letters come in only
 * from the importer's own export (`isOwnExport`). Returns what was added.
 */
export function importIntoDocs({
  shared,
  private: mine,
  data,
  userId,
  members,
  now,
  newId,
}: ImportArgs): ImportCounts {
  const goals = data.goals ?? [];
  const crediting: Crediting = {
    personOf: importPersonMatcher(members, userId),
    userId,
    now,
    unknownWriter: `someone in “${data.space.name}”`,
  };
  shared.transact(() => {
    const letter = lines(data.usLetter);
    if (letter.length > 0) appendPlainParagraphs(usLetterFragment(shared), letter);
    for (const boundary of data.boundaries) importBoundary(shared, boundary, crediting, newId);
    for (const goal of goals) importGoal(shared, goal, crediting, newId);
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
