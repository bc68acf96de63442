import { letterDraftsMap, readLetterDraft } from '@twofold/shared';
import type * as Y from 'yjs';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { HistoryPage } from '@/features/history/components/history-page.tsx';
import { letterDraftSubject } from '@/features/history/model/subjects.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useDocReading } from '@/lib/yjs/use-doc-reading.ts';
import { useSpaceOutlet } from './space-outlet.ts';

const roots = (doc: Y.Doc) => [letterDraftsMap(doc)];

/**
 * /spaces/:spaceId/letters/drafts/:draftId/history — every change to one of the member's own
 * drafts. It lives in their private document, which the server gives no one else, so the
 * partner never sees it, nor that it exists.
 */
export function LetterDraftHistoryRoute() {
  const { draftId = '' } = useParams();
  const { space, docs, self } = useSpaceOutlet();
  useDocumentTitle('History of your draft');
  const subject = useMemo(() => letterDraftSubject(draftId), [draftId]);
  const read = useMemo(
    () => (doc: Y.Doc) => {
      const entry = readLetterDraft(draftId, letterDraftsMap(doc).get(draftId));
      return entry.readable ? entry.title.trim() : '';
    },
    [draftId],
  );
  const title = useDocReading(docs.private.doc, roots, read);
  return (
    <HistoryPage
      space={space}
      selfId={self.id}
      liveDoc={docs.private.doc}
      subject={subject}
      title={title ? `your draft “${title}”` : 'your draft'}
      noun="your draft"
      backTo={{ href: `/spaces/${space.id}/letters/drafts/${draftId}`, label: 'Back to your draft' }}
    />
  );
}
