import { PresenceView } from '@twofold/shared';
import { Link } from 'react-router';
import { AlreadyMemberNotice } from '@/features/invites/components/already-member-notice.tsx';
import { InvitePanel } from '@/features/invites/components/invite-panel.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { PartnerLeftNotice } from './partner-left-notice.tsx';
import { SectionCard } from './section-card.tsx';
import { SPACE_SECTIONS } from './space-home-sections.tsx';
import { useSpaceOutlet } from './space-outlet.ts';

/** The space's front page: who is in it, the invite while one is missing, and its sections. */
export function SpaceHomeRoute() {
  const outlet = useSpaceOutlet();
  const { space, docs, self, partner } = outlet;
  useDocumentTitle(space.name);
  useAnnounceView(docs.awareness, PresenceView.home);
  return (
    <div className="space-home">
      <header className="page__header">
        <h1 className="page__title">{space.name}</h1>
        <p className="lead">
          {partner
            ? `You and ${partner.name} share this space.`
            : `Just you for now, ${self.name}. This space is for two.`}
        </p>
      </header>

      <AlreadyMemberNotice spaceName={space.name} />
      {!partner && space.formerMembers.length > 0 && <PartnerLeftNotice space={space} />}
      {!partner && <InvitePanel spaceId={space.id} selfId={self.id} />}

      <nav aria-label="In this space" className="sections">
        {SPACE_SECTIONS.map((section) => (
          <SectionCard key={section.path} section={section} outlet={outlet} />
        ))}
      </nav>

      <p className="space-home__more">
        <Link to="settings">This space: download your words, print for a counsellor, or leave</Link>
      </p>
    </div>
  );
}
