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
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { formatDay, formatInstant } from '@/lib/dates.ts';
import { ownerChoices, personName, type People } from '../model/people.ts';
import { neighboursForMove } from '@/lib/reorder.ts';
import { NewStep } from './new-step.tsx';

interface Props {
  doc: Y.Doc;
  goal: Goal;
  people: People;
}

const INSTRUCTIONS = {
  draggable:
    'To move a step, press space or enter on its handle, use the up and down arrow keys, then press space or enter to drop it, or escape to cancel.',
};

/** A goal's steps and milestones: tick, own, date, reorder (drag, keyboard or buttons), add, remove. */
export function StepList({ doc, goal, people }: Props) {
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so clicks on the handle stay clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = goal.steps.map((step) => step.id);
  const move = (id: string, to: number) => {
    const neighbours = neighboursForMove(ids, ids.indexOf(id), to);
    if (neighbours)
      moveStep(doc, { goalId: goal.id, stepId: id, beforeId: neighbours.before, afterId: neighbours.after });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) move(String(active.id), ids.indexOf(String(over.id)));
  };
  const titleOf = (id: UniqueIdentifier | undefined) => {
    const step = goal.steps.find((s) => s.id === id);
    return step?.readable ? `“${step.title.trim() || 'Untitled step'}”` : 'the step';
  };
  const positionOf = (id: UniqueIdentifier | undefined) => ids.indexOf(String(id)) + 1;
  // The default announcements read out ids; these read out the step's words and place.
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${titleOf(active.id)}, step ${positionOf(active.id)} of ${ids.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(active.id)} is over position ${positionOf(over.id)} of ${ids.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(active.id)} dropped at position ${positionOf(over.id)} of ${ids.length}.` : undefined,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  return (
    <section className="goal__steps" aria-labelledby="goal-steps-title">
      <h2 id="goal-steps-title" className="section-title">
        Steps and milestones
      </h2>
      {goal.steps.length === 0 ? (
        <p className="muted">Break it into small steps. Each of you can take some, or share them.</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: INSTRUCTIONS }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol className="step-list" aria-label="Steps">
              {goal.steps.map((step, index) => (
                <SortableItem key={step.id} id={step.id} label={titleOf(step.id)}>
                  {(handle) =>
                    step.readable ? (
                      <StepRow
                        doc={doc}
                        goalId={goal.id}
                        step={step}
                        people={people}
                        handle={handle}
                        canMoveUp={index > 0}
                        canMoveDown={index < goal.steps.length - 1}
                        onMove={(direction) => move(step.id, index + direction)}
                      />
                    ) : (
                      <p className="step-row step-row--unreadable" role="note">
                        This step could not be read. It has been kept as it is.
                      </p>
                    )
                  }
                </SortableItem>
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      <NewStep doc={doc} goalId={goal.id} people={people} />
    </section>
  );
}

/** One list item that can be dragged by its handle; the row renders the handle where it wants. */
function SortableItem({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: (handle: ReactNode) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id });
  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="step-row__handle"
      {...attributes}
      {...listeners}
      aria-label={`Drag ${label} to reorder`}
    >
      <span aria-hidden="true">⋮⋮</span>
    </button>
  );
  return (
    <li
      ref={setNodeRef}
      className="step-list__item"
      data-dragging={isDragging}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {children(handle)}
    </li>
  );
}

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

function StepRow({ doc, goalId, step, people, handle, canMoveUp, canMoveDown, onMove }: RowProps) {
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
