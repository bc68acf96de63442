import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  fragmentTextReader,
  fragmentToPlainText,
  usLetterFragment,
  wordChange,
  wordDiff,
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
