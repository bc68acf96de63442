import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { formatMoment } from '@/lib/dates.ts';
import { useReassurance } from '../api/reassurance.ts';
import { AnswerRequest } from './answer-request.tsx';
import { AskPanel } from './ask-panel.tsx';
import { GuideForm } from './guide-form.tsx';
import { GuideRead } from './guide-read.tsx';

interface Props {
  spaceId: string;
  self: { id: string; name: string };
  partner: { id: string; name: string } | null;
}

/** /spaces/:spaceId/reassurance: each one's guide for unsure moments, and asking for reassurance. */
export function ReassurancePage({ spaceId, self, partner }: Props) {
  const state = useReassurance(spaceId);
  const partnerName = partner?.name ?? 'your partner';
  if (state.isPending) return <LoadingState label="Opening reassurance…" />;
  // Kept on screen when asking again fails: a guide may be half-written below.
  if (state.data === undefined) {
    return (
      <ErrorState
        title="Reassurance could not be loaded"
        message={apiErrorInfo(state.error).message}
        onRetry={() => void state.refetch()}
      />
    );
  }
  const { guides, requests } = state.data;
  const mine = guides.find((guide) => guide.userId === self.id);
  const theirs = partner ? guides.find((guide) => guide.userId === partner.id) : undefined;
  const myLatest = requests.find((request) => request.askedBy === self.id);
  const waiting = partner
    ? requests.filter((request) => request.askedBy === partner.id && request.answer === null)
    : [];

  return (
    <div className="page rituals healing">
      <header className="page__header">
        <h1 className="page__title">Reassurance</h1>
        <p className="lead">
          Feeling unsure is part of rebuilding trust, and asking is brave. Reassurance given again and again
          is how a new pattern forms.
        </p>
      </header>
      <StaleNote queries={[state]} />

      {waiting.map((request) => (
        <section
          key={request.id}
          className="ritual-panel reassure-arrival"
          aria-label={`${partnerName} asked`}
        >
          <p className="reassure-arrival__title">
            {partnerName} could use some reassurance · {formatMoment(request.askedAt)}
          </p>
          <AnswerRequest spaceId={spaceId} request={request} partnerName={partnerName} guide={theirs} />
        </section>
      ))}

      {partner && <AskPanel spaceId={spaceId} partnerName={partnerName} latest={myLatest} selfId={self.id} />}

      <section className="ritual-panel" aria-labelledby="reassure-theirs">
        <h2 id="reassure-theirs" className="ritual-section__title">
          What helps {partnerName}
        </h2>
        {theirs && (theirs.helps || theirs.words) ? (
          <GuideRead guide={theirs} partnerName={partnerName} />
        ) : (
          <p className="ritual-muted">
            {partnerName} has not written this yet. It will appear here when they do.
          </p>
        )}
      </section>

      <GuideForm spaceId={spaceId} guide={mine} partnerName={partnerName} />
    </div>
  );
}
