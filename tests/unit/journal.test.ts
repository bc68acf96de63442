import { createJournalEntry, deleteJournalEntry, journalMap, readJournal } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

describe('the reflection journal', () => {
  it('lists entries newest first, each with its prompt and its own body to write in', () => {
    const doc = new Y.Doc();
    createJournalEntry(doc, { id: 'a', prompt: 'What am I feeling right now?', now: 1000 });
    createJournalEntry(doc, { id: 'b', prompt: null, now: 2000 });
    const body = readJournal(doc)[1];
    if (!body?.readable) throw new Error('unreadable');
    body.body.insert(0, [new Y.XmlElement('paragraph')]);
    (body.body.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('tired, and hopeful')]);
    const entries = readJournal(doc);
    expect(entries.map((entry) => entry.id)).toEqual(['b', 'a']);
    expect(entries[1]).toMatchObject({
      readable: true,
      prompt: 'What am I feeling right now?',
      plain: 'tired, and hopeful',
    });
    deleteJournalEntry(doc, 'a');
    expect(readJournal(doc).map((entry) => entry.id)).toEqual(['b']);
  });

  it('never throws on a malformed entry: it is listed as unreadable, and the rest still read', () => {
    const doc = new Y.Doc();
    createJournalEntry(doc, { id: 'good', prompt: null, now: 1 });
    journalMap(doc).set('bad', 'not an entry');
    const broken = new Y.Map<unknown>();
    journalMap(doc).set('no-body', broken);
    broken.set('createdAt', 5);
    const entries = readJournal(doc);
    expect(entries.filter((entry) => entry.readable).map((entry) => entry.id)).toEqual(['good']);
    expect(
      entries
        .filter((entry) => !entry.readable)
        .map((entry) => entry.id)
        .sort(),
    ).toEqual(['bad', 'no-body']);
  });
});
