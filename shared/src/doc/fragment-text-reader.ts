import type * as Y from 'yjs';
import type { TextOf } from './history.ts';
import { blockRawText, normaliseText } from './rich-text.ts';

interface Block {
  raw: string;
  /** Its words, normalised; '' for a block with none. */
  text: string;
}

/**
 * `fragmentToPlainText(fragmentOf(doc))` as a history `TextOf` that remembers each top-level
 * block's words between calls on the same document, forgetting a block's only when a
 * transaction changed something inside it. History reads the letter after every row of a
 * page it replays: from scratch that cost 6–16 ms for a year of daily writing (walking every
 * deleted keystroke; tests/bench/history.ts), while a row changes a paragraph or two.
 * Returns exactly what `fragmentToPlainText` would.
 */
export function fragmentTextReader(fragmentOf: (doc: Y.Doc) => Y.XmlFragment): TextOf {
  const readers = new WeakMap<Y.Doc, () => string>();
  return (doc) => {
    let read = readers.get(doc);
    if (!read) {
      read = blockCache(fragmentOf(doc));
      readers.set(doc, read);
    }
    return read();
  };
}

function blockCache(fragment: Y.XmlFragment): () => string {
  const blocks = new WeakMap<object, Block>();
  fragment.observeDeep((events) => {
    for (const event of events) {
      let target: Y.AbstractType<unknown> | null = event.target;
      while (target && target.parent !== fragment) target = target.parent;
      if (target) blocks.delete(target);
    }
  });
  return () => {
    const parts: Block[] = [];
    for (const child of fragment.toArray()) {
      let block = blocks.get(child);
      if (!block) {
        const raw = blockRawText(child);
        block = { raw, text: normaliseText(raw) };
        blocks.set(child, block);
      }
      parts.push(block);
    }
    // Blocks are lines of their own unless one carries on the line before it (bare text at
    // the top level, which TipTap never writes): then the whole is normalised as one.
    if (parts.every((part, i) => i === 0 || part.raw === '' || part.raw.startsWith('\n'))) {
      return parts
        .map((part) => part.text)
        .filter((text) => text.length > 0)
        .join('\n');
    }
    return normaliseText(parts.map((part) => part.raw).join(''));
  };
}
