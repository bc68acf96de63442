import { PresenceView, type Space } from '@twofold/shared';
import { Link } from 'react-router';
import { LatestAppreciation } from '@/features/appreciations/components/latest-appreciation.tsx';
import { BoundariesSummary } from '@/features/boundaries/components/boundaries-summary.tsx';
import { AlreadyMemberNotice } from '@/features/invites/components/already-member-notice.tsx';
import { InvitePanel } from '@/features/invites/components/invite-panel.tsx';
import { LettersSummary } from '@/features/letters/components/letters-summary.tsx';
import { useAnnounceView } from '@/features/presence/hooks/use-announce-view.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { HealingSections } from './healing-sections.tsx';
import { useSpaceOutlet } from './space-outlet.ts';

/** The space's front page: who is in it, the invite while one is missing, and its sections. */
export function SpaceHomeRoute() {
  const { space, docs, self, partner } = useSpaceOutlet();
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
        <div className="section-card">
          <Link
            to="us-letter"
            className="section-card__title section-card__link"
            aria-describedby="section-us-letter-text"
          >
            What trust means to us
          </Link>
          <span id="section-us-letter-text" className="section-card__text">
            A letter you write together, live. Each of you sees the other’s words as they are typed.
          </span>
        </div>
        <div className="section-card">
          <Link
            to="boundaries"
            className="section-card__title section-card__link"
            aria-describedby="section-boundaries-text"
          >
            Boundaries
          </Link>
          <span id="section-boundaries-text" className="section-card__text">
            Agreements you shape together and both sign, and revisit when it is time.
          </span>
          <BoundariesSummary
            spaceId={space.id}
            doc={docs.shared.doc}
            selfId={self.id}
            partnerId={partner?.id ?? null}
          />
        </div>
        <div className="section-card">
          <Link
            to="goals"
            className="section-card__title section-card__link"
            aria-describedby="section-goals-text"
          >
            Shared goals
          </Link>
          <span id="section-goals-text" className="section-card__text">
            The future you plan as a team: goals, small steps for each of you, and what you have done
            together.
          </span>
        </div>
        <div className="section-card">
          <Link
            to="letters"
            className="section-card__title section-card__link"
            aria-describedby="section-letters-text"
          >
            Letters
          </Link>
          <span id="section-letters-text" className="section-card__text">
            Write slowly and privately, send when you are ready, or seal one until you have both written.
          </span>
          <LettersSummary spaceId={space.id} selfId={self.id} />
        </div>
        <div className="section-card">
          <Link
            to="checkins"
            className="section-card__title section-card__link"
            aria-describedby="section-checkins-text"
          >
            Weekly check-in
          </Link>
          <span id="section-checkins-text" className="section-card__text">
            A few questions each week, answered on your own and opened together once you both have.
          </span>
        </div>
        <div className="section-card">
          <Link
            to="promises"
            className="section-card__title section-card__link"
            aria-describedby="section-promises-text"
          >
            Promises
          </Link>
          <span id="section-promises-text" className="section-card__text">
            Small, concrete promises. The other one of you says when one was kept.
          </span>
        </div>
        <div className="section-card">
          <Link
            to="appreciations"
            className="section-card__title section-card__link"
            aria-describedby="section-appreciations-text"
          >
            Appreciations
          </Link>
          <span id="section-appreciations-text" className="section-card__text">
            Tell each other what you noticed and valued. It arrives on the other’s screen at once.
          </span>
          <LatestAppreciation spaceId={space.id} partner={partner} />
        </div>
        <div className="section-card">
          <Link
            to="wins"
            className="section-card__title section-card__link"
            aria-describedby="section-wins-text"
          >
            Small wins
          </Link>
          <span id="section-wins-text" className="section-card__text">
            The good things, week by week: promises kept, check-ins, boundaries agreed, thanks given.
          </span>
        </div>
        <HealingSections />
        <div className="section-card section-card--private">
          <Link
            to="notes"
            className="section-card__title section-card__link"
            aria-describedby="section-notes-text"
          >
            Private notes
          </Link>
          <span id="section-notes-text" className="section-card__text">
            Only you can see these. A place to think before you share.
          </span>
        </div>
      </nav>

      <p className="space-home__more">
        <Link to="settings">This space: download your words, print for a counsellor, or leave</Link>
      </p>
    </div>
  );
}

/** The partner has left: the space is this person's alone now, and nothing they shared is gone. */
function PartnerLeftNotice({ space }: { space: Space }) {
  const last = space.formerMembers.at(-1);
  if (!last) return null;
  const when = new Date(last.leftAt).toLocaleDateString(undefined, { dateStyle: 'long' });
  return (
    <section className="space-notice" data-testid="partner-left">
      <p className="space-notice__title">
        {last.name} left this space on {when}. It is yours alone now.
      </p>
      <p>
        What {last.name} shared is still here, marked as written by a former member. You can invite someone
        new below, or <Link to="settings">close this space</Link>.
      </p>
    </section>
  );
}
