import { HistoryDoc, usLetterFragment } from '@twofold/shared';
import { useMemo } from 'react';
import { HistoryPage } from '@/features/history/components/history-page.tsx';
import { fragmentSubject } from '@/features/history/model/subjects.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/us-letter/history — who wrote what in the us-letter, and when. */
export function UsLetterHistoryRoute() {
  const { space, docs, self } = useSpaceOutlet();
  useDocumentTitle('History of What trust means to us');
  const subject = useMemo(() => fragmentSubject(HistoryDoc.shared, usLetterFragment), []);
  return (
    <HistoryPage
      space={space}
      selfId={self.id}
      liveDoc={docs.shared.doc}
      subject={subject}
      title="“What trust means to us”"
      noun="the letter"
      backTo={{ href: `/spaces/${space.id}/us-letter`, label: 'Back to the letter' }}
    />
  );
}
