import { createGoal, GOAL_HORIZON_LABELS, GoalHorizon, GOAL_TITLE_MAX } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { parseValues } from '../model/values.ts';
import { DateField } from '@/components/date-field.tsx';
import { LimitedText } from '@/components/limited-text.tsx';
import { SelectField } from '@/components/select-field.tsx';

interface Props {
  doc: Y.Doc;
  userId: string;
  partnerName: string | null;
  onCreated: (id: string) => void;
  onCancel: () => void;
}

/** Starts a goal: a title, a horizon, an optional date, the values it serves; or a suggestion. */
export function NewGoal({ doc, userId, partnerName, onCreated, onCancel }: Props) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [horizon, setHorizon] = useState<GoalHorizon>(GoalHorizon.thisYear);
  const [targetOn, setTargetOn] = useState<string | null>(null);
  const [values, setValues] = useState('');
  const [propose, setPropose] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError('Give it a short name you will both recognise.');
      return;
    }
    const goalId = crypto.randomUUID();
    createGoal(doc, {
      id: goalId,
      title: title.trim(),
      horizon,
      targetOn,
      values: parseValues(values),
      proposed: propose && partnerName !== null,
      userId,
      now: Date.now(),
    });
    onCreated(goalId);
  };

  return (
    <section className="new-goal" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        A new goal
      </h2>
      <form className="new-goal__form" onSubmit={submit} noValidate>
        <div className="field new-goal__title">
          <label className="field__label" htmlFor={`${id}-title`}>
            What would you like to do together?
          </label>
          <LimitedText
            id={`${id}-title`}
            singleLine
            value={title}
            limit={GOAL_TITLE_MAX}
            placeholder="Walk the coast path"
            aria-invalid={error ? true : undefined}
            describedBy={error ? `${id}-error` : undefined}
            onChange={(next) => {
              setTitle(next);
              setError(null);
            }}
          />
          {error && (
            <p id={`${id}-error`} className="field__note field__note--error">
              {error}
            </p>
          )}
        </div>
        <SelectField label="When" value={horizon} options={GOAL_HORIZON_LABELS} onChange={setHorizon} />
        <DateField label="Target date (optional)" value={targetOn} onChange={setTargetOn} />
        <div className="field new-goal__values">
          <label className="field__label" htmlFor={`${id}-values`}>
            Values it serves
          </label>
          <input
            id={`${id}-values`}
            className="field__input"
            value={values}
            placeholder="honesty, adventure, family"
            aria-describedby={`${id}-values-note`}
            onChange={(event) => setValues(event.target.value)}
          />
          <p id={`${id}-values-note`} className="field__note">
            Separate them with commas.
          </p>
        </div>
        {partnerName && (
          <label className="goal-check new-goal__propose">
            <input type="checkbox" checked={propose} onChange={(event) => setPropose(event.target.checked)} />
            <span>Suggest it to {partnerName} first — it joins your plan once they accept</span>
          </label>
        )}
        <div className="new-goal__actions">
          <button type="submit" className="button button--primary">
            {propose && partnerName ? 'Suggest this goal' : 'Create goal'}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
