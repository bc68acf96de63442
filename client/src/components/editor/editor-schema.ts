import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { KnownRichText } from '@twofold/shared';

/** The one StarterKit configuration: the editor uses it, and the check below reads its schema. */
export const starterKit = StarterKit.configure({
  // Collaboration brings its own undo history (only this person's edits are undone).
  undoRedo: false,
  heading: { levels: [2, 3] },
  link: { openOnClick: false },
});

const schema = getSchema([starterKit]);

/** Every node and mark name this app's editor can show (see `unknownRichText`). */
export const KNOWN_RICH_TEXT: KnownRichText = {
  nodes: new Set(Object.keys(schema.nodes)),
  marks: new Set(Object.keys(schema.marks)),
};
