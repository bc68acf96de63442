import type { CheckinView } from '@twofold/shared';
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useDropTabDraftWhen } from '@/lib/tab-draft.ts';
import { useCurrentCheckin } from '../api/checkins.ts';
import { CheckinAnswersCard, CheckinSideBySide } from './checkin-answers.tsx';
import { checkinDraftKey, CheckinForm } from './checkin-form.tsx';

interface Props {
  spaceId: string;
  selfId: string;
  partner: { id: string; name: string } | null;
  nameOf: (userId: string) => string;
  reviewNote?: ReactNode;
}

/**
 * This week: the questions until you have answered; then your answers and a quiet "waiting";
 * then, the moment the second answer arrives (the event stream refreshes this), both together.
 */
export function CurrentCheckin({ spaceId, selfId, partner, nameOf, reviewNote }: Props) {
  const current = useCurrentCheckin(spaceId);
  if (current.isPending) return <LoadingState label="Opening this week’s check-in…" />;
  // Kept on screen when asking again fails: the form below may hold answers being written.
  if (current.data === undefined) {
    return (
      <ErrorState
        title="This week’s check-in could not be loaded"
        message={apiErrorInfo(current.error).message}
        onRetry={() => void current.refetch()}
      />
    );
  }
  return (
    <>
      <StaleNote queries={[current]} />
      <CurrentWeek
        checkin={current.data}
        spaceId={spaceId}
        selfId={selfId}
        partner={partner}
        nameOf={nameOf}
        reviewNote={reviewNote}
      />
    </>
  );
}

function CurrentWeek({
  checkin,
  spaceId,
  selfId,
  partner,
  nameOf,
  reviewNote,
}: Props & { checkin: CheckinView }) {
  const mine = checkin.entries.find((entry) => entry.userId === selfId);
  // Handed in from another tab: this tab's draft of it has nothing left to hand in.
  useDropTabDraftWhen(checkin.answeredBy.includes(selfId), checkinDraftKey(selfId, spaceId, checkin.week));
  const partnerAnswered = checkin.answeredBy.some((id) => id !== selfId);
  const partnerName = partner?.name ?? 'Your partner';

  if (checkin.openedAt !== null) {
    return (
      <section className="checkin-current" aria-labelledby="checkin-current-title">
        <h2 id="checkin-current-title" className="checkin-section__title">
          This week, together
        </h2>
        <p className="checkin-status checkin-status--open" data-testid="checkin-status">
          You have both answered. Here is what each of you wrote.
        </p>
        <CheckinSideBySide entries={checkin.entries} selfId={selfId} nameOf={nameOf} />
      </section>
    );
  }

  if (mine?.answers) {
    return (
      <section className="checkin-current" aria-labelledby="checkin-current-title">
        <h2 id="checkin-current-title" className="checkin-section__title">
          This week
        </h2>
        <p className="checkin-status" data-testid="checkin-status">
          Your answers are in. They open for both of you once {partner ? partner.name : 'your partner'} has
          answered too.
        </p>
        <CheckinAnswersCard title="Your answers" answers={mine.answers} />
      </section>
    );
  }

  return (
    <section className="checkin-current" aria-labelledby="checkin-current-title">
      <h2 id="checkin-current-title" className="checkin-section__title">
        This week
      </h2>
      <p className="checkin-status" data-testid="checkin-status">
        {partnerAnswered
          ? `${partnerName} has answered. Their answers stay closed until yours are in, then you both see both.`
          : 'Take a quiet moment. Answer as honestly as feels safe; there are no right answers.'}
      </p>
      <CheckinForm
        spaceId={spaceId}
        selfId={selfId}
        week={checkin.week}
        partnerName={partner?.name ?? null}
        reviewNote={reviewNote}
      />
    </section>
  );
}
