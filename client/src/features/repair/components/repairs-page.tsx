import { startRepairSchema, type RepairView } from '@twofold/shared';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '@/components/form-alert.tsx';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useRepairs, useStartRepair } from '../api/repairs.ts';
import { formatDayOfMonth } from '@/lib/dates.ts';
import { useStillHere } from '@/lib/use-still-here.ts';

interface Props {
  spaceId: string;
  selfId: string;
  partnerName: string;
}

/** Where one repair stands, said from this member's side. */
export function repairStatus(repair: RepairView, selfId: string, partnerName: string): string {
  if (repair.openedAt !== null) return 'Open to you both';
  if (repair.writtenBy.includes(selfId)) return `Your side is sealed until ${partnerName} has written`;
  if (repair.writtenBy.length > 0) return `${partnerName} has written; your turn when you are ready`;
  return 'Neither of you has written yet';
}

/** /spaces/:spaceId/repair: the repairs after hard moments, and a way to start one. */
export function RepairsPage({ spaceId, selfId, partnerName }: Props) {
  const list = useRepairs(spaceId);
  return (
    <div className="page rituals healing">
      <header className="page__header">
        <h1 className="page__title">Repair after a hard moment</h1>
        <p className="lead">
          When things went wrong between you, each of you writes your side on your own: what you felt, what
          set it off, your part in it, what you need now. Both sides open together, once you have both
          written.
        </p>
      </header>
      <StartRepair spaceId={spaceId} />
      <StaleNote queries={[list]} />
      {list.isPending ? (
        <LoadingState label="Gathering your repairs…" />
      ) : list.data === undefined ? (
        <ErrorState
          title="Repairs could not be loaded"
          message={apiErrorInfo(list.error).message}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <section className="empty empty--quiet">
          <h2 className="empty__title">No hard moments written about yet</h2>
          <p className="empty__text">
            There is no hurry. Start one when you have both cooled down enough to listen.
          </p>
        </section>
      ) : (
        <section aria-labelledby="repairs-list-title">
          <h2 id="repairs-list-title" className="ritual-section__title">
            Your repairs
          </h2>
          <ul className="ritual-list">
            {list.data.map((repair) => (
              <li key={repair.id} className="healing-row">
                <Link to={repair.id} className="healing-row__title">
                  {repair.topic}
                </Link>
                <span className="healing-row__meta">
                  {formatDayOfMonth(repair.startedAt)} · {repairStatus(repair, selfId, partnerName)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function StartRepair({ spaceId }: { spaceId: string }) {
  const [topic, setTopic] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const start = useStartRepair(spaceId);
  const navigate = useNavigate();
  const stillHere = useStillHere();
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = startRepairSchema.safeParse({ topic });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'A few words, please.');
      return;
    }
    setProblem(null);
    start.mutate(parsed.data.topic, {
      onSuccess: (repair) => {
        if (stillHere()) void navigate(repair.id);
      },
      onError: (error) => setProblem(apiErrorInfo(error).message),
    });
  };
  return (
    <form className="form ritual-panel" onSubmit={onSubmit} aria-label="Start a repair">
      <div className="field">
        <label className="field__label" htmlFor={id}>
          Which moment is this about?
        </label>
        <input
          id={id}
          className="field__input"
          placeholder="Saturday night, after the party"
          value={topic}
          onChange={(event) => setTopic(event.target.value)}
        />
        <p className="field__note">
          Only a name you will both recognise; the rest stays private until you have both written.
        </p>
      </div>
      <FormAlert>{problem}</FormAlert>
      <div>
        <button type="submit" className="button button--primary" disabled={start.isPending}>
          {start.isPending ? 'Starting…' : 'Start a repair'}
        </button>
      </div>
    </form>
  );
}
