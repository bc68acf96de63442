import type { ReactNode } from 'react';
import { LatestAppreciation } from '@/features/appreciations/components/latest-appreciation.tsx';
import { BoundariesSummary } from '@/features/boundaries/components/boundaries-summary.tsx';
import { LettersSummary } from '@/features/letters/components/letters-summary.tsx';
import { LiveTalkNotice } from '@/features/talks/components/live-talk-notice.tsx';
import type { SpaceOutlet } from './space-outlet.ts';

/** One card on the space home: a link to a section, what it is for, and an optional live line. */
export interface SpaceSection {
  /** The route under the space, also the card's id (`section-${path}-text`). */
  path: string;
  title: string;
  description: string;
  /** Drawn as the private card: only this person sees what is behind it. */
  private?: boolean;
  /** A small live summary under the description (for example "2 to sign"). */
  summary?: (outlet: SpaceOutlet) => ReactNode;
}

/**
 * The space home's sections, in the order they are shown. A new section is one more entry here
 * (the private notes stay last: they are the one place that is not shared).
 */
export const SPACE_SECTIONS: readonly SpaceSection[] = [
  {
    path: 'us-letter',
    title: 'What trust means to us',
    description: 'A letter you write together, live. Each of you sees the other’s words as they are typed.',
  },
  {
    path: 'boundaries',
    title: 'Boundaries',
    description: 'Agreements you shape together and both sign, and revisit when it is time.',
    summary: ({ space, docs, self, partner }) => (
      <BoundariesSummary
        spaceId={space.id}
        doc={docs.shared.doc}
        selfId={self.id}
        partnerId={partner?.id ?? null}
      />
    ),
  },
  {
    path: 'goals',
    title: 'Shared goals',
    description:
      'The future you plan as a team: goals, small steps for each of you, and what you have done together.',
  },
  {
    path: 'letters',
    title: 'Letters',
    description:
      'Write slowly and privately, send when you are ready, or seal one until you have both written.',
    summary: ({ space, self }) => <LettersSummary spaceId={space.id} selfId={self.id} />,
  },
  {
    path: 'checkins',
    title: 'Weekly check-in',
    description: 'A few questions each week, answered on your own and opened together once you both have.',
  },
  {
    path: 'promises',
    title: 'Promises',
    description: 'Small, concrete promises. The other one of you says when one was kept.',
  },
  {
    path: 'appreciations',
    title: 'Appreciations',
    description: 'Tell each other what you noticed and valued. It arrives on the other’s screen at once.',
    summary: ({ space, partner }) => <LatestAppreciation spaceId={space.id} partner={partner} />,
  },
  {
    path: 'talks',
    title: 'Talks',
    description:
      'Talk together, live, each on your own device: one speaks, the other says back what they heard.',
    summary: ({ docs, self, partner }) => (
      <LiveTalkNotice doc={docs.shared.doc} selfId={self.id} partnerName={partner?.name ?? null} />
    ),
  },
  {
    path: 'wins',
    title: 'Small wins',
    description: 'The good things, week by week: promises kept, check-ins, boundaries agreed, thanks given.',
  },
  {
    path: 'repair',
    title: 'Repair after a hard moment',
    description: 'Each of you writes your side on your own; both open together once you have both written.',
  },
  {
    path: 'reassurance',
    title: 'Reassurance',
    description: 'What helps each of you when you feel unsure, and one tap to ask for it.',
  },
  {
    path: 'forgiveness',
    title: 'Forgiveness',
    description: 'Name what hurt. Where it stands is for the one who was hurt to say, in their own time.',
  },
  {
    path: 'journal',
    title: 'Reflection journal',
    description:
      'Only you can see this. Gentle questions for your own healing, beside the work you do together.',
    private: true,
  },
  {
    path: 'notes',
    title: 'Private notes',
    description: 'Only you can see these. A place to think before you share.',
    private: true,
  },
];
