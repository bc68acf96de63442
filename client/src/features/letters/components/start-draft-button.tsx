import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { useCreateLetterDraft, type DraftStart } from '../hooks/use-create-letter-draft.ts';

interface Props {
  privateDoc: Y.Doc;
  draft: DraftStart;
  className?: string;
  children: ReactNode;
}

/** A button that starts a new private draft (a reply, a letter on a shared prompt) and opens it. */
export function StartDraftButton({ privateDoc, draft, className, children }: Props) {
  const start = useCreateLetterDraft(privateDoc);
  return (
    <button type="button" className={className ?? 'button'} onClick={() => start(draft)}>
      {children}
    </button>
  );
}
