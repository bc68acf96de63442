import { checkinAnswersSchema, type CheckinAnswers } from '@twofold/shared';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { fieldsLike, tabDraftKey, useTabDraft } from '@/lib/tab-draft.ts';
import { useAnswerCheckin } from '../api/checkins.ts';

const TEXTS = [
  { key: 'appreciations', label: 'What I appreciated about you this week' },
  { key: 'wentWell', label: 'What went well' },
  { key: 'hard', label: 'What was hard' },
  { key: 'needNextWeek', label: 'What I need next week' },
  { key: 'boundaryToReview', label: 'A boundary I’d like us to revisit (optional)' },
] as const;

const SCORES = [
  { key: 'safe', label: 'How safe I felt' },
  { key: 'trusting', label: 'How trusting I felt' },
  { key: 'connected', label: 'How connected I felt' },
] as const;

const EMPTY: CheckinAnswers = {
  appreciations: '',
  wentWell: '',
  hard: '',
  needNextWeek: '',
  boundaryToReview: '',
  safe: 5,
  trusting: 5,
  connected: 5,
};

const readDraft = fieldsLike(EMPTY, checkinAnswersSchema);

/** Where this tab keeps `selfId`'s unsent answers for `week` (lib/tab-draft.ts). */
export const checkinDraftKey = (selfId: string, spaceId: string, week: string) =>
  tabDraftKey(selfId, 'checkin', spaceId, week);

interface Props {
  spaceId: string;
  selfId: string;
  /** The week being answered: a draft belongs to its week, not to whichever comes next. */
  week: string;
  partnerName: string | null;
  /** Which boundaries are due for review, composed in by the route. */
  reviewNote?: ReactNode;
}

/** This week's questions, answered privately. Nothing leaves this form until it is handed in. */
export function CheckinForm({ spaceId, selfId, week, partnerName, reviewNote }: Props) {
  // Kept through a reload in this tab until handed in (lib/tab-draft.ts).
  const [answers, setAnswers, clearDraft] = useTabDraft(
    checkinDraftKey(selfId, spaceId, week),
    EMPTY,
    readDraft,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const answer = useAnswerCheckin(spaceId, clearDraft);
  const baseId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = checkinAnswersSchema.safeParse(answers);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Please check your answers.');
      return;
    }
    setProblem(null);
    answer.mutate(parsed.data, { onError: (error) => setProblem(apiErrorInfo(error).message) });
  };

  return (
    <form className="form checkin-form" onSubmit={onSubmit} aria-label="Your check-in">
      {TEXTS.map(({ key, label }) => (
        <div key={key} className="field">
          <label className="field__label" htmlFor={`${baseId}-${key}`}>
            {label}
          </label>
          {key === 'boundaryToReview' && reviewNote}
          <textarea
            id={`${baseId}-${key}`}
            className="field__input checkin-form__text"
            rows={3}
            value={answers[key] ?? ''}
            onChange={(event) => setAnswers({ ...answers, [key]: event.target.value })}
          />
        </div>
      ))}
      <fieldset className="checkin-form__scores">
        <legend className="field__label">This week, from 0 (not at all) to 10 (completely)</legend>
        {SCORES.map(({ key, label }) => (
          <div key={key} className="checkin-score">
            <label htmlFor={`${baseId}-${key}`} className="checkin-score__label">
              {label}
            </label>
            <input
              id={`${baseId}-${key}`}
              type="range"
              min={0}
              max={10}
              step={1}
              className="checkin-score__range"
              value={answers[key]}
              aria-valuetext={`${answers[key]} out of 10`}
              onChange={(event) => setAnswers({ ...answers, [key]: Number(event.target.value) })}
            />
            <output htmlFor={`${baseId}-${key}`} className="checkin-score__value">
              {answers[key]}
            </output>
          </div>
        ))}
      </fieldset>
      <FormAlert>{problem}</FormAlert>
      <p className="field__note">
        {partnerName
          ? `${partnerName} sees your answers only once they have answered too, and then you both see both. Once handed in, answers stay as they are.`
          : 'Your answers stay private until your partner has answered too. Once handed in, answers stay as they are.'}
      </p>
      <button type="submit" className="button button--primary" disabled={answer.isPending}>
        {answer.isPending ? 'Handing in…' : 'Hand in my check-in'}
      </button>
    </form>
  );
}
