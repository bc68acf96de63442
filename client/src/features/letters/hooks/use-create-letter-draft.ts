import { createLetterDraft, type CreateLetterDraftArgs } from '@twofold/shared';
import { useNavigate, useParams } from 'react-router';
import type * as Y from 'yjs';

export type DraftStart = Omit<CreateLetterDraftArgs, 'id' | 'now'>;

/**
 * Writes a new private draft into the private doc (blank, from a prompt, a reply, a letter on a
 * shared prompt) and opens it.
 */
export function useCreateLetterDraft(privateDoc: Y.Doc): (draft: DraftStart) => void {
  const navigate = useNavigate();
  const { spaceId = '' } = useParams();
  return (draft) => {
    const id = createLetterDraft(privateDoc, { id: crypto.randomUUID(), now: Date.now(), ...draft });
    void navigate(`/spaces/${spaceId}/letters/drafts/${id}`);
  };
}
