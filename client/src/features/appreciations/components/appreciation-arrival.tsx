import { useState } from 'react';
import { Link } from 'react-router';
import { useAppreciations } from '../api/appreciations.ts';

interface Props {
  spaceId: string;
  partner: { id: string; name: string } | null;
  /** The appreciations page already shows it; no need to say it twice there. */
  quiet: boolean;
}

/**
 * A gentle notice when the partner sends an appreciation while the space is open, on whatever
 * page this person is on. Only what arrives after opening counts, so nothing old pops up;
 * it stays until read or put aside, with no sound and no count.
 */
export function AppreciationArrival({ spaceId, partner, quiet }: Props) {
  const list = useAppreciations(spaceId);
  // The newest of the partner's appreciations that was already there when the space opened.
  const [seen, setSeen] = useState<string | null | undefined>(undefined);
  const latest = partner ? list.data?.find((item) => item.authorId === partner.id) : undefined;
  if (list.data && seen === undefined) {
    setSeen(latest?.id ?? null);
    return null;
  }
  if (!partner || !latest || latest.id === seen || quiet) return null;
  return (
    <div className="appreciation-arrival" role="status" data-testid="appreciation-arrival">
      <p className="appreciation-arrival__text">
        <span className="appreciation-arrival__from">{partner.name} appreciated:</span> {latest.text}
      </p>
      <div className="appreciation-arrival__actions">
        <Link to={`/spaces/${spaceId}/appreciations`} className="button" onClick={() => setSeen(latest.id)}>
          Open
        </Link>
        <button type="button" className="button button--quiet" onClick={() => setSeen(latest.id)}>
          Close
        </button>
      </div>
    </div>
  );
}
