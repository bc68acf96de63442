import * as Y from 'yjs';

/** The node and mark names an editor's schema knows. */
export interface KnownRichText {
  nodes: ReadonlySet<string>;
  marks: ReadonlySet<string>;
}

/**
 * The node and mark names in `fragment` that `known` does not have, sorted, each once; empty
 * when an editor with that schema can show all of it. Matters because y-prosemirror deletes,
 * from the shared document, whatever it cannot turn into its schema the moment it binds: a
 * page written by a newer or different client must not lose words just by being opened.
 * Walks with its own stack, so no nesting can exhaust the call stack.
 */
export function unknownRichText(fragment: Y.XmlFragment, known: KnownRichText): string[] {
  const unknown = new Set<string>();
  const stack: unknown[] = fragment.toArray();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { attributes?: Record<string, unknown> }[]) {
        for (const name of Object.keys(op.attributes ?? {})) {
          // Overlapping marks of one kind are stored as `name--id`.
          const mark = name.replace(/--[^-]*$/, '');
          if (!known.marks.has(mark)) unknown.add(mark);
        }
      }
    } else if (node instanceof Y.XmlElement) {
      if (!known.nodes.has(node.nodeName)) unknown.add(node.nodeName);
      stack.push(...node.toArray());
    } else if (node instanceof Y.XmlHook) {
      unknown.add(node.hookName);
    }
  }
  return [...unknown].sort();
}

/** Whether `transaction` changed `type` itself or anything nested inside it. */
export function changedWithin(transaction: Y.Transaction, type: object): boolean {
  for (const changed of transaction.changed.keys()) {
    let current: unknown = changed;
    while (current instanceof Y.AbstractType) {
      if (current === type) return true;
      current = (current as { _item: Y.Item | null })._item?.parent;
    }
  }
  return false;
}

/**
 * The words of each top-level block of a fragment, whatever its node names: what a page the
 * editor cannot bind to still shows (a block it does not know keeps its own line).
 */
export function blockTexts(fragment: Y.XmlFragment): string[] {
  return fragment.toArray().map((block) => {
    const words: string[] = [];
    const stack: unknown[] = [block];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node instanceof Y.XmlText) {
        for (const op of node.toDelta() as { insert?: unknown }[])
          if (typeof op.insert === 'string') words.push(op.insert);
      } else if (node instanceof Y.XmlElement) {
        stack.push(...node.toArray().reverse());
      }
    }
    return words.join('').replace(/\s+/g, ' ').trim();
  });
}
