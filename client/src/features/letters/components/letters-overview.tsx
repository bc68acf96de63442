import type { Member } from '@twofold/shared';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useLetters } from '../api/letters.ts';
import { useLetterDrafts } from '../hooks/use-letter-drafts.ts';
import { useRefetchWhenDue } from '../hooks/use-refetch-when-due.ts';
import { isSealedNow, letterSections } from '../model/letter-lists.ts';
import { DraftList } from './draft-list.tsx';
import { SentLetters } from './sent-letters.tsx';
import { StaleNote } from '@/components/stale-note.tsx';

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

      <DraftList drafts={drafts} />

      {letters.data ? (
        <>
          <StaleNote queries={[letters]} />
          <SentLetters
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
