import type * as Y from 'yjs';
import type { TextOf } from './history.ts';
import { blockRawText, normaliseText } from './rich-text.ts';

interface Block {
  raw: string;
  /** Its line with the line break before it ('' for a block with no words). */
  piece: string;
}

/** Blocks per chunk: a chunk's lines are joined once and kept until one of them changes. */
const CHUNK = 32;

/**
 * `fragmentToPlainText(fragmentOf(doc))` as a history `TextOf` that remembers each top-level
 * block's words between calls on the same document, forgetting a block's only when a
 * transaction changed something inside it. History reads the letter after every row of a
 * page it replays: from scratch that cost 6–16 ms for a year of daily writing (walking every
 * deleted keystroke; tests/bench/history.ts), while a row changes a paragraph or two.
 *
 * The text is joined from chunks of lines kept between reads, and V8 joins two strings
 * without copying them until something reads inside the result, so a read allocates about a
 * chunk, not the letter (a copy of a 270,000-character letter for each row of a page was most
 * of the page's time, in the garbage collector). `changedLines` gives the lines the last read
 * on a document changed, so a row's words are counted without reading the rest.
 * Returns exactly what `fragmentToPlainText` would.
 */
export function fragmentTextReader(fragmentOf: (doc: Y.Doc) => Y.XmlFragment): TextOf {
  const readers = new WeakMap<Y.Doc, BlockCache>();
  const cacheOf = (doc: Y.Doc) => {
    let cache = readers.get(doc);
    if (!cache) {
      cache = blockCache(fragmentOf(doc));
      readers.set(doc, cache);
    }
    return cache;
  };
  return Object.assign((doc: Y.Doc) => cacheOf(doc).read(), {
    changedLines: (doc: Y.Doc) => readers.get(doc)?.changed(),
  });
}

interface BlockCache {
  read: () => string;
  changed: () => { before: string; after: string } | undefined;
}

interface Chunk {
  blocks: Block[];
  lines: string;
}

function blockCache(fragment: Y.XmlFragment): BlockCache {
  const blocks = new WeakMap<object, Block>();
  fragment.observeDeep((events) => {
    for (const event of events) {
      let target: Y.AbstractType<unknown> | null = event.target;
      while (target && target.parent !== fragment) target = target.parent;
      if (target) blocks.delete(target);
    }
  });
  let chunks: Chunk[] = [];
  let changed: { before: string; after: string } | undefined;

  const read = () => {
    const parts: Block[] = [];
    for (const child of fragment.toArray()) {
      let block = blocks.get(child);
      if (!block) {
        const raw = blockRawText(child);
        const text = normaliseText(raw);
        block = { raw, piece: text ? `\n${text}` : '' };
        blocks.set(child, block);
      }
      parts.push(block);
    }
    // Blocks are lines of their own unless one carries on the line before it (bare text at
    // the top level, which TipTap never writes): then the whole is normalised as one.
    if (!parts.every((part, i) => i === 0 || part.raw === '' || part.raw.startsWith('\n'))) {
      chunks = [];
      changed = undefined;
      return normaliseText(parts.map((part) => part.raw).join(''));
    }
    const next: Chunk[] = [];
    let before = '';
    let after = '';
    for (let start = 0; start < parts.length; start += CHUNK) {
      const own = parts.slice(start, start + CHUNK);
      const old = chunks[next.length];
      if (old && old.blocks.length === own.length && old.blocks.every((block, i) => block === own[i])) {
        next.push(old);
        continue;
      }
      const chunk = { blocks: own, lines: own.map((block) => block.piece).join('') };
      before += old?.lines ?? '';
      after += chunk.lines;
      next.push(chunk);
    }
    for (const old of chunks.slice(next.length)) before += old.lines;
    chunks = next;
    changed = { before, after };
    // Every line starts with its line break; the first line's is dropped.
    let text = '';
    for (const chunk of chunks) {
      text += text === '' && chunk.lines.startsWith('\n') ? chunk.lines.slice(1) : chunk.lines;
    }
    return text;
  };
  return { read, changed: () => changed };
}
