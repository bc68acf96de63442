import {
  reassuranceGuideSchema,
  type ReassuranceGuideView,
  type ReassuranceRequestView,
} from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { formatMoment } from '@/lib/dates.ts';
import { useAskForReassurance, useReassurance, useSaveGuide } from '../api/reassurance.ts';
import { AnswerRequest } from './answer-request.tsx';

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
  if (state.isError) {
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

function AskPanel({
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

function GuideRead({ guide, partnerName }: { guide: ReassuranceGuideView; partnerName: string }) {
  return (
    <div className="reassure-guide">
      {guide.helps && (
        <>
          <p className="reassure-guide__label">When {partnerName} feels unsure about you two</p>
          <p className="reassure-guide__text">{guide.helps}</p>
        </>
      )}
      {guide.words && (
        <>
          <p className="reassure-guide__label">Words {partnerName} would like to hear</p>
          <p className="reassure-guide__text">“{guide.words}”</p>
        </>
      )}
    </div>
  );
}

function GuideForm({
  spaceId,
  guide,
  partnerName,
}: {
  spaceId: string;
  guide: ReassuranceGuideView | undefined;
  partnerName: string;
}) {
  const [helps, setHelps] = useState<string | null>(null);
  const [words, setWords] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveGuide(spaceId);
  const id = useId();
  const value = { helps: helps ?? guide?.helps ?? '', words: words ?? guide?.words ?? '' };
  const dirty = value.helps !== (guide?.helps ?? '') || value.words !== (guide?.words ?? '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = reassuranceGuideSchema.safeParse(value);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'That did not work.');
      return;
    }
    setProblem(null);
    save.mutate(parsed.data, {
      onSuccess: () => {
        setHelps(null);
        setWords(null);
      },
      onError: (error) => setProblem(apiErrorInfo(error).message),
    });
  };
  return (
    <form className="form ritual-panel" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="ritual-section__title">
        Your guide, written at a calm time
      </h2>
      <p className="ritual-muted">
        {partnerName} can read this at any time; it is what they see when you ask.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-helps`}>
          What helps me when I feel unsure about us
        </label>
        <textarea
          id={`${id}-helps`}
          className="field__input"
          rows={3}
          placeholder="Tell me where you are. Sit with me. Don’t argue with the feeling."
          value={value.helps}
          onChange={(event) => setHelps(event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-words`}>
          Words I’d like to hear
        </label>
        <textarea
          id={`${id}-words`}
          className="field__input"
          rows={2}
          placeholder="I’m here. I choose you. We’re going to be all right."
          value={value.words}
          onChange={(event) => setWords(event.target.value)}
        />
      </div>
      <FormAlert>{problem}</FormAlert>
      <p className="field__note" role="status">
        {dirty ? 'Not saved yet.' : guide ? `Saved · ${formatMoment(guide.updatedAt)}` : 'Nothing saved yet.'}
      </p>
      <div>
        <button type="submit" className="button button--primary" disabled={save.isPending || !dirty}>
          {save.isPending ? 'Saving…' : 'Save my guide'}
        </button>
      </div>
    </form>
  );
}
