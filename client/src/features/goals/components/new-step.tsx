import { addStep, BOTH_OWNERS, StepKind, stepKindSchema, GOAL_TITLE_MAX } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { ownerChoices, type People } from '../model/people.ts';
import { LimitedText } from '@/components/limited-text.tsx';

interface Props {
  doc: Y.Doc;
  goalId: string;
  people: People;
}

/** Adds a step or milestone at the end of a goal's list; the form stays open for the next. */
export function NewStep({ doc, goalId, people }: Props) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState<string>(BOTH_OWNERS);
  const [kind, setKind] = useState<StepKind>(StepKind.step);
  const [dueOn, setDueOn] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    addStep(doc, {
      goalId,
      id: crypto.randomUUID(),
      title: title.trim(),
      owner,
      kind,
      dueOn: dueOn || null,
      userId: people.selfId,
      now: Date.now(),
    });
    setTitle('');
    setDueOn('');
  };

  return (
    <form className="new-step" onSubmit={submit} aria-label="Add a step">
      <div className="field new-step__title">
        <label className="field__label" htmlFor={`${id}-title`}>
          New step
        </label>
        <LimitedText
          id={`${id}-title`}
          singleLine
          value={title}
          limit={GOAL_TITLE_MAX}
          placeholder="Book the first weekend"
          onChange={setTitle}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-owner`}>
          Who
        </label>
        <select
          id={`${id}-owner`}
          className="field__input"
          value={owner}
          onChange={(event) => setOwner(event.target.value)}
        >
          {ownerChoices(people).map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-kind`}>
          Kind
        </label>
        <select
          id={`${id}-kind`}
          className="field__input"
          value={kind}
          onChange={(event) => {
            const parsed = stepKindSchema.safeParse(event.target.value);
            if (parsed.success) setKind(parsed.data);
          }}
        >
          <option value={StepKind.step}>Step</option>
          <option value={StepKind.milestone}>Milestone</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-due`}>
          Due (optional)
        </label>
        <input
          id={`${id}-due`}
          type="date"
          className="field__input"
          value={dueOn}
          onChange={(event) => setDueOn(event.target.value)}
        />
      </div>
      <button type="submit" className="button new-step__add" disabled={!title.trim()}>
        Add step
      </button>
    </form>
  );
}
