import { fragmentToPlainText, HistoryDoc, privateNotesFragment } from '@twofold/shared';
import { HistoryPage } from '@/features/history/components/history-page.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/notes/history — the history of the member's own private notes, for them only. */
export function NotesHistoryRoute() {
  const { space, docs, self } = useSpaceOutlet();
  useDocumentTitle('History of your private notes');
  return (
    <HistoryPage
      spaceId={space.id}
      doc={HistoryDoc.private}
      liveDoc={docs.private.doc}
      fragmentOf={privateNotesFragment}
      textOfFragment={fragmentToPlainText}
      title="your private notes"
      noun="your notes"
      backTo={{ href: `/spaces/${space.id}/notes`, label: 'Back to your notes' }}
      selfId={self.id}
      memberIds={space.members.map((member) => member.id)}
    />
  );
}
