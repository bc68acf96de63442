import {
  BOUNDARY_CATEGORY_LABELS,
  BOUNDARY_STATUS_LABELS,
  moveBoundary,
  type BoundaryStatus,
} from '@twofold/shared';
import { useState, type DragEvent } from 'react';
import { useNavigate } from 'react-router';
import type * as Y from 'yjs';
import { SelectField } from '@/components/select-field.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { importedByline } from '@/lib/imported-byline.ts';
import { useBoundaries } from '../hooks/use-boundaries.ts';
import type { BoundaryListItem } from '../model/boundary-view.ts';
import { neighboursForMove } from '@/lib/reorder.ts';
import { BoundaryRow } from './boundary-row.tsx';
import { NewBoundary } from './new-boundary.tsx';
import { UnreadableNotice } from './unreadable-notice.tsx';

interface Props {
  spaceId: string;
  doc: Y.Doc;
  selfId: string;
  partner: { id: string; name: string } | null;
  /** The boundary the partner has open right now, if any. */
  partnerOn: string | null;
}

const ALL = 'all';
const DUE = 'due';
type StatusFilter = typeof ALL | typeof DUE | BoundaryStatus['kind'];

function matches(item: BoundaryListItem, status: StatusFilter, category: string): boolean {
  if (status === ALL && category === ALL) return true;
  if (!item.readable) return false;
  if (category !== ALL && item.boundary.category !== category) return false;
  if (status === DUE) return item.dueForReview;
  return status === ALL || item.status?.kind === status;
}

/** The couple's boundaries: filters, the shared order, and a way to start a new one. */
export function BoundariesOverview({ spaceId, doc, selfId, partner, partnerOn }: Props) {
  const navigate = useNavigate();
  const { items, attestationsError, refetchAttestations } = useBoundaries({
    spaceId,
    doc,
    selfId,
    partnerId: partner?.id ?? null,
  });
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<StatusFilter>(ALL);
  const [category, setCategory] = useState<string>(ALL);
  const [dragging, setDragging] = useState<string | null>(null);

  const ids = items.map((item) => item.id);
  const shown = items.filter((item) => matches(item, status, category));
  const filtered = status !== ALL || category !== ALL;
  const partnerName = partner?.name ?? null;
  const nameOf = (userId: string) =>
    userId === selfId ? 'you' : userId === partner?.id ? partner.name : 'a former member';

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
    <div className="page boundaries">
      <header className="page__header page-head">
        <div>
          <h1 className="page__title">Boundaries</h1>
          <p className="lead">
            Agreements you shape together and both sign. If either of you changes one later, it waits for both
            signatures again, and the version you agreed to is kept.
          </p>
        </div>
        {!creating && items.length > 0 && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New boundary
          </button>
        )}
      </header>

      {creating && (
        <NewBoundary
          doc={doc}
          userId={selfId}
          onCancel={() => setCreating(false)}
          onCreated={(id) => void navigate(id)}
        />
      )}

      {attestationsError != null && (
        <div className="form-alert" role="alert">
          <p>Signatures could not be loaded: {apiErrorInfo(attestationsError).message}</p>
          <button type="button" className="button" onClick={refetchAttestations}>
            Try again
          </button>
        </div>
      )}

      {items.length === 0 && !creating && (
        <section className="empty">
          <h2 className="empty__title">No boundaries yet</h2>
          <p className="empty__text">
            A boundary says, in plain words, what each of you needs to feel safe and respected — and what you
            will do if it is crossed. Begin with one that matters now; you can always revisit it.
          </p>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            Write your first boundary
          </button>
        </section>
      )}

      {items.length > 0 && (
        <>
          <div className="filters" role="group" aria-label="Filter boundaries">
            <SelectField<StatusFilter>
              label="Status"
              value={status}
              options={[
                [ALL, 'All'],
                [DUE, 'Due for review'],
                ...(Object.entries(BOUNDARY_STATUS_LABELS) as Array<[StatusFilter, string]>),
              ]}
              onChange={setStatus}
            />
            <SelectField
              label="Category"
              value={category}
              options={[[ALL, 'All'], ...Object.entries(BOUNDARY_CATEGORY_LABELS)]}
              onChange={setCategory}
            />
          </div>

          {shown.length === 0 ? (
            <section className="empty empty--quiet">
              <p className="empty__text">No boundaries match these filters.</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setStatus(ALL);
                  setCategory(ALL);
                }}
              >
                Show all
              </button>
            </section>
          ) : (
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
          )}
          {filtered && shown.length > 0 && <p className="muted">Clear the filters to change the order.</p>}
        </>
      )}
    </div>
  );
}
