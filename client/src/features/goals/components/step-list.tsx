import { moveStep, type Goal } from '@twofold/shared';
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
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type * as Y from 'yjs';
import { neighboursForMove } from '@/lib/reorder.ts';
import type { People } from '../model/people.ts';
import { NewStep } from './new-step.tsx';
import { SortableItem } from './sortable-item.tsx';
import { StepRow } from './step-row.tsx';

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
