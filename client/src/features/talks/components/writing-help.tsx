import type * as Y from 'yjs';
import { useFragmentText } from '@/lib/yjs/use-fragment-text.ts';
import { I_STATEMENT_SHAPE, writingHint } from '../model/i-statement.ts';

/**
 * A calm prompt beside a box someone writes in during a talk: the "I feel … when …" shape, and
 * a quiet hint when a sentence opens with "You always / You never". Never blocks, never scores.
 */
export function WritingHelp({ fragment }: { fragment: Y.XmlFragment }) {
  const hint = writingHint(useFragmentText(fragment));
  if (!hint.offerShape && !hint.rephrase) return null;
  return (
    <div className="writing-help" aria-live="polite">
      {hint.offerShape && (
        <p className="writing-help__shape">
          If it helps: <span className="writing-help__words">{I_STATEMENT_SHAPE}</span>
        </p>
      )}
      {hint.rephrase && (
        <p className="writing-help__rephrase" data-testid="rephrase-hint">
          “{hint.rephrase.opening}…” can be hard to hear, even when it feels true. You might say what you
          felt, and when: “I felt … when …”.
        </p>
      )}
    </div>
  );
}
