import { moveBoundary } from '@twofold/shared';
import { useState, type DragEvent } from 'react';
import type * as Y from 'yjs';
import { importedByline } from '@/lib/imported-byline.ts';
import { neighboursForMove } from '@/lib/reorder.ts';
import type { BoundaryListItem } from '../model/boundary-view.ts';
import { BoundaryRow } from './boundary-row.tsx';
import { UnreadableNotice } from './unreadable-notice.tsx';

interface Props {
  doc: Y.Doc;
  /** Every item in the shared order; the moves are computed against these. */
  items: readonly BoundaryListItem[];
  /** The items to show (all of them unless filtered). */
  shown: readonly BoundaryListItem[];
  /** Reordering is offered only on the whole, unfiltered list. */
  filtered: boolean;
  partnerName: string | null;
  /** The boundary the partner has open right now, if any. */
  partnerOn: string | null;
  nameOf: (userId: string) => string;
}

/** The boundaries in their shared order, moved by buttons or by dragging (writes the order to the doc). */
export function BoundaryList({ doc, items, shown, filtered, partnerName, partnerOn, nameOf }: Props) {
  const [dragging, setDragging] = useState<string | null>(null);
  const ids = items.map((item) => item.id);

  const move = (id: string, to: number) => {
    const neighbours = neighboursForMove(ids, ids.indexOf(id), to);
    if (neighbours) moveBoundary(doc, { id, beforeId: neighbours.before, afterId: neighbours.after });
  };
  const onDrop = (event: DragEvent, targetId: string) => {
    event.preventDefault();
    if (dragging) move(dragging, ids.indexOf(targetId));
    setDragging(null);
  };

  return (
    <ol className="boundary-list" aria-label="Your boundaries">
      {shown.map((item, index) => (
        <li
          key={item.id}
          className="boundary-list__item"
          data-dragging={dragging === item.id}
          onDragOver={(event) => dragging && event.preventDefault()}
          onDrop={(event) => onDrop(event, item.id)}
        >
          {item.readable ? (
            <BoundaryRow
              view={item}
              changedBy={nameOf(item.boundary.updatedBy)}
              writtenBy={importedByline(item.boundary, nameOf)}
              partnerName={partnerName}
              partnerHere={partnerOn === item.id}
              reorder={
                filtered
                  ? null
                  : {
                      canMoveUp: index > 0,
                      canMoveDown: index < shown.length - 1,
                      onMove: (direction) => move(item.id, index + direction),
                      onDragStart: (event) => {
                        event.dataTransfer.effectAllowed = 'move';
                        setDragging(item.id);
                      },
                    }
              }
            />
          ) : (
            <UnreadableNotice />
          )}
        </li>
      ))}
    </ol>
  );
}
