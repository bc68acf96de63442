import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { Presence } from '@twofold/shared';
import { useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { EditorToolbar } from './editor-toolbar.tsx';
import { PasteRefusedNotice } from './paste-refused-notice.tsx';
import { PasteLimit } from './paste-limit.ts';
import { renderCaret } from './render-caret.ts';

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
  // The size of the last paste refused as too long; cleared by the next change.
  const [refusedBytes, setRefusedBytes] = useState<number | null>(null);
  const editor = useEditor(
    {
      // The CSP forbids injected <style> elements; styles/prosemirror.css carries them.
      injectCSS: false,
      // The person's next change clears it; the partner's arriving ('y-sync$' meta) does not.
      onUpdate: ({ transaction }) => {
        if (!transaction.getMeta('y-sync$')) setRefusedBytes(null);
      },
      extensions: [
        PasteLimit.configure({ onRefused: setRefusedBytes }),
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
        },
      },
    },
    [fragment, provider, user?.id, user?.name, user?.color, label],
  );

  return (
    <div className="editor">
      <EditorToolbar editor={editor} />
      {refusedBytes !== null && (
        <PasteRefusedNotice bytes={refusedBytes} onDismiss={() => setRefusedBytes(null)} />
      )}
      <EditorContent editor={editor} className="editor__surface" />
    </div>
  );
}
