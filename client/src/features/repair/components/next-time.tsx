import {
  BoundaryCategory,
  createBoundary,
  repairNextTimeFragment,
  type Presence,
  type RepairView,
} from '@twofold/shared';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { monthsFrom, today, formatDayOfMonth } from '@/lib/dates.ts';
import { useFragmentText } from '@/lib/yjs/use-fragment-text.ts';
import { useProposeAsPromise } from '../api/repairs.ts';

interface Props {
  spaceId: string;
  repair: RepairView;
  self: Presence['user'];
  partnerName: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The promises proposed from this repair, each with its accept step (composed in app/). */
  promises?: ReactNode;
}

/** The words a boundary title may hold; a longer "next time" keeps its start as the title. */
const TITLE_CHARS = 80;
/** A promise's words are at most this long (createPromiseSchema). */
const PROMISE_CHARS = 500;

/**
 * "What we'll do differently next time", written together, live, once both sides are open: a
 * page of the shared document (`repairNextTimeFragment`) both type into with each other's
 * caret, like the us-letter. Either may propose it as a promise (which the other accepts) or
 * as a boundary (which then asks for both signatures where boundaries are signed).
 */
export function NextTime({ spaceId, repair, self, partnerName, doc, provider, promises }: Props) {
  const fragment = useMemo(() => repairNextTimeFragment(doc, repair.id), [doc, repair.id]);
  const caret = useMemo(() => ({ provider, user: self }), [provider, self]);
  const words = useFragmentText(fragment);
  const [problem, setProblem] = useState<string | null>(null);
  const [boundaryTo, setBoundaryTo] = useState<string | null>(null);
  // Once proposed, the promise waits below for the partner; a second tap would propose it twice.
  const [promised, setPromised] = useState(false);
  const promise = useProposeAsPromise(spaceId, repair.id);
  const id = useId();
  const earlier = repair.nextTime;

  const asPromise = () => {
    setProblem(null);
    promise.mutate(words.replace(/\s+/g, ' ').trim().slice(0, PROMISE_CHARS), {
      onSuccess: () => setPromised(true),
      onError: (error) => setProblem(apiErrorInfo(error).message),
    });
  };
  const asBoundary = () => {
    const boundaryId = createBoundary(doc, {
      id: crypto.randomUUID(),
      title: words.length > TITLE_CHARS ? `${words.slice(0, TITLE_CHARS - 1)}…` : words,
      category: BoundaryCategory.communication,
      text: { honouring: [words] },
      reviewOn: monthsFrom(today(), 3),
      userId: self.id,
      now: Date.now(),
    });
    setBoundaryTo(`/spaces/${spaceId}/boundaries/${boundaryId}`);
  };

  return (
    <section className="ritual-panel repair-next-time" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="ritual-section__title">
        What we’ll do differently next time
      </h2>
      <p className="ritual-muted">
        Written together: you each see the other’s words as they are typed. Either of you can change them, now
        or later.
      </p>
      <LazyCollabEditor fragment={fragment} label="What we’ll do differently next time" caret={caret} />
      {earlier && (
        <div className="repair-earlier">
          <p className="field__note">
            Saved earlier by {earlier.by === self.id ? 'you' : partnerName} on {formatDayOfMonth(earlier.at)}:
          </p>
          <blockquote className="repair-earlier__text">{earlier.text}</blockquote>
        </div>
      )}
      <FormAlert>{problem}</FormAlert>
      {words.trim() && (
        <div className="repair-propose">
          <p className="field__note">Want to hold each other to it?</p>
          <div className="repair-steps__actions">
            {!promised && (
              <button type="button" className="button" onClick={asPromise} disabled={promise.isPending}>
                {promise.isPending ? 'Proposing…' : 'Propose it as a promise'}
              </button>
            )}
            <button type="button" className="button" onClick={asBoundary}>
              Propose it as a boundary
            </button>
          </div>
          {promised && (
            <p role="status">Proposed as a promise. It holds once {partnerName} accepts it below.</p>
          )}
          {boundaryTo && (
            <p role="status">
              Proposed as a boundary. <Link to={boundaryTo}>Open the boundary to sign it</Link>
            </p>
          )}
        </div>
      )}
      {promises}
    </section>
  );
}
