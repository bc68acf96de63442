import {
  deleteStep,
  moveStep,
  setStepDone,
  StepKind,
  updateStep,
  type Goal,
  type Step,
  type StepPatch,
} from '@twofold/shared';
import { useState, type DragEvent } from 'react';
import type * as Y from 'yjs';
import { formatDay, formatInstant } from '../model/dates.ts';
import { ownerChoices, personName, type People } from '../model/people.ts';
import { neighboursForMove } from '../model/reorder.ts';
import { NewStep } from './new-step.tsx';

interface Props {
  doc: Y.Doc;
  goal: Goal;
  people: People;
}

/** A goal's steps and milestones: tick, own, date, reorder (drag or buttons), add, remove. */
export function StepList({ doc, goal, people }: Props) {
  const [dragging, setDragging] = useState<string | null>(null);
  const ids = goal.steps.map((step) => step.id);
  const move = (id: string, to: number) => {
    const neighbours = neighboursForMove(ids, ids.indexOf(id), to);
    if (neighbours) moveStep(doc, goal.id, id, neighbours.before, neighbours.after);
  };
  const onDrop = (event: DragEvent, targetId: string) => {
    event.preventDefault();
    if (dragging) move(dragging, ids.indexOf(targetId));
    setDragging(null);
  };

  return (
    <section className="goal__steps" aria-labelledby="goal-steps-title">
      <h2 id="goal-steps-title" className="section-title">
        Steps and milestones
      </h2>
      {goal.steps.length === 0 ? (
        <p className="muted">Break it into small steps. Each of you can take some, or share them.</p>
      ) : (
        <ol className="step-list" aria-label="Steps">
          {goal.steps.map((step, index) => (
            <li
              key={step.id}
              className="step-list__item"
              data-dragging={dragging === step.id}
              onDragOver={(event) => dragging && event.preventDefault()}
              onDrop={(event) => onDrop(event, step.id)}
            >
              {step.ok ? (
                <StepRow
                  doc={doc}
                  goalId={goal.id}
                  step={step}
                  people={people}
                  canMoveUp={index > 0}
                  canMoveDown={index < goal.steps.length - 1}
                  onMove={(direction) => move(step.id, index + direction)}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', step.id);
                    setDragging(step.id);
                  }}
                  onDragEnd={() => setDragging(null)}
                />
              ) : (
                <p className="step-row step-row--unreadable" role="note">
                  This step could not be read. It has been kept as it is.
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <NewStep doc={doc} goalId={goal.id} people={people} />
    </section>
  );
}

interface RowProps {
  doc: Y.Doc;
  goalId: string;
  step: Step;
  people: People;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: -1 | 1) => void;
  onDragStart: (event: DragEvent) => void;
  onDragEnd: () => void;
}

function StepRow({
  doc,
  goalId,
  step,
  people,
  canMoveUp,
  canMoveDown,
  onMove,
  onDragStart,
  onDragEnd,
}: RowProps) {
  const title = step.title.trim() || 'Untitled step';
  const change = (patch: StepPatch) => updateStep(doc, goalId, step.id, patch, people.selfId, Date.now());
  const owners = ownerChoices(people);
  const ownerKnown = owners.some((choice) => choice.value === step.owner);
  const milestone = step.kind === StepKind.milestone;
  return (
    <div
      className="step-row"
      data-testid="step-row"
      data-done={step.done}
      data-kind={step.kind}
      draggable
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
    >
      <span className="step-row__handle" aria-hidden="true" title="Drag to reorder">
        ⋮⋮
      </span>
      <div className="step-row__main">
        <label className="goal-check step-row__check">
          <input
            type="checkbox"
            checked={step.done}
            onChange={(event) =>
              setStepDone(doc, goalId, step.id, event.target.checked, people.selfId, Date.now())
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
          <button
            type="button"
            className="icon-button"
            aria-label={`Move “${title}” up`}
            disabled={!canMoveUp}
            onClick={() => onMove(-1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move “${title}” down`}
            disabled={!canMoveDown}
            onClick={() => onMove(1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove “${title}”`}
            onClick={() => deleteStep(doc, goalId, step.id, people.selfId, Date.now())}
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      </div>
    </div>
  );
}
