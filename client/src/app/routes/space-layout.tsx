import { useQueryClient } from '@tanstack/react-query';
import { colorForMember, type Presence, type Space } from '@twofold/shared';
import { useEffect, useMemo } from 'react';
import { Link, Outlet, useMatch, useParams } from 'react-router';
import { preloadEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { SyncStatusIndicator } from '@/components/sync-status-indicator.tsx';
import { AppreciationArrival } from '@/features/appreciations/components/appreciation-arrival.tsx';
import { ReassuranceArrival } from '@/features/reassurance/components/reassurance-arrival.tsx';
import { PartnerPresence } from '@/features/presence/components/partner-presence.tsx';
import { usePeers } from '@/features/presence/hooks/use-peers.ts';
import { useRefreshMembers } from '@/features/spaces/hooks/use-refresh-members.ts';
import { meQueryOptions, type Me } from '@/lib/session/me.ts';
import { useRecheckSession } from '@/lib/session/use-recheck-session.ts';
import { partnerNews } from '@/lib/space-events/partner-news.ts';
import { useRefreshWhenSyncedAgain } from '@/lib/space-events/use-refresh-when-synced-again.ts';
import { useSpaceEventStream } from '@/lib/space-events/use-space-event-stream.ts';
import { useLiveAnnouncer } from '@/components/live-announcer.tsx';
import { SpaceDocsContext } from '@/lib/yjs/space-docs-context.ts';
import { useSpaceDocs, useSpaceDocsState } from '@/lib/yjs/use-space-docs.ts';
import type { SpaceOutlet } from './space-outlet.ts';
import { useSignedIn } from './use-signed-in.ts';

/** /spaces/:spaceId — owns the space's live documents for every page inside it. */
export function SpaceLayout() {
  const { spaceId = '' } = useParams();
  const me = useSignedIn();
  const space = me.spaces.find((s) => s.id === spaceId);
  if (!space) {
    return (
      <ErrorState
        title="This space is not available"
        message="It may not exist, or you are not one of its members."
      >
        <Link to="/" className="button">
          Go to your space
        </Link>
      </ErrorState>
    );
  }
  return <OpenSpace key={space.id} me={me} space={space} />;
}

function OpenSpace({ me, space }: { me: Me; space: Space }) {
  const { id, name } = me.user;
  const memberIds = space.members.map((member) => member.id).join(' ');
  const self = useMemo(
    () => ({ id, name, color: colorForMember(id, memberIds.split(' ')) }),
    [id, name, memberIds],
  );
  // No place until a page announces one: a space opened straight onto a private page must
  // not say "on the space home" first, and the page itself decides what may be named.
  const presence = useMemo<Presence>(() => ({ user: self }), [self]);
  const docs = useSpaceDocs(id, space.id, presence);
  if (!docs) return <LoadingState label="Opening your space…" />;
  return (
    <SpaceDocsContext.Provider value={docs}>
      <SpaceFrame docs={docs} space={space} self={self} />
    </SpaceDocsContext.Provider>
  );
}

function SpaceFrame({ docs, space, self }: Omit<SpaceOutlet, 'partner'>) {
  const state = useSpaceDocsState(docs);
  const peers = usePeers(docs.awareness);
  const queryClient = useQueryClient();
  const onSubPage = useMatch('/spaces/:spaceId') === null;
  const onAppreciations = useMatch('/spaces/:spaceId/appreciations') !== null;
  const onReassurance = useMatch('/spaces/:spaceId/reassurance') !== null;
  const partner = space.members.find((member) => member.id !== self.id) ?? null;

  useRefreshMembers(
    space.members.map((member) => member.id),
    peers.map((peer) => peer.presence.user.id),
  );
  useRecheckSession(state.status === 'offline');
  useRefreshWhenSyncedAgain(space.id, state.status);
  const [announcer, announce] = useLiveAnnouncer();
  const partnerName = partner?.name ?? 'your partner';
  useSpaceEventStream(space.id, (event) => {
    const news = partnerNews(event, partnerName);
    if (news) announce(news);
  });
  useEffect(preloadEditor, []);
  useEffect(() => {
    // The server ended this session or membership: let GET /api/me decide where to go next.
    if (state.ended === 'session' || state.ended === 'membership')
      void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
  }, [state.ended, queryClient]);

  if (state.ended === 'membership') {
    return (
      <ErrorState
        title="You are no longer a member of this space"
        message="Nothing was deleted from the space; you just cannot open it from this account any more."
      >
        <Link to="/" className="button">
          Go to Twofold
        </Link>
      </ErrorState>
    );
  }
  if (!state.localLoaded) return <LoadingState label="Opening your space…" />;

  const outlet: SpaceOutlet = { space, docs, self, partner };
  return (
    <div className="space">
      <div className="space-bar">
        {onSubPage && (
          <Link to={`/spaces/${space.id}`} className="space-bar__back">
            <span aria-hidden="true">←</span> {space.name}
          </Link>
        )}
        <PartnerPresence partner={partner} selfId={self.id} peers={peers} />
        {/* When the space is full the notice below says where edits are; "will sync" would not be true. */}
        {state.ended !== 'full' && <SyncStatusIndicator status={state.status} />}
      </div>
      {state.ended === 'full' && (
        <section className="space-notice space-full" role="status" aria-label="Storage limit reached">
          <p className="space-notice__title">This space has reached its storage limit</p>
          <p>
            Everything saved so far is safe. New changes stay on this device for now and will not reach your
            partner.
          </p>
        </section>
      )}
      {announcer}
      <AppreciationArrival spaceId={space.id} partner={partner} quiet={onAppreciations || !onSubPage} />
      <ReassuranceArrival spaceId={space.id} partner={partner} quiet={onReassurance} />
      <Outlet context={outlet} />
    </div>
  );
}
