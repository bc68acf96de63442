import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';

interface Props {
  /** The accessible name of the form and its heading, e.g. "Make a promise". */
  title: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  /** Validates and makes the thing; resolves when it exists, rejects with a sentence to show. */
  onSubmit: (text: string) => Promise<void>;
  onCancel: () => void;
  maxLength: number;
}

/** A small inline form that turns a moment of the talk into something they will do. */
export function ActionForm({ title, label, placeholder, submitLabel, onSubmit, onCancel, maxLength }: Props) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    if (!words) {
      setProblem('Write a few words first.');
      return;
    }
    setProblem(null);
    setSaving(true);
    onSubmit(words).then(
      () => setSaving(false),
      (error: unknown) => {
        setSaving(false);
        setProblem(error instanceof Error ? error.message : 'That could not be saved. Please try again.');
      },
    );
  };

  return (
    <form className="talk-action-form" aria-label={title} onSubmit={submit}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          {label}
        </label>
        <textarea
          id={`${id}-text`}
          className="field__input"
          rows={2}
          maxLength={maxLength}
          placeholder={placeholder}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <FormAlert>{problem}</FormAlert>
      <div className="talk-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Not now
        </button>
      </div>
    </form>
  );
}
