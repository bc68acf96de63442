import {
  reassuranceAnswerSchema,
  type ReassuranceGuideView,
  type ReassuranceRequestView,
} from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAnswerReassurance } from '../api/reassurance.ts';

interface Props {
  spaceId: string;
  request: ReassuranceRequestView;
  partnerName: string;
  /** What the partner wrote, at a calm time, about what helps them. */
  guide: ReassuranceGuideView | undefined;
  onAnswered?: () => void;
  /** Puts the notice aside for now, when shown as one. */
  onLater?: () => void;
}

/** The partner's request with the guidance they wrote for this moment, and a short answer. */
export function AnswerRequest({ spaceId, request, partnerName, guide, onAnswered, onLater }: Props) {
  const [message, setMessage] = useState(guide?.words ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const answer = useAnswerReassurance(spaceId);
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = reassuranceAnswerSchema.safeParse({ message });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'A few words are enough.');
      return;
    }
    answer.mutate(
      { requestId: request.id, message: parsed.data.message },
      { onSuccess: () => onAnswered?.(), onError: (error) => setProblem(apiErrorInfo(error).message) },
    );
  };
  return (
    <div className="reassure-request">
      {guide?.helps ? (
        <div className="reassure-guide">
          <p className="reassure-guide__label">What helps {partnerName}, in their words</p>
          <p className="reassure-guide__text">{guide.helps}</p>
        </div>
      ) : (
        <p className="field__note">
          {partnerName} has not written what helps yet. Being near, and saying you are, is often enough.
        </p>
      )}
      <form className="form" onSubmit={onSubmit} aria-label={`Reassure ${partnerName}`}>
        <div className="field">
          <label className="field__label" htmlFor={id}>
            A few words for {partnerName}
          </label>
          <textarea
            id={id}
            className="field__input"
            rows={2}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
          {guide?.words && (
            <p className="field__note">Started with the words {partnerName} said they would like to hear.</p>
          )}
        </div>
        <FormAlert>{problem}</FormAlert>
        <div className="repair-steps__actions">
          <button type="submit" className="button button--primary" disabled={answer.isPending}>
            {answer.isPending ? 'Sending…' : `Send to ${partnerName}`}
          </button>
          {onLater && (
            <button type="button" className="button button--quiet" onClick={onLater}>
              Later
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
