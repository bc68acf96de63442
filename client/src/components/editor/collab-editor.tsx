import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Extensions } from '@tiptap/react';
import { useEffect } from 'react';
import StarterKit from '@tiptap/starter-kit';
import type { Presence } from '@twofold/shared';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { EditorToolbar } from './editor-toolbar.tsx';
import { renderCaret } from './render-caret.ts';

interface Props {
  fragment: Y.XmlFragment;
  /** The accessible name of the writing area. */
  label: string;
  /** When given, the partner's caret is shown and ours is published through this provider. */
  caret?: { provider: WebsocketProvider; user: Presence['user'] } | undefined;
  /** Shows the words without letting anyone change them here (a retired boundary). */
  readOnly?: boolean | undefined;
}

/**
 * A rich-text editor bound to a Yjs XmlFragment. Collaboration brings its own undo history
 * (only this person's edits are undone), so StarterKit's is turned off.
 */
export function CollabEditor({ fragment, label, caret, readOnly = false }: Props) {
  const provider = caret?.provider;
  const user = caret?.user;
  const editor = useEditor(
    {
      // The CSP forbids injected <style> elements; styles/prosemirror.css carries them.
      injectCSS: false,
      editable: !readOnly,
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] }, link: { openOnClick: false } }),
        Collaboration.configure({ fragment }),
        ...(provider && user ? [CollaborationCaret.configure({ provider, user, render: renderCaret })] : []),
      ] satisfies Extensions,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-label': label,
          'aria-multiline': 'true',
          class: 'editor__content',
          spellcheck: 'true',
          'aria-readonly': String(readOnly),
        },
      },
    },
    [fragment, provider, user?.id, user?.name, user?.color, label, readOnly],
  );
  // Rebuilding on readOnly covers the attributes; this keeps a live editor in step at once.
  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);

  return (
    <div className="editor">
      {!readOnly && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} className="editor__surface" />
    </div>
  );
}
