import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addStep,
  AttestationKind,
  boundariesMap,
  BOUNDARY_HISTORY_IGNORED,
  boundaryContent,
  boundaryHistoryText,
  boundaryTextOf,
  contentHashSync,
  createBoundary,
  createGoal,
  createLetterDraft,
  letterDraftsMap,
  letterDraftTextOf,
  readLetterDraft,
  restoreLetterDraft,
  setLetterDraftTitle,
  entityRootOf,
  goalsMap,
  goalTextOf,
  joinSessions,
  readBoundary,
  readGoal,
  recordAgreedVersion,
  rebuildAt,
  restoreBoundary,
  restoreGoal,
  sessionChanges,
  setStepDone,
  signedPoints,
  SubjectType,
  updateBoundary,
  updateGoal,
  writePlainParagraphs,
  type Attestation,
  type AgreedVersion,
  type Boundary,
  type HistoryEntry,
} from '@twofold/shared';

const HOUR = 60 * 60 * 1000;

/** One device whose every transaction becomes a log row by `author` at the log's clock. */
function loggedDevice() {
  const doc = new Y.Doc();
  const entries: HistoryEntry[] = [];
  let author = 'alex';
  let now = 0;
  doc.on('update', (update: Uint8Array) => {
    entries.push({ id: entries.length + 1, authorId: author, at: now, update });
  });
  return {
    doc,
    entries,
    /** Runs `edit` as `who`, an hour after the previous turn. */
    as(who: string, edit: (doc: Y.Doc) => void) {
      author = who;
      now += HOUR;
      edit(doc);
      return now;
    },
  };
}

const boundaryOf = (doc: Y.Doc, id: string) => readBoundary(id, boundariesMap(doc).get(id)) as Boundary;

const textField = (doc: Y.Doc, id: string, field: 'meaning' | 'why') => boundaryOf(doc, id).text[field];

function agree(userId: string, hash: string, at: number, id = 1): Attestation {
  return {
    id,
    subjectType: SubjectType.boundary,
    subjectId: 'b1',
    kind: AttestationKind.agree,
    contentHash: hash,
    userId,
    at,
  };
}

/** Alex writes a boundary, Sam adds to it, both sign that; then Alex changes it again. */
function signedBoundary() {
  const device = loggedDevice();
  device.as('alex', (doc) =>
    createBoundary(doc, {
      id: 'b1',
      title: 'Phones',
      category: 'digital-life',
      text: { meaning: ['We keep phones open to each other.'] },
      userId: 'alex',
      now: 0,
    }),
  );
  device.as('sam', (doc) => writePlainParagraphs(textField(doc, 'b1', 'why'), ['Secrets hurt us before.']));
  const agreedContent = boundaryContent(boundaryOf(device.doc, 'b1'));
  const hash = contentHashSync(agreedContent);
  const signedAt = device.as('alex', () => undefined) + 1;
  const version: AgreedVersion = { hash, content: agreedContent, agreedAt: signedAt };
  device.as('alex', (doc) =>
    updateBoundary(doc, { id: 'b1', patch: { title: 'Phones, mostly' }, userId: 'alex', now: 0 }),
  );
  const attestations = [agree('alex', hash, signedAt - 10, 1), agree('sam', hash, signedAt, 2)];
  return { device, version, attestations };
}

describe('boundary history', () => {
  it('reads every field of the boundary, under its labels, and only the labels before it exists', () => {
    const { device } = signedBoundary();
    const text = boundaryTextOf('b1')(device.doc);
    expect(text).toContain('Phones, mostly');
    expect(text).toContain('Digital life');
    expect(text).toContain('What this means\nWe keep phones open to each other.');
    expect(text).toContain('Secrets hurt us before.');
    expect(text).toContain('Review on —');
    expect(boundaryTextOf('missing')(device.doc)).toBe(boundaryHistoryText(null));
  });

  it('counts only the words typed in the session that created it, and skips rows about other boundaries', () => {
    const { device } = signedBoundary();
    device.as('sam', (doc) =>
      createBoundary(doc, { id: 'b2', title: 'Money talk', category: 'money', userId: 'sam', now: 0 }),
    );
    const changes = sessionChanges(
      undefined,
      device.entries,
      boundaryTextOf('b1'),
      entityRootOf(boundariesMap, 'b1'),
    );
    const sessions = joinSessions(changes.filter((change) => change.touched));
    expect(sessions.map((s) => s.authorId)).toEqual(['alex', 'sam', 'alex']);
    // "Phones", "Other"→"Digital life" is the category label, then seven words of meaning.
    expect(sessions[0]!.added).toBe(1 + 2 + 7);
    expect(sessions[1]).toMatchObject({ added: 4, removed: 0 });
    expect(changes.at(-1)!.touched).toBe(false);
  });

  it('does not count recording an agreed version as a change to the boundary', () => {
    const { device, version } = signedBoundary();
    device.as('sam', (doc) => recordAgreedVersion(doc, { id: 'b1', version }));
    const rootOf = entityRootOf(boundariesMap, 'b1', BOUNDARY_HISTORY_IGNORED);
    const changes = sessionChanges(undefined, device.entries, boundaryTextOf('b1'), rootOf);
    expect(changes.map((change) => change.touched)).toEqual([true, true, true, false]);
  });

  it('marks the point both partners signed, identified by the notarised hash, not the later change', () => {
    const { device, version, attestations } = signedBoundary();
    const sessions = joinSessions(sessionChanges(undefined, device.entries, boundaryTextOf('b1')));
    const points = signedPoints('b1', sessions, [version], attestations);
    const samSession = sessions.find((s) => s.authorId === 'sam')!;
    expect([...points.keys()]).toEqual([samSession.id]);
    expect(points.get(samSession.id)).toEqual({ agreedAt: version.agreedAt, hash: version.hash });
  });

  it('marks nothing that only one partner signed, or whose kept content does not hash to what was signed', () => {
    const { device, version, attestations } = signedBoundary();
    const sessions = joinSessions(sessionChanges(undefined, device.entries, boundaryTextOf('b1')));
    expect(signedPoints('b1', sessions, [version], attestations.slice(0, 1)).size).toBe(0);
    const forged = { ...version, content: { ...version.content, meaning: 'Something else entirely.' } };
    expect(signedPoints('b1', sessions, [forged], attestations).size).toBe(0);
    const otherBoundary = attestations.map((a) => ({ ...a, subjectId: 'b2' }));
    expect(signedPoints('b1', sessions, [version], otherBoundary).size).toBe(0);
  });

  it('restores every field of an earlier version as one new edit by the restorer, keeping the history', () => {
    const { device } = signedBoundary();
    device.as('sam', (doc) =>
      updateBoundary(doc, {
        id: 'b1',
        patch: { reviewOn: '2027-01-01', category: 'privacy' },
        userId: 'sam',
        now: 0,
      }),
    );
    const rowsBefore = device.entries.length;
    const old = rebuildAt(undefined, device.entries, 2);
    const restoredAt = device.as('alex', (doc) =>
      expect(restoreBoundary(doc, { old, id: 'b1', userId: 'alex', now: 99 })).toBe(true),
    );
    expect(restoredAt).toBeGreaterThan(0);
    expect(device.entries.length).toBe(rowsBefore + 1);
    const now = boundaryOf(device.doc, 'b1');
    expect(boundaryContent(now)).toEqual(boundaryContent(boundaryOf(old, 'b1')));
    expect(now).toMatchObject({
      title: 'Phones',
      category: 'digital-life',
      reviewOn: null,
      updatedBy: 'alex',
    });
    // Every earlier point can still be rebuilt.
    const third = rebuildAt(undefined, device.entries, 3);
    expect(boundaryOf(third, 'b1').title).toBe('Phones, mostly');
    old.destroy();
    third.destroy();
  });

  it('refuses to restore into a boundary that is gone', () => {
    const { device } = signedBoundary();
    const old = rebuildAt(undefined, device.entries, 2);
    boundariesMap(device.doc).delete('b1');
    expect(restoreBoundary(device.doc, { old, id: 'b1', userId: 'alex', now: 1 })).toBe(false);
    old.destroy();
  });
});

describe('goal history', () => {
  function goalDevice() {
    const device = loggedDevice();
    device.as('alex', (doc) =>
      createGoal(doc, {
        id: 'g1',
        title: 'A week by the sea',
        horizon: 'this-year',
        why: ['Time for the two of us.'],
        proposed: false,
        userId: 'alex',
        now: 0,
      }),
    );
    device.as('sam', (doc) =>
      addStep(doc, {
        goalId: 'g1',
        id: 's1',
        title: 'Book the cottage',
        owner: 'sam',
        userId: 'sam',
        now: 0,
      }),
    );
    return device;
  }

  it('reads the title, horizon, values, why and each step, and a ticked step as a changed word', () => {
    const device = goalDevice();
    const before = goalTextOf('g1')(device.doc);
    expect(before).toContain('A week by the sea\nThis year');
    expect(before).toContain('Time for the two of us.');
    expect(before).toContain('Book the cottage');
    device.as('sam', (doc) =>
      setStepDone(doc, { goalId: 'g1', stepId: 's1', done: true, userId: 'sam', now: 0 }),
    );
    expect(goalTextOf('g1')(device.doc)).toContain('Book the cottage (done)');
  });

  it('restores the fields and steps of an earlier version, leaving where the goal stands', () => {
    const device = goalDevice();
    device.as('sam', (doc) => {
      updateGoal(doc, {
        id: 'g1',
        patch: { title: 'Two weeks away', values: ['rest'] },
        userId: 'sam',
        now: 0,
      });
      addStep(doc, {
        goalId: 'g1',
        id: 's2',
        title: 'Ask for time off',
        owner: 'sam',
        userId: 'sam',
        now: 0,
      });
    });
    const old = rebuildAt(undefined, device.entries, 1);
    device.as('alex', (doc) =>
      expect(restoreGoal(doc, { old, id: 'g1', userId: 'alex', now: 5 })).toBe(true),
    );
    expect(goalTextOf('g1')(device.doc)).toBe(goalTextOf('g1')(old));
    const goal = readGoal('g1', goalsMap(device.doc).get('g1'));
    expect(goal).toMatchObject({ readable: true, title: 'A week by the sea', values: [], status: 'active' });
    old.destroy();
  });
});

describe('letter draft history', () => {
  it('reads a draft as its title and words, and restores an earlier version as one new edit that keeps the history', () => {
    const device = loggedDevice();
    device.as('alex', (doc) => {
      createLetterDraft(doc, { id: 'd1', title: 'To Sam', now: 0 });
      writePlainParagraphs(draftBody(doc), ['I was scared that night.']);
    });
    expect(letterDraftTextOf('d1')(device.doc)).toBe('To Sam\nI was scared that night.');
    const afterFirst = device.entries.length;
    device.as('alex', (doc) => {
      setLetterDraftTitle(doc, { id: 'd1', title: 'Never mind', now: 1 });
      writePlainParagraphs(draftBody(doc), ['Forget it.']);
    });
    const rowsBefore = device.entries.length;
    const old = rebuildAt(undefined, device.entries, afterFirst);
    device.as('alex', (doc) => expect(restoreLetterDraft(doc, { old, id: 'd1', now: 5 })).toBe(true));
    expect(letterDraftTextOf('d1')(device.doc)).toBe('To Sam\nI was scared that night.');
    // The restore is one more row; the version it undid is still in the log.
    expect(device.entries).toHaveLength(rowsBefore + 1);
    expect(letterDraftTextOf('d1')(rebuildAt(undefined, device.entries, rowsBefore))).toContain('Forget it.');
    old.destroy();
  });

  it('reads a draft that is not there yet, or is gone, without throwing, and restores nothing into it', () => {
    const device = loggedDevice();
    const empty = new Y.Doc();
    expect(letterDraftTextOf('d1')(empty)).toBe('Not written yet.');
    device.as('alex', (doc) => createLetterDraft(doc, { id: 'd1', now: 0 }));
    expect(restoreLetterDraft(empty, { old: device.doc, id: 'd1', now: 1 })).toBe(false);
  });
});

function draftBody(doc: Y.Doc): Y.XmlFragment {
  const entry = readLetterDraft('d1', letterDraftsMap(doc).get('d1'));
  if (!entry.readable) throw new Error('draft unreadable');
  return entry.body;
}
