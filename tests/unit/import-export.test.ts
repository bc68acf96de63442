import {
  achieveGoal,
  addStep,
  BOTH_OWNERS,
  boundaryContent,
  createBoundary,
  createGoal,
  EXPORT_FORMAT,
  fragmentToPlainText,
  importIntoDocs,
  privateNotesFragment,
  summariseImport,
  readLetterDrafts,
  readBoundaries,
  readGoals,
  setStepDone,
  spaceExportSchema,
  StepKind,
  usLetterFragment,
  writePlainParagraphs,
  type ExportedGoal,
  type SpaceExport,
} from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportGoals } from '../../server/src/exports/export-goals.ts';

function exportOf(doc: Y.Doc, notes: string): SpaceExport {
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: 1,
    account: { id: 'alex', name: 'Alex', email: 'alex@example.test' },
    space: { id: 's1', name: 'Alex & Sam', members: [{ id: 'alex', name: 'Alex' }], formerMembers: [] },
    usLetter: fragmentToPlainText(usLetterFragment(doc)),
    boundaries: readBoundaries(doc).flatMap((entry) =>
      entry.readable
        ? [
            {
              id: entry.id,
              content: boundaryContent(entry),
              status: 'Agreed by both',
              versions: [],
              createdAt: 1,
            },
          ]
        : [],
    ),
    attestations: [],
    letters: [],
    privateNotes: notes,
    letterDrafts: [
      { title: 'Still writing', prompt: 'An apology', text: 'I am sorry.\nTruly.', updatedAt: 1 },
    ],
  };
}

describe('import of an export', () => {
  it('brings every boundary’s words and the shared letter into new documents, as drafts with new ids', () => {
    const original = new Y.Doc();
    writePlainParagraphs(usLetterFragment(original), ['Trust is a promise kept.', 'Every day.']);
    createBoundary(original, {
      id: 'b1',
      title: 'Phones and privacy',
      category: 'privacy',
      text: { meaning: ['We ask before we look.'], honouring: ['We answer openly.', 'We do not check.'] },
      reviewOn: '2027-02-01',
      userId: 'alex',
      now: 1,
    });
    const data = exportOf(original, 'My own thought');

    const shared = new Y.Doc();
    const mine = new Y.Doc();
    writePlainParagraphs(usLetterFragment(shared), ['Already here.']);
    let n = 0;
    const added = importIntoDocs({
      shared,
      private: mine,
      data,
      // Alex starting again in a new space: Alex's own export, private words included.
      userId: 'alex',
      members: [{ id: 'alex', name: 'Alex' }],
      now: 2,
      newId: () => `new-${++n}`,
    });

    expect(added).toEqual({ boundaries: 1, goals: 0, privateWords: true });
    const [imported] = readBoundaries(shared);
    expect(imported?.readable && imported.id).toBe('new-1');
    expect(imported?.readable && boundaryContent(imported)).toEqual(data.boundaries[0]?.content);
    expect(imported?.readable && imported.versions).toEqual([]);
    expect(fragmentToPlainText(usLetterFragment(shared))).toBe(
      'Already here.\nTrust is a promise kept.\nEvery day.',
    );
    expect(fragmentToPlainText(privateNotesFragment(mine))).toBe('My own thought');
    const drafts = readLetterDrafts(mine);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      readable: true,
      title: 'Still writing',
      prompt: 'An apology',
      plain: 'I am sorry.\nTruly.',
      pairId: null,
      replyTo: null,
    });
  });
});

describe('importing someone else’s export', () => {
  it('never makes their private notes or unsent letters the importer’s, and says so', () => {
    const original = new Y.Doc();
    writePlainParagraphs(usLetterFragment(original), ['Trust is a promise kept.']);
    const data = exportOf(original, 'Alex’s private thought');
    const shared = new Y.Doc();
    const mine = new Y.Doc();
    writePlainParagraphs(privateNotesFragment(mine), ['Kim’s own note']);

    const added = importIntoDocs({
      shared,
      private: mine,
      data,
      userId: 'kim',
      members: [{ id: 'kim', name: 'Kim' }],
      now: 2,
      newId: () => 'x',
    });
    expect(added.privateWords).toBe(false);
    expect(fragmentToPlainText(privateNotesFragment(mine))).toBe('Kim’s own note');
    expect(readLetterDrafts(mine)).toEqual([]);
    expect(fragmentToPlainText(usLetterFragment(shared))).toBe('Trust is a promise kept.');

    const summary = summariseImport(data, 'kim');
    expect(summary.broughtIn).toEqual(['“What trust means to us”, added after what is here']);
    expect(summary.leftOut).toContain('Alex’s private notes and unsent letters: they are Alex’s alone');
    expect(summary.broughtIn.join(' ')).not.toMatch(/private notes|unsent/);
  });

  it('lists the importer’s own private words as brought in, and what stays in the file as left out', () => {
    const data: SpaceExport = {
      ...exportOf(new Y.Doc(), 'My own thought'),
      attestations: [
        {
          id: 1,
          subjectType: 'boundary',
          subjectId: 'b',
          kind: 'agree',
          contentHash: 'h',
          userId: 'alex',
          at: 1,
        },
      ] as SpaceExport['attestations'],
      checkins: [{ week: '2026-11-22', answeredBy: ['alex'], openedAt: null, entries: [] }],
    };
    const summary = summariseImport(data, 'alex');
    expect(summary.broughtIn).toEqual(['Your private notes', '1 unsent letter, as your drafts']);
    expect(summary.leftOut).toEqual([
      'Signatures: they belong to the space they were given in',
      '1 weekly check-in: they stay in the export file',
    ]);
  });
});

const SPACE = {
  id: 's1',
  name: 'Alex & Sam',
  members: [
    { id: 'alex', name: 'Alex' },
    { id: 'sam', name: 'Sam' },
  ],
  formerMembers: [],
};

/** Two goals in the plan and one suggestion, with steps owned by each partner and by both. */
function plannedGoals(): Y.Doc {
  const doc = new Y.Doc();
  createGoal(doc, {
    id: 'g1',
    title: 'Walk the coast path',
    horizon: 'this-year',
    targetOn: '2027-06-01',
    values: ['adventure', 'health'],
    why: ['Time outdoors, just us.', 'No phones.'],
    proposed: false,
    userId: 'alex',
    now: 10,
  });
  addStep(doc, {
    goalId: 'g1',
    id: 's1',
    title: 'Book the cottage',
    owner: 'alex',
    dueOn: '2027-03-01',
    userId: 'alex',
    now: 11,
  });
  addStep(doc, { goalId: 'g1', id: 's2', title: 'Buy boots', owner: 'sam', userId: 'alex', now: 12 });
  addStep(doc, {
    goalId: 'g1',
    id: 's3',
    title: 'Halfway there',
    kind: StepKind.milestone,
    owner: BOTH_OWNERS,
    userId: 'sam',
    now: 13,
  });
  setStepDone(doc, { goalId: 'g1', stepId: 's2', done: true, userId: 'sam', now: 20 });
  createGoal(doc, {
    id: 'g2',
    title: 'Learn to cook together',
    horizon: 'someday',
    proposed: true,
    userId: 'sam',
    now: 30,
  });
  createGoal(doc, {
    id: 'g3',
    title: 'Paint the kitchen',
    horizon: 'this-month',
    proposed: false,
    userId: 'sam',
    now: 40,
  });
  addStep(doc, {
    goalId: 'g3',
    id: 's4',
    title: 'Choose a colour',
    owner: BOTH_OWNERS,
    userId: 'sam',
    now: 41,
  });
  setStepDone(doc, { goalId: 'g3', stepId: 's4', done: true, userId: 'alex', now: 42 });
  achieveGoal(doc, { id: 'g3', userId: 'alex', now: 50 });
  return doc;
}

/** What a goal says, without the ids and people that belong to the space it lives in. */
function wordsOf(goal: ExportedGoal) {
  return {
    title: goal.title,
    why: goal.why,
    horizon: goal.horizon,
    targetOn: goal.targetOn,
    values: goal.values,
    status: goal.status,
    achievedAt: goal.achievedAt,
    steps: goal.steps.map((s) => ({
      title: s.title,
      kind: s.kind,
      dueOn: s.dueOn,
      done: s.done,
      doneAt: s.doneAt,
    })),
  };
}

describe('import of shared goals', () => {
  it('brings every goal back with its words, horizon, dates, values, standing and steps in order', () => {
    const original = plannedGoals();
    const exported = exportGoals(original, SPACE);
    // Through the file and back, as the browser reads it.
    const data = spaceExportSchema.parse(
      JSON.parse(JSON.stringify({ ...exportOf(new Y.Doc(), ''), goals: exported })),
    );

    const shared = new Y.Doc();
    createGoal(shared, {
      id: 'here',
      title: 'Already planned',
      horizon: 'someday',
      proposed: false,
      userId: 'kim',
      now: 1,
    });
    let n = 0;
    const added = importIntoDocs({
      shared,
      private: new Y.Doc(),
      data,
      userId: 'kim',
      members: [{ id: 'kim', name: 'Kim' }],
      now: 99,
      newId: () => `new-${++n}`,
    });

    expect(added).toEqual({ boundaries: 0, goals: 3, privateWords: false });
    const again = exportGoals(shared, { ...SPACE, members: [{ id: 'kim', name: 'Kim' }] });
    expect(again.map((g) => g.title)).toEqual(['Already planned', ...exported.map((g) => g.title)]);
    expect(again.slice(1).map(wordsOf)).toEqual(exported.map(wordsOf));
    expect(readGoals(shared).every((g) => g.readable && !['g1', 'g2', 'g3'].includes(g.id))).toBe(true);
  });

  it('gives the importer what the absent partner did or owned, and keeps steps owned by both with both', () => {
    const exported = exportGoals(plannedGoals(), SPACE);
    expect(exported[0]?.steps.map((s) => [s.ownerName, s.doneByName])).toEqual([
      ['Alex', null],
      ['Sam', 'Sam'],
      ['Both of us', null],
    ]);
    const shared = new Y.Doc();
    let n = 0;
    importIntoDocs({
      shared,
      private: new Y.Doc(),
      data: { ...exportOf(new Y.Doc(), ''), goals: exported },
      userId: 'kim',
      members: [{ id: 'kim', name: 'Kim' }],
      now: 99,
      newId: () => `new-${++n}`,
    });

    const [walk, cook, paint] = readGoals(shared);
    if (!walk?.readable || !cook?.readable || !paint?.readable)
      throw new Error('every imported goal is readable');
    expect(walk.steps.map((s) => s.readable && [s.owner, s.doneBy])).toEqual([
      ['kim', null],
      ['kim', 'kim'],
      [BOTH_OWNERS, null],
    ]);
    // Kept under the importer, who is the only one here, yet still said to be Alex's words.
    expect(walk).toMatchObject({ createdBy: 'kim', createdAt: 10 });
    expect(walk.imported).toEqual({ by: 'kim', at: 99, writtenByName: 'Alex' });
    // A suggestion stays one, now the importer's, for the partner here to accept or let go.
    expect(cook).toMatchObject({ status: 'proposed', proposedBy: 'kim' });
    expect(cook.imported?.writtenByName).toBe('Sam');
    // An achieved goal keeps the day it was achieved and when it was last changed.
    expect(paint).toMatchObject({ status: 'achieved', achievedAt: 50, achievedBy: 'kim', updatedAt: 50 });
  });

  it('imports an export made before goals existed', () => {
    const data = spaceExportSchema.parse(JSON.parse(JSON.stringify(exportOf(new Y.Doc(), ''))));
    expect(data.goals).toBeUndefined();
    const shared = new Y.Doc();
    const added = importIntoDocs({
      shared,
      private: new Y.Doc(),
      data,
      userId: 'kim',
      members: [{ id: 'kim', name: 'Kim' }],
      now: 1,
      newId: () => 'x',
    });
    expect(added).toEqual({ boundaries: 0, goals: 0, privateWords: false });
    expect(readGoals(shared)).toEqual([]);
  });
});

describe('who an import credits', () => {
  /** Sam's export of a space where Alex wrote a boundary and a goal, and Sam a suggested goal. */
  function samsExport(): SpaceExport {
    const doc = plannedGoals();
    createBoundary(doc, {
      id: 'b1',
      title: 'Phones and privacy',
      category: 'privacy',
      text: { meaning: ['We ask before we look.'] },
      userId: 'alex',
      now: 5,
    });
    const base = exportOf(doc, 'Sam’s own note');
    return spaceExportSchema.parse(
      JSON.parse(
        JSON.stringify({
          ...base,
          account: { id: 'sam', name: 'Sam', email: 'sam@example.test' },
          space: SPACE,
          boundaries: base.boundaries.map((b) => ({
            ...b,
            createdAt: 5,
            createdBy: 'alex',
            createdByName: 'Alex',
            updatedBy: 'sam',
            updatedByName: 'Sam',
            updatedAt: 7,
          })),
          goals: exportGoals(doc, SPACE),
        }),
      ),
    );
  }

  it('keeps each boundary and goal with the member here who wrote it, and marks it imported', () => {
    const shared = new Y.Doc();
    let n = 0;
    // Alex, in a new space with Sam under a new account of the same name, brings in Sam's export.
    importIntoDocs({
      shared,
      private: new Y.Doc(),
      data: samsExport(),
      userId: 'alex',
      members: [
        { id: 'alex', name: 'Alex' },
        { id: 'sam-new', name: 'Sam' },
      ],
      now: 99,
      newId: () => `new-${++n}`,
    });
    const [boundary] = readBoundaries(shared);
    expect(boundary).toMatchObject({
      readable: true,
      createdBy: 'alex',
      createdAt: 5,
      updatedBy: 'sam-new',
      updatedAt: 7,
      imported: { by: 'alex', at: 99, writtenByName: null },
    });
    const [walk, cook] = readGoals(shared);
    expect(walk).toMatchObject({ createdBy: 'alex', imported: { by: 'alex', writtenByName: null } });
    // Sam's suggestion stays Sam's, for Alex to accept.
    expect(cook).toMatchObject({ status: 'proposed', proposedBy: 'sam-new', createdBy: 'sam-new' });
    if (!walk?.readable) throw new Error('the goal is readable');
    expect(walk.steps.map((s) => s.readable && s.owner)).toEqual(['alex', 'sam-new', BOTH_OWNERS]);
  });

  it('names someone in the old space as the writer when an export does not say who wrote it', () => {
    const data = samsExport();
    const old = {
      ...data,
      boundaries: data.boundaries.map(({ id, content, status, versions, createdAt }) => ({
        id,
        content,
        status,
        versions,
        createdAt,
      })),
    };
    const shared = new Y.Doc();
    importIntoDocs({
      shared,
      private: new Y.Doc(),
      data: old,
      userId: 'kim',
      members: [{ id: 'kim', name: 'Kim' }],
      now: 99,
      newId: () => 'b',
    });
    expect(readBoundaries(shared)[0]).toMatchObject({
      createdBy: 'kim',
      imported: { by: 'kim', writtenByName: 'someone in “Alex & Sam”' },
    });
  });

  it('exports an imported entry under the name it came with, so a second import still credits them', () => {
    const shared = new Y.Doc();
    importIntoDocs({
      shared,
      private: new Y.Doc(),
      data: samsExport(),
      userId: 'kim',
      members: [{ id: 'kim', name: 'Kim' }],
      now: 99,
      newId: () => crypto.randomUUID(),
    });
    const again = exportGoals(shared, { ...SPACE, members: [{ id: 'kim', name: 'Kim' }] });
    expect(again.map((g) => g.createdByName)).toEqual(['Alex', 'Sam', 'Sam']);
  });
});
