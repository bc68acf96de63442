import { GOAL_HORIZON_LABELS, type Goal, type GoalPatch, GOAL_TITLE_MAX } from '@twofold/shared';
import { useId, useState } from 'react';
import { parseValues } from '../model/values.ts';
import { DateField } from '@/components/date-field.tsx';
import { LimitedText } from '@/components/limited-text.tsx';
import { SelectField } from '@/components/select-field.tsx';

interface Props {
  goal: Goal;
  onChange: (patch: GoalPatch) => void;
}

/** A goal's plain fields, written to the shared doc as they change. */
export function GoalFields({ goal, onChange }: Props) {
  const id = useId();
  return (
    <div className="goal-fields">
      <div className="field goal-fields__title">
        <label className="field__label" htmlFor={`${id}-title`}>
          Title
        </label>
        <LimitedText
          id={`${id}-title`}
          singleLine
          className="goal-fields__title-input"
          value={goal.title}
          limit={GOAL_TITLE_MAX}
          onChange={(title) => onChange({ title })}
        />
      </div>
      <SelectField
        label="When"
        value={goal.horizon}
        options={GOAL_HORIZON_LABELS}
        onChange={(horizon) => onChange({ horizon })}
      />
      <DateField label="Target date" value={goal.targetOn} onChange={(targetOn) => onChange({ targetOn })} />
      {/* Remounts when the partner changes the values, so the field shows theirs. */}
      <ValuesField key={goal.values.join('\u0000')} values={goal.values} onChange={onChange} />
    </div>
  );
}

function ValuesField({
  values,
  onChange,
}: {
  values: readonly string[];
  onChange: (patch: GoalPatch) => void;
}) {
  const id = useId();
  const [text, setText] = useState(values.join(', '));
  return (
    <div className="field goal-fields__values">
      <label className="field__label" htmlFor={id}>
        Values it serves
      </label>
      <input
        id={id}
        className="field__input"
        value={text}
        placeholder="honesty, adventure, family"
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          const next = parseValues(text);
          if (next.join('\u0000') !== values.join('\u0000')) onChange({ values: next });
        }}
      />
    </div>
  );
}
