import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type * as Y from 'yjs';
import { createLetterDraft } from '@twofold/shared';

interface Props {
  privateDoc: Y.Doc;
  draft: { title?: string; prompt?: string | null; replyTo?: string | null; pairId?: string | null };
  className?: string;
  children: ReactNode;
}

/** Starts a new private draft (a reply, a letter on a shared prompt) and opens it for writing. */
export function StartDraftButton({ privateDoc, draft, className, children }: Props) {
  const navigate = useNavigate();
  const { spaceId = '' } = useParams();
  const start = () => {
    const id = createLetterDraft(privateDoc, { id: crypto.randomUUID(), now: Date.now(), ...draft });
    void navigate(`/spaces/${spaceId}/letters/drafts/${id}`);
  };
  return (
    <button type="button" className={className ?? 'button'} onClick={start}>
      {children}
    </button>
  );
}
