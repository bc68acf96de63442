import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  blockTexts,
  changedWithin,
  unknownRichText,
  usLetterFragment,
  writePlainParagraphs,
} from '@twofold/shared';

const KNOWN = { nodes: new Set(['paragraph', 'heading', 'text']), marks: new Set(['bold', 'link']) };

describe('content an editor cannot show', () => {
  it('finds nothing in plain paragraphs with known marks', () => {
    const doc = new Y.Doc();
    const fragment = usLetterFragment(doc);
    writePlainParagraphs(fragment, ['One', 'Two']);
    ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, {
      bold: true,
      'link--abc': { href: 'x' },
    });
    expect(unknownRichText(fragment, KNOWN)).toEqual([]);
  });

  it('names unknown nodes at any depth, and unknown marks, once each', () => {
    const doc = new Y.Doc();
    const fragment = usLetterFragment(doc);
    const outer = new Y.XmlElement('callout');
    const inner = new Y.XmlElement('paragraph');
    const words = new Y.XmlText();
    words.insert(0, 'hi', { comment: { id: 1 } });
    inner.insert(0, [words]);
    outer.insert(0, [inner, new Y.XmlElement('callout')]);
    fragment.insert(0, [outer]);
    expect(unknownRichText(fragment, KNOWN)).toEqual(['callout', 'comment']);
    // What the read-only page shows: every block's words, known or not.
    expect(blockTexts(fragment)).toEqual(['hi']);
  });

  it('walks a deeply nested page without exhausting the stack', () => {
    const doc = new Y.Doc();
    let node = new Y.XmlElement('paragraph');
    const top = node;
    usLetterFragment(doc).insert(0, [top]);
    for (let i = 0; i < 5000; i++) {
      const child = new Y.XmlElement(i === 4999 ? 'mystery' : 'paragraph');
      node.insert(0, [child]);
      node = child;
    }
    expect(unknownRichText(usLetterFragment(doc), KNOWN)).toEqual(['mystery']);
  });

  it('tells whether a transaction changed anything inside a fragment', () => {
    const doc = new Y.Doc();
    const fragment = usLetterFragment(doc);
    writePlainParagraphs(fragment, ['One']);
    const seen: boolean[] = [];
    doc.on('beforeObserverCalls', (transaction) => seen.push(changedWithin(transaction, fragment)));
    ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Deep ');
    doc.getMap('elsewhere').set('x', 1);
    expect(seen).toEqual([true, false]);
  });
});
