import * as Y from 'yjs';

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook, out: string[]): void {
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as { insert?: unknown }[]) {
      if (typeof op.insert === 'string') out.push(op.insert);
    }
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  if (BLOCKS.has(node.nodeName) && out.length > 0) out.push('\n');
  if (node.nodeName === 'hardBreak') out.push('\n');
  for (const child of node.toArray()) textOf(child, out);
}

/**
 * The plain words of a TipTap fragment: blocks become lines, formatting is dropped, runs of
 * spaces fold into one and blank lines disappear. This is what an agreement's hash covers, so
 * making a word bold is not a change of meaning while changing a word is.
 */
export function fragmentToPlainText(fragment: Y.XmlFragment): string {
  const out: string[] = [];
  for (const child of fragment.toArray()) textOf(child, out);
  return normaliseText(out.join(''));
}

/**
 * One top-level node's part of `fragmentToPlainText` before it is normalised, as it reads
 * after other nodes: a block starts with its line break. Joined, the parts of a fragment's
 * children normalise to its plain text.
 */
export function blockRawText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  // An empty first part stands for "something came before", so a block pushes its '\n'.
  const out: string[] = [''];
  textOf(node, out);
  return out.join('');
}

/** Folds whitespace within lines, trims them, and drops empty lines. */
export function normaliseText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function paragraphsOf(texts: readonly string[]): Y.XmlElement[] {
  return texts.map((text) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    return paragraph;
  });
}

/** Replaces a fragment's content with paragraphs of plain text (templates, imports). */
export function writePlainParagraphs(fragment: Y.XmlFragment, paragraphs: readonly string[]): void {
  fragment.delete(0, fragment.length);
  fragment.insert(0, paragraphsOf(paragraphs));
}

/** Adds paragraphs of plain text after whatever the fragment already holds (imports). */
export function appendPlainParagraphs(fragment: Y.XmlFragment, paragraphs: readonly string[]): void {
  fragment.insert(fragment.length, paragraphsOf(paragraphs));
}
