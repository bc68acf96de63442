import { REPAIR_STEPS, type Presence, type RepairPart, type RepairView } from '@twofold/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useDropTabDraftWhen } from '@/lib/tab-draft.ts';
import { useRepairs } from '../api/repairs.ts';
import { NextTime } from './next-time.tsx';
import { repairDraftKey, RepairSteps } from './repair-steps.tsx';

interface Props {
  spaceId: string;
  repairId: string;
  self: Presence['user'];
  partnerName: string;
  /** The shared document, where "next time" is written together and can become a boundary. */
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The promises proposed from this repair (composed in app/, from the promises feature). */
  promises?: ReactNode;
}

/** One repair: this member's steps, then the wait, then both sides together and "next time". */
export function RepairDetail({ spaceId, repairId, self, partnerName, doc, provider, promises }: Props) {
  const selfId = self.id;
  const list = useRepairs(spaceId);
  // Sealed from another tab: this tab's draft of it has nothing left to send.
  const sealed = list.data?.some((item) => item.id === repairId && item.writtenBy.includes(selfId)) ?? false;
  useDropTabDraftWhen(sealed, repairDraftKey(selfId, repairId));
  if (list.isPending) return <LoadingState label="Opening this repair…" />;
  if (list.data === undefined) {
    return (
      <ErrorState
        title="This repair could not be loaded"
        message={apiErrorInfo(list.error).message}
        onRetry={() => void list.refetch()}
      />
    );
  }
  const repair = list.data.find((item) => item.id === repairId);
  if (!repair) {
    return (
      <ErrorState title="This repair is not here" message="It may have been in another space.">
        <Link to=".." relative="path" className="button">
          All repairs
        </Link>
      </ErrorState>
    );
  }
  const mine = repair.entries.find((entry) => entry.userId === selfId);
  return (
    <div className="page rituals healing">
      <header className="page__header">
        <p className="healing-kicker">Repair after a hard moment</p>
        <h1 className="page__title">{repair.topic}</h1>
      </header>
      <StaleNote queries={[list]} />
      {repair.openedAt !== null ? (
        <Opened
          repair={repair}
          self={self}
          partnerName={partnerName}
          spaceId={spaceId}
          doc={doc}
          provider={provider}
          promises={promises}
        />
      ) : mine ? (
        <>
          <p className="checkin-status" role="status">
            Your side is sealed. It opens for you both the moment {partnerName} has written theirs.
          </p>
          {mine.part && <Side title="Your side" part={mine.part} />}
        </>
      ) : (
        <>
          {repair.writtenBy.length > 0 && (
            <p className="checkin-status" role="status">
              {partnerName} has written their side. It stays sealed until you have written yours.
            </p>
          )}
          <RepairSteps spaceId={spaceId} repairId={repairId} selfId={selfId} partnerName={partnerName} />
        </>
      )}
    </div>
  );
}

function Opened({
  repair,
  self,
  partnerName,
  spaceId,
  doc,
  provider,
  promises,
}: Omit<Props, 'repairId'> & { repair: RepairView }) {
  const selfId = self.id;
  const mine = repair.entries.find((entry) => entry.userId === selfId)?.part;
  const theirs = repair.entries.find((entry) => entry.userId !== selfId)?.part;
  return (
    <>
      <p className="checkin-status checkin-status--open" role="status">
        You have both written. Read slowly; there is nothing to answer straight away.
      </p>
      <div className="repair-sides">
        {theirs && <Side title={`${partnerName}’s side`} part={theirs} />}
        {mine && <Side title="Your side" part={mine} />}
      </div>
      <NextTime
        spaceId={spaceId}
        repair={repair}
        self={self}
        partnerName={partnerName}
        doc={doc}
        provider={provider}
        promises={promises}
      />
    </>
  );
}

function Side({ title, part }: { title: string; part: RepairPart }) {
  return (
    <section className="ritual-panel repair-side" aria-label={title}>
      <h2 className="ritual-section__title">{title}</h2>
      <dl className="repair-side__steps">
        {REPAIR_STEPS.map((step) => (
          <div key={step.key}>
            <dt>{step.label}</dt>
            <dd>{part[step.key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
