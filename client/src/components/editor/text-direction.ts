import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const key = new PluginKey<DecorationSet>('textDirection');

function decorate(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir: 'auto' }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Gives every paragraph and heading `dir="auto"`, so each one takes its direction from its own
 * first strong letter: an Arabic or Hebrew paragraph runs right to left, with its full stop on
 * the left, beside English ones that stay left to right. A decoration, not an attribute: it is
 * rendering only and never written into the shared document.
 */
export const TextDirection = Extension.create({
  name: 'textDirection',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc),
          apply: (tr, previous) => (tr.docChanged ? decorate(tr.doc) : previous),
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});
