import { blockTexts } from '@twofold/shared';
import type * as Y from 'yjs';

/**
 * A page this app's editor cannot edit without losing part of it (written by a newer or
 * different version): its words are shown to read, and nothing is ever written to it here.
 */
export function KeptText({ fragment, label }: { fragment: Y.XmlFragment; label: string }) {
  const lines = blockTexts(fragment);
  return (
    <div className="editor editor--kept" role="region" aria-label={label}>
      <p className="editor__kept-note" role="note">
        Part of this text was written by a newer or different version of Twofold and can’t be edited here; it
        is kept as it is.
      </p>
      <div className="editor__content editor__content--read-only">
        {lines.map((line, i) => (line ? <p key={i}>{line}</p> : null))}
      </div>
    </div>
  );
}
