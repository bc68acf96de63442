import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { Presence } from '@twofold/shared';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { CaretStaysPut } from './caret-stays-put.ts';
import { EditorToolbar } from './editor-toolbar.tsx';
import { renderCaret } from './render-caret.ts';
import { TextDirection } from './text-direction.ts';

interface Props {
  fragment: Y.XmlFragment;
  /** The accessible name of the writing area. */
  label: string;
  /** When given, the partner's caret is shown and ours is published through this provider. */
  caret?: { provider: WebsocketProvider; user: Presence['user'] } | undefined;
}

/**
 * A rich-text editor bound to a Yjs XmlFragment. Collaboration brings its own undo history
 * (only this person's edits are undone), so StarterKit's is turned off.
 */
export function CollabEditor({ fragment, label, caret }: Props) {
  const provider = caret?.provider;
  const user = caret?.user;
  const editor = useEditor(
    {
      // The CSP forbids injected <style> elements; styles/prosemirror.css carries them.
      injectCSS: false,
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] }, link: { openOnClick: false } }),
        Collaboration.configure({ fragment }),
        CaretStaysPut,
        TextDirection,
        ...(provider && user ? [CollaborationCaret.configure({ provider, user, render: renderCaret })] : []),
      ] satisfies Extensions,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-label': label,
          'aria-multiline': 'true',
          class: 'editor__content',
          spellcheck: 'true',
        },
      },
    },
    [fragment, provider, user?.id, user?.name, user?.color, label],
  );

  return (
    <div className="editor">
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} className="editor__surface" />
    </div>
  );
}
