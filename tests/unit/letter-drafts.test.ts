import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createLetterDraft,
  deleteLetterDraft,
  letterDraftsMap,
  readLetterDrafts,
  setLetterDraftTitle,
  writePlainParagraphs,
  type LetterDraft,
} from '@twofold/shared';

function readable(doc: Y.Doc, id: string): LetterDraft {
  const entry = readLetterDrafts(doc).find((draft) => draft.id === id);
  if (!entry?.readable) throw new Error(`draft ${id} is not readable`);
  return entry;
}

describe('letter drafts in the private document', () => {
  it('keeps a draft with its prompt, reply and pair, and its words as they are written', () => {
    const doc = new Y.Doc();
    createLetterDraft(doc, { id: 'd1', title: 'An apology', prompt: 'An apology', now: 10 });
    createLetterDraft(doc, { id: 'd2', replyTo: 'letter-1', pairId: 'pair-1', now: 20 });
    writePlainParagraphs(readable(doc, 'd1').body, ['I am sorry.', 'There is no excuse.']);
    setLetterDraftTitle(doc, { id: 'd1', title: 'My apology', now: 30 });

    const drafts = readLetterDrafts(doc);
    expect(drafts.map((draft) => draft.id)).toEqual(['d1', 'd2']);
    expect(readable(doc, 'd1')).toMatchObject({
      title: 'My apology',
      prompt: 'An apology',
      replyTo: null,
      pairId: null,
      plain: 'I am sorry.\nThere is no excuse.',
      updatedAt: 30,
    });
    expect(readable(doc, 'd2')).toMatchObject({
      title: '',
      replyTo: 'letter-1',
      pairId: 'pair-1',
      plain: '',
    });
  });

  it('deletes a draft once it is sent', () => {
    const doc = new Y.Doc();
    createLetterDraft(doc, { id: 'd1', now: 1 });
    deleteLetterDraft(doc, { id: 'd1' });
    expect(readLetterDrafts(doc)).toEqual([]);
  });

  it('shows a draft stored in a broken shape as unreadable, keeps it, and still reads the others', () => {
    const doc = new Y.Doc();
    createLetterDraft(doc, { id: 'good', title: 'Fine', now: 5 });
    const broken = new Y.Map<unknown>();
    broken.set('id', 'broken');
    broken.set('title', 42);
    letterDraftsMap(doc).set('broken', broken);
    letterDraftsMap(doc).set('text', 'not a map');
    const noBody = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ id: 'nobody', title: 't', createdAt: 1, updatedAt: 1 }))
      noBody.set(key, value);
    letterDraftsMap(doc).set('nobody', noBody);

    const drafts = readLetterDrafts(doc);
    expect(drafts).toHaveLength(4);
    expect(
      drafts
        .filter((draft) => !draft.readable)
        .map((draft) => draft.id)
        .sort(),
    ).toEqual(['broken', 'nobody', 'text']);
    expect(readable(doc, 'good').title).toBe('Fine');
    expect(letterDraftsMap(doc).size).toBe(4);
  });

  it('caps a title at 200 characters and ignores a title for a draft that is gone', () => {
    const doc = new Y.Doc();
    createLetterDraft(doc, { id: 'd1', now: 1 });
    setLetterDraftTitle(doc, { id: 'd1', title: 'x'.repeat(500), now: 2 });
    setLetterDraftTitle(doc, { id: 'gone', title: 'anything', now: 3 });
    expect(readable(doc, 'd1').title).toHaveLength(200);
    expect(readLetterDrafts(doc)).toHaveLength(1);
  });
});
