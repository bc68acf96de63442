import {
  boundariesMap,
  BOUNDARY_TEXT_FIELDS,
  BOUNDARY_TEXT_LABELS,
  deleteBoundary,
  touchBoundary,
  updateBoundary,
  type BoundaryPatch,
  type Presence,
} from '@twofold/shared';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { useRecordTextEdits } from '@/lib/yjs/use-record-text-edits.ts';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { ErrorState } from '@/components/page-state.tsx';
import { useBoundaries } from '../hooks/use-boundaries.ts';
import { AgreedTimeline } from './agreed-timeline.tsx';
import { BoundaryFields } from './boundary-fields.tsx';
import { ContentDiff } from './content-diff.tsx';
import { DeletedNotice, type JustDeleted } from './deleted-notice.tsx';
import { SignPanel } from './sign-panel.tsx';
import { StatusBadge } from './status-badge.tsx';
import { UnreadableNotice } from './unreadable-notice.tsx';

interface Props {
  spaceId: string;
  boundaryId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  self: Presence['user'];
  partner: { id: string; name: string } | null;
  /** The partner has this boundary open right now. */
  partnerHere: boolean;
}

/** One boundary: its words, written live by both, and where the agreement stands. */
export function BoundaryDetail({ spaceId, boundaryId, doc, provider, self, partner, partnerHere }: Props) {
  const { items } = useBoundaries({ spaceId, doc, selfId: self.id, partnerId: partner?.id ?? null });
  const item = items.find((entry) => entry.id === boundaryId);
  // "Last changed by" must be true of the text too, not only of the title and dates.
  useRecordTextEdits(boundariesMap(doc), boundaryId, BOUNDARY_TEXT_FIELDS, (now) =>
    touchBoundary(doc, { id: boundaryId, userId: self.id, now }),
  );
  const [deleted, setDeleted] = useState<JustDeleted | null>(null);
  // The undo holds the deleted words in memory; leaving the page (or undoing) lets them go.
  useEffect(() => (deleted ? () => deleted.forget() : undefined), [deleted]);
  const back = (
    <Link to=".." relative="path" className="button">
      All boundaries
    </Link>
  );

  if (deleted && !item) {
    return <DeletedNotice deleted={deleted} onUndo={() => setDeleted(null)} />;
  }
  if (!item) {
    return (
      <ErrorState
        title="This boundary is not here"
        message="It may have been removed, or the link is not quite right."
      >
        {back}
      </ErrorState>
    );
  }
  if (!item.readable) {
    return (
      <div className="page">
        <UnreadableNotice />
        {back}
      </div>
    );
  }

  const { boundary, status } = item;
  const partnerName = partner?.name ?? null;
  const change = (patch: BoundaryPatch) =>
    updateBoundary(doc, { id: boundary.id, patch, userId: self.id, now: Date.now() });
  const remove = () => {
    setDeleted({ title: boundary.title, ...deleteBoundary(doc, { id: boundary.id }) });
  };
  // Retired means kept as a record of what was once agreed: nothing in it changes any more.
  const readOnly = status?.kind === 'retired';

  return (
    <article className="page boundary">
      <header className="boundary__header">
        <Link to=".." relative="path" className="back-link">
          <span aria-hidden="true">←</span> All boundaries
        </Link>
        <div className="boundary__badges">
          <StatusBadge status={status} partnerName={partnerName} />
          {item.dueForReview && <span className="review-badge">Due for review</span>}
          {partnerHere && partnerName && (
            <span className="here-badge" data-testid="boundary-partner-here">
              {partnerName} is here
            </span>
          )}
        </div>
        <BoundaryFields boundary={boundary} onChange={change} readOnly={readOnly} />
      </header>

      <SignPanel
        spaceId={spaceId}
        view={item}
        partnerName={partnerName}
        onNextReview={(reviewOn) => change({ reviewOn })}
        onDelete={remove}
      />

      {status?.kind === 'changed' && item.lastAgreed && (
        <section className="boundary__changes" aria-labelledby="changes-title">
          <h2 id="changes-title" className="section-title">
            What changed since you both agreed
          </h2>
          <ContentDiff
            before={item.lastAgreed.content}
            after={item.content}
            beforeLabel="the last agreed version"
            afterLabel="the text now"
          />
        </section>
      )}

      <div className="boundary__texts">
        {BOUNDARY_TEXT_FIELDS.map((field) => (
          <section key={field} className="boundary__text">
            <h2 className="section-title">{BOUNDARY_TEXT_LABELS[field]}</h2>
            <LazyCollabEditor
              fragment={boundary.text[field]}
              label={BOUNDARY_TEXT_LABELS[field]}
              caret={{ provider, user: self }}
              readOnly={readOnly}
            />
          </section>
        ))}
      </div>

      {item.boundary.unreadableVersions > 0 && (
        <p className="muted">
          {item.boundary.unreadableVersions === 1
            ? 'One stored version could not be read. It has been kept as it is.'
            : `${item.boundary.unreadableVersions} stored versions could not be read. They have been kept as they are.`}
        </p>
      )}
      <AgreedTimeline
        versions={boundary.versions}
        attestedHashes={item.attestedHashes}
        current={item.content}
        currentHash={item.hash}
      />
      <p className="page__aside">
        <Link to="history">History of this boundary: every change, and where you both signed</Link>
      </p>
    </article>
  );
}
