import {
  BOUNDARY_CATEGORY_LABELS,
  BOUNDARY_TEMPLATES,
  BoundaryCategory,
  createBoundary,
  type BoundaryTemplate,
  BOUNDARY_TITLE_MAX,
} from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { monthsFrom, today } from '@/lib/dates.ts';
import { LimitedText } from '@/components/limited-text.tsx';
import { SelectField } from '@/components/select-field.tsx';

interface Props {
  doc: Y.Doc;
  userId: string;
  onCreated: (id: string) => void;
  onCancel: () => void;
}

/** Starts a boundary from a blank page or from one of the starter templates. */
export function NewBoundary({ doc, userId, onCreated, onCancel }: Props) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<BoundaryCategory>(BoundaryCategory.communication);
  const [error, setError] = useState<string | null>(null);

  const create = (template?: BoundaryTemplate) => {
    const boundaryId = crypto.randomUUID();
    createBoundary(doc, {
      id: boundaryId,
      title: template?.title ?? title.trim(),
      category: template?.category ?? category,
      text: template?.text,
      reviewOn: monthsFrom(today(), 3),
      userId,
      now: Date.now(),
    });
    onCreated(boundaryId);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError('Give it a short name you will both recognise.');
      return;
    }
    create();
  };

  return (
    <section className="new-boundary" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        A new boundary
      </h2>
      <form className="new-boundary__form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-title`}>
            What is it about?
          </label>
          <LimitedText
            id={`${id}-title`}
            singleLine
            value={title}
            limit={BOUNDARY_TITLE_MAX}
            placeholder="How we pause a fight"
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
        <SelectField
          label="Category"
          value={category}
          options={BOUNDARY_CATEGORY_LABELS}
          onChange={setCategory}
        />
        <div className="new-boundary__actions">
          <button type="submit" className="button button--primary">
            Start writing
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>

      <h3 className="new-boundary__or">Or begin from a starting point</h3>
      <p className="muted">Every word is yours to change. They are only a place to begin the conversation.</p>
      <ul className="templates">
        {BOUNDARY_TEMPLATES.map((template) => (
          <li key={template.key} className="template">
            <div>
              <p className="template__title">{template.title}</p>
              <p className="template__text">{template.text.meaning[0]}</p>
            </div>
            <button
              type="button"
              className="button"
              aria-label={`Start from “${template.title}”`}
              onClick={() => create(template)}
            >
              Start from this
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
