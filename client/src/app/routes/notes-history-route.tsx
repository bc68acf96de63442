import { HistoryDoc, privateNotesFragment } from '@twofold/shared';
import { useMemo } from 'react';
import { HistoryPage } from '@/features/history/components/history-page.tsx';
import { fragmentSubject } from '@/features/history/model/subjects.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/notes/history — the history of the member's own private notes, for them only. */
export function NotesHistoryRoute() {
  const { space, docs, self } = useSpaceOutlet();
  useDocumentTitle('History of your private notes');
  const subject = useMemo(() => fragmentSubject(HistoryDoc.private, privateNotesFragment), []);
  return (
    <HistoryPage
      space={space}
      selfId={self.id}
      liveDoc={docs.private.doc}
      subject={subject}
      title="your private notes"
      noun="your notes"
      backTo={{ href: `/spaces/${space.id}/notes`, label: 'Back to your notes' }}
    />
  );
}
