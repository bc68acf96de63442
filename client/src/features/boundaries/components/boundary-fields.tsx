import {
  BOUNDARY_CATEGORY_LABELS,
  type Boundary,
  type BoundaryPatch,
  BOUNDARY_TITLE_MAX,
} from '@twofold/shared';
import { useId } from 'react';
import { DateField } from '@/components/date-field.tsx';
import { LimitedText } from '@/components/limited-text.tsx';
import { SelectField } from '@/components/select-field.tsx';

interface Props {
  boundary: Boundary;
  onChange: (patch: BoundaryPatch) => void;
  /** A retired boundary is a record: its fields are shown, not edited. */
  readOnly?: boolean;
}

/**
 * The short fields of a boundary: its name, category and dates. They are shared plain values
 * (the last change wins), unlike the long fields below, which merge both partners' typing.
 */
export function BoundaryFields({ boundary, onChange, readOnly = false }: Props) {
  const id = useId();
  return (
    <fieldset className="boundary-fields" disabled={readOnly}>
      <legend className="visually-hidden">About this boundary</legend>
      <div className="field boundary-fields__title">
        <label className="field__label" htmlFor={`${id}-title`}>
          Title
        </label>
        <LimitedText
          id={`${id}-title`}
          singleLine
          className="field__input--title"
          value={boundary.title}
          limit={BOUNDARY_TITLE_MAX}
          placeholder="Phone privacy, how we pause a fight…"
          onChange={(title) => onChange({ title })}
        />
      </div>
      <SelectField
        label="Category"
        value={boundary.category}
        options={BOUNDARY_CATEGORY_LABELS}
        onChange={(category) => onChange({ category })}
      />
      <DateField
        label="Review on"
        value={boundary.reviewOn}
        onChange={(reviewOn) => onChange({ reviewOn })}
      />
      <DateField
        label={
          <>
            Ends on <span className="field__optional">(optional)</span>
          </>
        }
        value={boundary.endsOn}
        min={boundary.reviewOn ?? undefined}
        hint="For a time-limited agreement"
        onChange={(endsOn) => onChange({ endsOn })}
      />
    </fieldset>
  );
}
