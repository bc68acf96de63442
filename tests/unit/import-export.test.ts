import {
  boundaryContent,
  createBoundary,
  EXPORT_FORMAT,
  fragmentToPlainText,
  importIntoDocs,
  privateNotesFragment,
  readBoundaries,
  usLetterFragment,
  writePlainParagraphs,
  type SpaceExport,
} from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

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
      userId: 'kim',
      now: 2,
      newId: () => `new-${++n}`,
    });

    expect(added).toBe(1);
    const [imported] = readBoundaries(shared);
    expect(imported?.readable && imported.id).toBe('new-1');
    expect(imported?.readable && boundaryContent(imported)).toEqual(data.boundaries[0]?.content);
    expect(imported?.readable && imported.versions).toEqual([]);
    expect(fragmentToPlainText(usLetterFragment(shared))).toBe(
      'Already here.\nTrust is a promise kept.\nEvery day.',
    );
    expect(fragmentToPlainText(privateNotesFragment(mine))).toBe('My own thought');
  });
});
