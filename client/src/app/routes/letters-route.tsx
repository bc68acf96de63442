import { PresenceView } from '@twofold/shared';
import { Route, Routes, useMatch, useParams } from 'react-router';
import { DraftEditor } from '@/features/letters/components/draft-editor.tsx';
import { LetterThread } from '@/features/letters/components/letter-thread.tsx';
import { LettersOverview } from '@/features/letters/components/letters-overview.tsx';
import { NewLetter } from '@/features/letters/components/new-letter.tsx';
import { PairOpening } from '@/features/letters/components/pair-opening.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceDocsState } from '@/lib/yjs/use-space-docs.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/letters/* — drafts, inbox, sent, sealed pairs and their opening. */
export function LettersRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
  const { status } = useSpaceDocsState(docs);
  useDocumentTitle('Letters');
  // A letter being written is private until it is sent: the partner sees only "online".
  const startingOne = useMatch('/spaces/:spaceId/letters/new');
  const inDraft = useMatch('/spaces/:spaceId/letters/drafts/*');
  useAnnounceView(docs.awareness, startingOne || inDraft ? PresenceView.letterDraft : PresenceView.letters);
  const privateDoc = docs.private.doc;
  return (
    <Routes>
      <Route
        index
        element={
          <LettersOverview spaceId={space.id} selfId={self.id} partner={partner} privateDoc={privateDoc} />
        }
      />
      <Route path="new" element={<NewLetter privateDoc={privateDoc} partner={partner} />} />
      <Route
        path="drafts/:draftId"
        element={<DraftRoute privateDoc={privateDoc} partner={partner} firstSync={status === 'connecting'} />}
      />
      <Route
        path="together/:pairId"
        element={<PairRoute spaceId={space.id} selfId={self.id} partner={partner} />}
      />
      <Route
        path=":letterId"
        element={
          <ThreadRoute spaceId={space.id} selfId={self.id} partner={partner} privateDoc={privateDoc} />
        }
      />
    </Routes>
  );
}

function DraftRoute(props: Omit<Parameters<typeof DraftEditor>[0], 'draftId'>) {
  const { draftId = '' } = useParams();
  return <DraftEditor key={draftId} draftId={draftId} {...props} />;
}

function ThreadRoute(props: Omit<Parameters<typeof LetterThread>[0], 'letterId'>) {
  const { letterId = '' } = useParams();
  return <LetterThread key={letterId} letterId={letterId} {...props} />;
}

function PairRoute(props: Omit<Parameters<typeof PairOpening>[0], 'pairId'>) {
  const { pairId = '' } = useParams();
  return <PairOpening key={pairId} pairId={pairId} {...props} />;
}
