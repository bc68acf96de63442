import { useState } from 'react';
import { useNavigate } from 'react-router';
import type * as Y from 'yjs';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useBoundaries } from '../hooks/use-boundaries.ts';
import { ALL, matchesFilters, type StatusFilter } from '../model/boundary-filter.ts';
import { BoundaryFilters } from './boundary-filters.tsx';
import { BoundaryList } from './boundary-list.tsx';
import { NewBoundary } from './new-boundary.tsx';

interface Props {
  spaceId: string;
  doc: Y.Doc;
  selfId: string;
  partner: { id: string; name: string } | null;
  /** The boundary the partner has open right now, if any. */
  partnerOn: string | null;
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

  const shown = items.filter((item) => matchesFilters(item, status, category));
  const filtered = status !== ALL || category !== ALL;
  const partnerName = partner?.name ?? null;
  const nameOf = (userId: string) =>
    userId === selfId ? 'you' : userId === partner?.id ? partner.name : 'a former member';

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
          <BoundaryFilters
            status={status}
            category={category}
            onStatus={setStatus}
            onCategory={setCategory}
          />

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
            <BoundaryList
              doc={doc}
              items={items}
              shown={shown}
              filtered={filtered}
              partnerName={partnerName}
              partnerOn={partnerOn}
              nameOf={nameOf}
            />
          )}
          {filtered && shown.length > 0 && <p className="muted">Clear the filters to change the order.</p>}
        </>
      )}
    </div>
  );
}
