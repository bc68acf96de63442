import { deleteStep, setStepDone, StepKind, updateStep, type Step, type StepPatch } from '@twofold/shared';
import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { formatDay, formatInstant } from '@/lib/dates.ts';
import { MoveButtons } from '@/components/move-buttons.tsx';
import { ownerChoices, personName, type People } from '../model/people.ts';

interface RowProps {
  doc: Y.Doc;
  goalId: string;
  step: Step;
  people: People;
  /** The drag handle, wired to the sortable list around the row. */
  handle: ReactNode;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: -1 | 1) => void;
}

/** One step: tick it, give it an owner and a due day, move or remove it (each writes to the doc). */
export function StepRow({ doc, goalId, step, people, handle, canMoveUp, canMoveDown, onMove }: RowProps) {
  const title = step.title.trim() || 'Untitled step';
  const change = (patch: StepPatch) =>
    updateStep(doc, { goalId, stepId: step.id, patch, userId: people.selfId, now: Date.now() });
  const owners = ownerChoices(people);
  const ownerKnown = owners.some((choice) => choice.value === step.owner);
  const milestone = step.kind === StepKind.milestone;
  return (
    <div className="step-row" data-testid="step-row" data-done={step.done} data-kind={step.kind}>
      {handle}
      <div className="step-row__main">
        <label className="goal-check step-row__check">
          <input
            type="checkbox"
            checked={step.done}
            onChange={(event) =>
              setStepDone(doc, {
                goalId,
                stepId: step.id,
                done: event.target.checked,
                userId: people.selfId,
                now: Date.now(),
              })
            }
          />
          <span className="step-row__title">{title}</span>
        </label>
        <p className="step-row__meta">
          {milestone && <span className="milestone-badge">Milestone</span>}
          {step.done && step.doneAt !== null && (
            <span className="step-row__done">
              {milestone ? 'Achieved' : 'Done'} {formatInstant(step.doneAt)} by{' '}
              {personName(people, step.doneBy)}
            </span>
          )}
          {!step.done && step.dueOn && <span>Due {formatDay(step.dueOn)}</span>}
        </p>
      </div>
      <div className="step-row__controls">
        <select
          className="field__input step-row__owner"
          aria-label={`Owner of “${title}”`}
          value={step.owner}
          onChange={(event) => change({ owner: event.target.value })}
        >
          {!ownerKnown && <option value={step.owner}>A former member</option>}
          {owners.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <input
          type="date"
          className="field__input step-row__due"
          aria-label={`Due date of “${title}”`}
          value={step.dueOn ?? ''}
          onChange={(event) => change({ dueOn: event.target.value || null })}
        />
        <span className="step-row__move">
          <MoveButtons title={title} canMoveUp={canMoveUp} canMoveDown={canMoveDown} onMove={onMove} />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove “${title}”`}
            onClick={() =>
              deleteStep(doc, { goalId, stepId: step.id, userId: people.selfId, now: Date.now() })
            }
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      </div>
    </div>
  );
}
