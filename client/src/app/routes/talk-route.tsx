import { itemInView, PresenceView } from '@twofold/shared';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { usePeers } from '@/features/presence/hooks/use-peers.ts';
import { useMakePromise } from '@/features/promises/api/promises.ts';
import { TalkRoom } from '@/features/talks/components/talk-room.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSpaceDocsState } from '@/lib/yjs/use-space-docs.ts';
import { useSpaceOutlet } from './space-outlet.ts';

/** /spaces/:spaceId/talks/:talkId — one talk, live on both partners' screens. */
export function TalkRoute() {
  const { talkId = '' } = useParams();
  const { space, docs, self, partner } = useSpaceOutlet();
  useDocumentTitle('Talk');
  useAnnounceView(docs.awareness, `${PresenceView.talks}/${talkId}`);
  const peers = usePeers(docs.awareness);
  const { status } = useSpaceDocsState(docs);
  const partnerPeer = partner ? peers.find((peer) => peer.presence.user.id === partner.id) : undefined;
  // A talk's promise is an ordinary promise: made through the promises API, kept the usual way.
  const make = useMakePromise(space.id);
  const { mutateAsync } = make;
  const makePromise = useCallback(
    async (text: string) => {
      try {
        return (await mutateAsync({ text })).promise;
      } catch (error) {
        throw new Error(apiErrorInfo(error).message, { cause: error });
      }
    },
    [mutateAsync],
  );
  return (
    <TalkRoom
      key={talkId}
      talkId={talkId}
      doc={docs.shared.doc}
      provider={docs.shared.provider}
      self={self}
      partner={partner}
      firstSync={status === 'connecting'}
      partnerHere={itemInView(partnerPeer?.presence.view, PresenceView.talks) === talkId}
      makePromise={makePromise}
    />
  );
}
