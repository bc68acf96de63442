import { useState } from 'react';
import { useReassurance } from '../api/reassurance.ts';
import { AnswerRequest } from './answer-request.tsx';

interface Props {
  spaceId: string;
  partner: { id: string; name: string } | null;
  /** The reassurance page already shows the request; no need to say it twice there. */
  quiet: boolean;
}

/**
 * A calm notice, on whatever page this member is on, the moment the partner asks for
 * reassurance: their guidance and a way to answer right there. Only requests that arrive
 * while the space is open appear here (the reassurance page lists the rest); no sound.
 */
export function ReassuranceArrival({ spaceId, partner, quiet }: Props) {
  const state = useReassurance(spaceId);
  // The newest request of the partner's that was already there when the space opened.
  const [seen, setSeen] = useState<string | null | undefined>(undefined);
  const latest = partner ? state.data?.requests.find((request) => request.askedBy === partner.id) : undefined;
  if (state.data && seen === undefined) {
    setSeen(latest?.id ?? null);
    return null;
  }
  if (!partner || !latest || latest.id === seen || latest.answer !== null || quiet) return null;
  return (
    <section
      className="reassure-arrival"
      role="status"
      aria-label="Reassurance asked"
      data-testid="reassurance-arrival"
    >
      <p className="reassure-arrival__title">{partner.name} could use some reassurance</p>
      <AnswerRequest
        spaceId={spaceId}
        request={latest}
        partnerName={partner.name}
        guide={state.data?.guides.find((guide) => guide.userId === partner.id)}
        onAnswered={() => setSeen(latest.id)}
        onLater={() => setSeen(latest.id)}
      />
    </section>
  );
}
