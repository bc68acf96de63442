import { PresenceView } from '@twofold/shared';
import { PrivateNotes } from '@/features/notes/components/private-notes.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceOutlet } from './space-outlet.ts';

export function NotesRoute() {
  const { docs, partner } = useSpaceOutlet();
  useDocumentTitle('Private notes');
  useAnnounceView(docs.awareness, PresenceView.notes);
  return <PrivateNotes partnerName={partner?.name ?? null} />;
}
