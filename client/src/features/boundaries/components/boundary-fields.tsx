import {
  BOUNDARY_CATEGORY_LABELS,
  boundaryCategorySchema,
  type Boundary,
  type BoundaryPatch,
  BOUNDARY_TITLE_MAX,
} from '@twofold/shared';
import { useId } from 'react';
import { LimitedText } from '@/components/limited-text.tsx';

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
      <div className="field">
        <label className="field__label" htmlFor={`${id}-category`}>
          Category
        </label>
        <select
          id={`${id}-category`}
          className="field__input"
          value={boundary.category}
          onChange={(event) => {
            const category = boundaryCategorySchema.safeParse(event.target.value);
            if (category.success) onChange({ category: category.data });
          }}
        >
          {Object.entries(BOUNDARY_CATEGORY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-review`}>
          Review on
        </label>
        <input
          id={`${id}-review`}
          className="field__input"
          type="date"
          value={boundary.reviewOn ?? ''}
          onChange={(event) => onChange({ reviewOn: event.target.value || null })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-ends`}>
          Ends on <span className="field__optional">(optional)</span>
        </label>
        <input
          id={`${id}-ends`}
          className="field__input"
          type="date"
          value={boundary.endsOn ?? ''}
          min={boundary.reviewOn ?? undefined}
          aria-describedby={`${id}-ends-note`}
          onChange={(event) => onChange({ endsOn: event.target.value || null })}
        />
        <p id={`${id}-ends-note`} className="field__note">
          For a time-limited agreement
        </p>
      </div>
    </fieldset>
  );
}
