import type { Attestation } from '@twofold/shared';
import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { WinsTimeline } from './wins-timeline.tsx';

interface Props {
  spaceId: string;
  doc: Y.Doc;
  self: { id: string; name: string };
  partner: { id: string; name: string } | null;
  /** The notary's record for the space's boundaries, fetched by the route (undefined while loading). */
  boundaryAttestations: readonly Attestation[] | undefined;
  /** The trends chart, composed in by the route (features do not import each other). */
  children?: ReactNode;
}

/** /spaces/:spaceId/wins: the small wins, newest first. */
export function WinsPage({ spaceId, doc, self, partner, boundaryAttestations, children }: Props) {
  const nameOf = (userId: string) =>
    userId === self.id ? 'You' : userId === partner?.id ? partner.name : 'A former member';
  return (
    <div className="page rituals wins-page">
      <header className="page__header">
        <h1 className="page__title">Small wins</h1>
        <p className="lead">
          Trust comes back in droplets. Here are yours, newest first: the promises kept, the check-ins you
          answered together, the boundaries you agreed and the thanks you gave.
        </p>
      </header>
      {children}
      <WinsTimeline
        spaceId={spaceId}
        doc={doc}
        selfId={self.id}
        nameOf={nameOf}
        boundaryAttestations={boundaryAttestations}
      />
    </div>
  );
}
