import { BOUNDARY_CATEGORY_LABELS } from '@twofold/shared';
import type { DragEvent } from 'react';
import { Link } from 'react-router';
import { formatDay, formatMoment } from '@/lib/dates.ts';
import { MoveButtons } from '@/components/move-buttons.tsx';
import type { BoundaryView } from '../model/boundary-view.ts';
import { StatusBadge } from './status-badge.tsx';

interface Props {
  view: BoundaryView;
  /** Who last changed the boundary, its text included: "you", the partner's name. */
  changedBy: string;
  /** For an imported boundary, who wrote it: "Written by Sam, imported". */
  writtenBy: string | null;
  partnerName: string | null;
  partnerHere: boolean;
  /** Null while the list is filtered: order only makes sense on the whole list. */
  reorder: {
    canMoveUp: boolean;
    canMoveDown: boolean;
    onMove: (direction: -1 | 1) => void;
    onDragStart: (event: DragEvent) => void;
  } | null;
}

export function BoundaryRow({ view, changedBy, writtenBy, partnerName, partnerHere, reorder }: Props) {
  const { boundary, status } = view;
  const title = boundary.title.trim() || 'Untitled boundary';
  return (
    <div
      className="boundary-row"
      data-testid="boundary-row"
      draggable={reorder !== null}
      onDragStart={reorder?.onDragStart}
    >
      <div className="boundary-row__main">
        <Link to={boundary.id} className="boundary-row__title">
          {title}
        </Link>
        <p className="boundary-row__meta">
          <span>{BOUNDARY_CATEGORY_LABELS[boundary.category]}</span>
          {view.dueForReview ? (
            <span className="review-badge">Due for review</span>
          ) : (
            boundary.reviewOn && <span>Review on {formatDay(boundary.reviewOn)}</span>
          )}
          {writtenBy && <span>{writtenBy}</span>}
          <span>
            Last changed by {changedBy}, {formatMoment(boundary.updatedAt)}
          </span>
        </p>
      </div>
      <div className="boundary-row__side">
        <StatusBadge status={status} partnerName={partnerName} />
        {partnerHere && partnerName && <span className="here-badge">{partnerName} is here</span>}
        {reorder && (
          <span className="boundary-row__move">
            <MoveButtons
              title={title}
              canMoveUp={reorder.canMoveUp}
              canMoveDown={reorder.canMoveDown}
              onMove={reorder.onMove}
            />
          </span>
        )}
      </div>
    </div>
  );
}
