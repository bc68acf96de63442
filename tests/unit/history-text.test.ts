import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  fragmentTextReader,
  fragmentToPlainText,
  sessionChanges,
  usLetterFragment,
  wordChange,
  wordDiff,
  type HistoryEntry,
} from '@twofold/shared';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

describe('reading a long letter again and again', () => {
  it('reads what fragmentToPlainText reads after every kind of edit, block by block', () => {
    const doc = new Y.Doc({ gc: false });
    const letter = usLetterFragment(doc);
    const read = fragmentTextReader(usLetterFragment);
    letter.insert(0, [paragraph('We   talk.'), paragraph(''), paragraph('We listen.')]);
    expect(read(doc)).toBe(fragmentToPlainText(letter));
    expect(read(doc)).toBe('We talk.\nWe listen.');
    // Typing inside a block, formatting a word, a new list, and a block removed.
    ((letter.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(2, ' always');
    ((letter.get(2) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { bold: true });
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    list.insert(0, [item]);
    item.insert(0, [paragraph('Sundays')]);
    letter.insert(3, [list]);
    expect(read(doc)).toBe(fragmentToPlainText(letter));
    letter.delete(1, 1);
    ((item.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(7, ' and Fridays');
    expect(read(doc)).toBe(fragmentToPlainText(letter));
    expect(read(doc)).toBe('We always talk.\nWe listen.\nSundays and Fridays');
  });
});

describe('counting a row of a long letter from the lines it changed', () => {
  it('says which lines the last read changed, and counts rows as reading it whole does', () => {
    const doc = new Y.Doc({ gc: false });
    const letter = usLetterFragment(doc);
    const rows: HistoryEntry[] = [];
    doc.on('update', (update: Uint8Array) => {
      rows.push({ id: rows.length + 1, authorId: rows.length % 2 ? 'sam' : 'alex', at: rows.length, update });
    });
    // Two hundred paragraphs (more than a few chunks), then edits at both ends and between.
    letter.insert(
      0,
      Array.from({ length: 200 }, (_, i) => paragraph(`Day ${i + 1} we wrote.`)),
    );
    const base = Y.encodeStateAsUpdate(doc);
    rows.length = 0;
    const read = fragmentTextReader(usLetterFragment);
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, base);
    read(copy);
    const textAt = (i: number) => (letter.get(i) as Y.XmlElement).get(0) as Y.XmlText;
    textAt(3).insert(0, 'Looking back, ');
    textAt(150).delete(0, 4);
    letter.insert(200, [paragraph('A new page.')]);
    letter.delete(100, 1);
    Y.applyUpdate(copy, rows[0]!.update);
    expect(read(copy)).toBe(fragmentToPlainText(usLetterFragment(copy)));
    const lines = read.changedLines!(copy)!;
    expect(lines.after).toContain('Looking back, Day 4 we wrote.');
    expect(lines.after.length).toBeLessThan(fragmentToPlainText(letter).length / 3);
    expect(wordChange(lines.before, lines.after)).toEqual({ added: 2, removed: 0 });

    const plain = (d: Y.Doc) => fragmentToPlainText(usLetterFragment(d));
    const counted = sessionChanges(base, rows, fragmentTextReader(usLetterFragment), usLetterFragment);
    expect(counted).toEqual(sessionChanges(base, rows, plain, usLetterFragment));
    expect(counted.map(({ added, removed }) => [added, removed])).toEqual([
      [2, 0],
      [0, 1],
      [3, 0],
      [0, 4],
    ]);
    expect(counted.at(-1)!.after).toBe(fragmentToPlainText(letter));
  });
});

describe('diffing a long letter', () => {
  it('finds the words of two edits far apart, and its segments still make up both texts', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `Day ${i + 1}: we wrote a little more today.`);
    const before = lines.join('\n');
    const after = [`Looking back, ${lines[0]}`, ...lines.slice(1, 399), 'Day 400: a new page.'].join('\n');
    const segments = wordDiff(before, after);
    const join = (kind: 'added' | 'removed') =>
      segments
        .filter((segment) => segment.kind !== kind)
        .map((segment) => segment.text)
        .join('');
    expect(join('added')).toBe(before);
    expect(join('removed')).toBe(after);
    // "Looking back,"; "we wrote" and "little more today." out, "new page." in.
    expect(wordChange(before, after)).toEqual({ added: 4, removed: 5 });
  });
});
