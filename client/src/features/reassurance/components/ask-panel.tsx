import type { ReassuranceRequestView } from '@twofold/shared';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { formatMoment } from '@/lib/dates.ts';
import { useAskForReassurance } from '../api/reassurance.ts';

/** "I could use some reassurance": asks the partner, then shows their answer or that they were told. */
export function AskPanel({
  spaceId,
  partnerName,
  latest,
  selfId,
}: {
  spaceId: string;
  partnerName: string;
  latest: ReassuranceRequestView | undefined;
  selfId: string;
}) {
  const ask = useAskForReassurance(spaceId);
  return (
    <section className="ritual-panel reassure-ask" aria-label="Ask for reassurance">
      <button
        type="button"
        className="button button--primary reassure-ask__button"
        disabled={ask.isPending}
        onClick={() => ask.mutate()}
      >
        I could use some reassurance
      </button>
      {ask.isError && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(ask.error).message}
        </p>
      )}
      {latest && latest.askedBy === selfId && (
        <div role="status" className="reassure-ask__status">
          {latest.answer ? (
            <>
              <p className="reassure-guide__label">
                {partnerName} answered · {formatMoment(latest.answer.at)}
              </p>
              <p className="reassure-answer">{latest.answer.message}</p>
            </>
          ) : (
            <p>
              {partnerName} has been told, with what you wrote about what helps. Breathe; you asked, and that
              counts.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
