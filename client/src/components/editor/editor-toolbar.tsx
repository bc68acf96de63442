import { useEditorState, type Editor } from '@tiptap/react';

/** Bold, italic, heading and bullet list, each a toggle button with a spoken name. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 2 }),
      bulletList: e.isActive('bulletList'),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    // Keep the caret in the text on mouse clicks: typing right after a click must land there.
    <div className="toolbar" role="toolbar" aria-label="Formatting" onMouseDown={(e) => e.preventDefault()}>
      <button
        type="button"
        className="toolbar__button"
        aria-label="Bold"
        aria-pressed={active.bold}
        onClick={() => chain().toggleBold().run()}
      >
        <strong aria-hidden="true">B</strong>
      </button>
      <button
        type="button"
        className="toolbar__button"
        aria-label="Italic"
        aria-pressed={active.italic}
        onClick={() => chain().toggleItalic().run()}
      >
        <em aria-hidden="true">I</em>
      </button>
      <button
        type="button"
        className="toolbar__button"
        aria-label="Heading"
        aria-pressed={active.heading}
        onClick={() => chain().toggleHeading({ level: 2 }).run()}
      >
        <span aria-hidden="true">H</span>
      </button>
      <button
        type="button"
        className="toolbar__button"
        aria-label="Bullet list"
        aria-pressed={active.bulletList}
        onClick={() => chain().toggleBulletList().run()}
      >
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="4" cy="5" r="1.6" fill="currentColor" />
          <circle cx="4" cy="10" r="1.6" fill="currentColor" />
          <circle cx="4" cy="15" r="1.6" fill="currentColor" />
          <path d="M8 5h9M8 10h9M8 15h9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
