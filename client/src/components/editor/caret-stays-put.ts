import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** The parts of y-tiptap's binding this plugin reads (its plugin state carries it). */
interface Binding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

const key = new PluginKey('caretStaysPut');

function bindingOf(state: EditorState): Binding | null {
  const ystate = ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined;
  return ystate?.binding ?? null;
}

/**
 * Where the caret sits when it is in an empty paragraph, as a Yjs position that stays at the
 * paragraph's start (assoc -1), or null when the caret is anywhere else.
 *
 * y-tiptap describes a caret in an empty paragraph as "the end of that paragraph" (assoc 0).
 * When the partner then types into the same line, their letters land before that end, so the
 * restored caret jumps past them and the next letter typed here lands inside the partner's
 * word ("HXello"). Everywhere else y-tiptap already anchors the caret to the letter on its left.
 */
function emptyParagraphCaret(state: EditorState, binding: Binding): Y.RelativePosition | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const { $from } = selection;
  if (!$from.parent.isTextblock || $from.parent.content.size !== 0) return null;
  let relative: Y.RelativePosition;
  try {
    relative = absolutePositionToRelativePosition(
      $from.pos,
      binding.type,
      binding.mapping,
    ) as Y.RelativePosition;
  } catch {
    // During a local edit the view is one step ahead of the Yjs document; no remote change is
    // being applied then, so there is nothing to correct.
    return null;
  }
  // Only the "end of an empty element" form needs the fix: no item, and a nested type (not the root).
  if (relative.item !== null || relative.type === null) return null;
  return new Y.RelativePosition(relative.type, relative.tname, null, -1);
}

/**
 * Keeps this person's caret where they put it when the partner types at the very same spot.
 * It records, before each Yjs transaction, a start-anchored position for a caret in an empty
 * paragraph, and after a remote change puts the caret back there (before the partner's
 * letters), as any shared editor does. Rendering only: nothing is written to the document.
 */
export const CaretStaysPut = Extension.create({
  name: 'caretStaysPut',
  addProseMirrorPlugins() {
    let saved: Y.RelativePosition | null = null;
    return [
      new Plugin({
        key,
        view(view) {
          const binding = bindingOf(view.state);
          if (!binding) return {};
          const before = () => {
            saved = emptyParagraphCaret(view.state, binding);
          };
          const after = () => {
            saved = null;
          };
          binding.doc.on('beforeAllTransactions', before);
          binding.doc.on('afterAllTransactions', after);
          return {
            destroy() {
              binding.doc.off('beforeAllTransactions', before);
              binding.doc.off('afterAllTransactions', after);
            },
          };
        },
        appendTransaction(transactions, _oldState, newState) {
          if (!saved) return null;
          const remote = transactions.some(
            (tr) => (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin,
          );
          const binding = bindingOf(newState);
          if (!remote || !binding) return null;
          const pos = relativePositionToAbsolutePosition(binding.doc, binding.type, saved, binding.mapping);
          if (pos === null || pos === newState.selection.head) return null;
          if (pos < 0 || pos > newState.doc.content.size) return null;
          const $pos = newState.doc.resolve(pos);
          if (!$pos.parent.isTextblock) return null;
          return newState.tr
            .setSelection(TextSelection.create(newState.doc, pos))
            .setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
