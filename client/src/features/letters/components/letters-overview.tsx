import type { LetterDraftEntry, LetterView, Member } from '@twofold/shared';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { ItemBoundary } from '@/components/item-boundary.tsx';
import { formatMoment } from '@/lib/dates.ts';
import { UnreadableLetter } from './unreadable-letter.tsx';
import { useLetters } from '../api/letters.ts';
import { useLetterDrafts } from '../hooks/use-letter-drafts.ts';
import { useRefetchWhenDue } from '../hooks/use-refetch-when-due.ts';
import { isSealedNow, letterSections, titleOf } from '../model/letter-lists.ts';
import { PairCard } from './pair-card.tsx';
import { LetterStateNote } from './letter-notes.tsx';
import { StaleNote } from './stale-note.tsx';
import { ThreadList } from './thread-list.tsx';

interface Props {
  spaceId: string;
  selfId: string;
  partner: Member | null;
  privateDoc: Y.Doc;
}

/** /spaces/:spaceId/letters: drafts, letters written together, inbox, sent and letters to open later. */
export function LettersOverview({ spaceId, selfId, partner, privateDoc }: Props) {
  const letters = useLetters(spaceId);
  const drafts = useLetterDrafts(privateDoc);
  useRefetchWhenDue(
    letters.data?.letters,
    letters.data?.now ?? 0,
    letters.data?.clockOffset ?? 0,
    letters.refetch,
  );
  const partnerName = partner?.name ?? 'your partner';
  return (
    <div className="page letters">
      <header className="page__header page-head">
        <div>
          <h1 className="page__title">Letters</h1>
          <p className="lead">
            Write slowly and in private; send when you are ready. A letter can also wait for a date, or be
            written together with {partnerName} and opened at the same moment.
          </p>
        </div>
        <Link className="button button--primary" to="new">
          Write a letter
        </Link>
      </header>

      <Drafts drafts={drafts} />

      {letters.data ? (
        <>
          {letters.isError && <StaleNote />}
          <Sent
            sections={letterSections(letters.data.letters, letters.data.pairs, selfId, letters.data.now)}
            sealed={(letter) => isSealedNow(letter, letters.data.pairs, letters.data.now)}
            selfId={selfId}
            partnerName={partnerName}
            privateDoc={privateDoc}
            drafts={drafts}
          />
        </>
      ) : letters.isError ? (
        <ErrorState
          title="Letters could not be loaded"
          message={apiErrorInfo(letters.error).message}
          onRetry={() => void letters.refetch()}
        />
      ) : (
        <LoadingState label="Gathering your letters…" />
      )}
    </div>
  );
}

function Drafts({ drafts }: { drafts: readonly LetterDraftEntry[] }) {
  if (drafts.length === 0) return null;
  return (
    <section className="letters__section" aria-labelledby="letters-drafts">
      <h2 id="letters-drafts" className="section-title">
        Your drafts
      </h2>
      <p className="muted letters__note">
        Only you can see these. They are saved as you write, even offline.
      </p>
      <ul className="letter-list">
        {drafts.map((draft) => (
          <li key={draft.id} className="letter-item" data-testid="letter-draft">
            {draft.readable ? (
              <Link className="letter-item__link" to={`drafts/${draft.id}`}>
                <span className="letter-item__title">{draft.title || 'Untitled draft'}</span>
                <span className="letter-item__meta">
                  {draft.pairId ? 'Written together · ' : draft.replyTo ? 'Reply · ' : ''}
                  Last changed {formatMoment(draft.updatedAt)}
                </span>
              </Link>
            ) : (
              <p className="letter-item__unreadable">
                This draft could not be read. It has been kept as it is.
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface SentProps {
  sections: ReturnType<typeof letterSections>;
  sealed: (letter: LetterView) => boolean;
  selfId: string;
  partnerName: string;
  privateDoc: Y.Doc;
  drafts: readonly LetterDraftEntry[];
}

function Sent({ sections, sealed, selfId, partnerName, privateDoc, drafts }: SentProps) {
  const nothingYet =
    sections.inbox.length === 0 &&
    sections.sent.length === 0 &&
    sections.waiting.length === 0 &&
    sections.pairs.length === 0;
  if (nothingYet) {
    return (
      <section className="empty">
        <h2 className="empty__title">No letters yet</h2>
        <p className="empty__text">
          A first letter can be short. “What trust means to me” is a good place to start; there are prompts
          for repair, appreciation and the future too.
        </p>
        <Link className="button" to="new">
          Choose a prompt
        </Link>
      </section>
    );
  }
  return (
    <>
      {sections.pairs.length > 0 && (
        <section className="letters__section" aria-labelledby="letters-together">
          <h2 id="letters-together" className="section-title">
            Written together
          </h2>
          <ul className="letter-list">
            {sections.pairs.map(({ pair, letters }) => (
              <li key={pair.id}>
                <PairCard
                  pair={pair}
                  letters={letters}
                  selfId={selfId}
                  partnerName={partnerName}
                  privateDoc={privateDoc}
                  myDraft={drafts.find((draft) => draft.readable && draft.pairId === pair.id)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {sections.waiting.length > 0 && (
        <section className="letters__section" aria-labelledby="letters-waiting">
          <h2 id="letters-waiting" className="section-title">
            Waiting for their day
          </h2>
          <ul className="letter-list">
            {sections.waiting.map((letter) => (
              <li key={letter.id}>
                <ItemBoundary fallback={<UnreadableLetter />}>
                  <WaitingLetter letter={letter} selfId={selfId} />
                </ItemBoundary>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ThreadList
        id="letters-inbox"
        title="Inbox"
        threads={sections.inbox}
        from="partner"
        partnerName={partnerName}
        sealed={sealed}
      >
        Nothing from {partnerName} yet.
      </ThreadList>
      <ThreadList
        id="letters-sent"
        title="Sent"
        threads={sections.sent}
        from="self"
        partnerName={partnerName}
        sealed={sealed}
      >
        You have not sent a letter yet.
      </ThreadList>
    </>
  );
}

function WaitingLetter({ letter, selfId }: { letter: LetterView; selfId: string }) {
  const mine = letter.authorId === selfId;
  return (
    <div className="letter-item letter-item--sealed" data-testid="letter-waiting">
      <Link className="letter-item__link" to={letter.id}>
        <span className="letter-item__title">
          {mine ? titleOf(letter) : `A letter from ${letter.authorName}`}
        </span>
        <LetterStateNote letter={letter} mine={mine} sealed partnerName="" />
      </Link>
    </div>
  );
}
