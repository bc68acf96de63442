import { aboutSize, MAX_PASTE_BYTES } from '@/lib/yjs/edit-limits.ts';

/** Says, kindly, that a paste was too long and nothing was added; the person can try it in parts. */
export function PasteRefusedNotice({ bytes, onDismiss }: { bytes: number; onDismiss: () => void }) {
  return (
    <div className="editor__notice" role="alert">
      <p>
        That is too long to paste at once — {aboutSize(MAX_PASTE_BYTES)} fits, and this was {aboutSize(bytes)}
        . Nothing was added; try it in parts.
      </p>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
