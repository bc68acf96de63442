import { fragmentToPlainText, HistoryDoc, usLetterFragment } from '@twofold/shared';
import { HistoryPage } from '@/features/history/components/history-page.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/us-letter/history — who wrote what in the us-letter, and when. */
export function UsLetterHistoryRoute() {
  const { space, docs, self } = useSpaceOutlet();
  useDocumentTitle('History of What trust means to us');
  return (
    <HistoryPage
      spaceId={space.id}
      doc={HistoryDoc.shared}
      liveDoc={docs.shared.doc}
      fragmentOf={usLetterFragment}
      textOfFragment={fragmentToPlainText}
      title="“What trust means to us”"
      noun="the letter"
      backTo={{ href: `/spaces/${space.id}/us-letter`, label: 'Back to the letter' }}
      selfId={self.id}
      memberIds={space.members.map((member) => member.id)}
    />
  );
}
