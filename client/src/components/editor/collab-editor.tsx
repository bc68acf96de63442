import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Extensions } from '@tiptap/react';
import { changedWithin, unknownRichText, type Presence } from '@twofold/shared';
import { useCallback, useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { CaretStaysPut } from './caret-stays-put.ts';
import { EditorToolbar } from './editor-toolbar.tsx';
import { KNOWN_RICH_TEXT, starterKit } from './editor-schema.ts';
import { KeptText } from './kept-text.tsx';
import { PasteRefusedNotice } from './paste-refused-notice.tsx';
import { PasteLimit } from './paste-limit.ts';
import { renderCaret } from './render-caret.ts';
import { TextDirection } from './text-direction.ts';

interface Props {
  fragment: Y.XmlFragment;
  /** The accessible name of the writing area. */
  label: string;
  /** When given, the partner's caret is shown and ours is published through this provider. */
  caret?: { provider: WebsocketProvider; user: Presence['user'] } | undefined;
  /** Shows the words without letting anyone change them here (a retired boundary). */
  readOnly?: boolean | undefined;
}

const canEdit = (fragment: Y.XmlFragment) => unknownRichText(fragment, KNOWN_RICH_TEXT).length === 0;

/**
 * A rich-text editor bound to a Yjs XmlFragment, or, when the fragment holds nodes or marks
 * this editor's schema does not know, the words to read (`KeptText`). Binding would make
 * y-prosemirror delete what it cannot show, from the shared document, for both partners.
 */
export function CollabEditor(props: Props) {
  const { fragment } = props;
  // Keyed by fragment: another page may be editable even if this one is not.
  const [kept, setKept] = useState<{ fragment: Y.XmlFragment; kept: boolean }>(() => ({
    fragment,
    kept: !canEdit(fragment),
  }));
  const onUnknown = useCallback(() => setKept({ fragment, kept: true }), [fragment]);
  const isKept = kept.fragment === fragment ? kept.kept : !canEdit(fragment);
  if (isKept) return <KeptText fragment={fragment} label={props.label} />;
  return <BoundEditor {...props} onUnknown={onUnknown} />;
}

function BoundEditor({
  fragment,
  label,
  caret,
  readOnly = false,
  onUnknown,
}: Props & { onUnknown: () => void }) {
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
      editable: !readOnly,
      extensions: [
        PasteLimit.configure({ onRefused: setRefusedBytes }),
        starterKit,
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
          'aria-readonly': String(readOnly),
        },
      },
    },
    [fragment, provider, user?.id, user?.name, user?.color, label, readOnly],
  );
  // Rebuilding on readOnly covers the attributes; this keeps a live editor in step at once.
  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);

  // Content the schema does not know can also arrive while the page is open (a partner's
  // newer client). `beforeObserverCalls` runs before any observer, y-prosemirror's included,
  // so the editor is unbound before it could delete anything.
  useEffect(() => {
    const doc = fragment.doc;
    if (!doc) return;
    const check = (transaction: Y.Transaction) => {
      if (!changedWithin(transaction, fragment) || canEdit(fragment)) return;
      editor.destroy();
      onUnknown();
    };
    doc.on('beforeObserverCalls', check);
    return () => doc.off('beforeObserverCalls', check);
  }, [fragment, editor, onUnknown]);

  return (
    <div className="editor">
      {!readOnly && <EditorToolbar editor={editor} />}
      {refusedBytes !== null && (
        <PasteRefusedNotice bytes={refusedBytes} onDismiss={() => setRefusedBytes(null)} />
      )}
      <EditorContent editor={editor} className="editor__surface" />
    </div>
  );
}
