import type { LetterView, Member } from '@twofold/shared';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { ItemBoundary } from '@/components/item-boundary.tsx';
import { useLetters } from '../api/letters.ts';
import { useLetterDrafts } from '../hooks/use-letter-drafts.ts';
import { useMarkShownRead } from '../hooks/use-mark-shown-read.ts';
import { useRefetchWhenDue } from '../hooks/use-refetch-when-due.ts';
import { isSealedNow, threadOf, titleOf } from '../model/letter-lists.ts';
import { BackToLetters } from './back-to-letters.tsx';
import { LetterSheet } from './letter-sheet.tsx';
import { PairOpenedNote } from './pair-opened-note.tsx';
import { UnreadableLetter } from './unreadable-letter.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { StartDraftButton } from './start-draft-button.tsx';

interface Props {
  spaceId: string;
  letterId: string;
  selfId: string;
  partner: Member | null;
  privateDoc: Y.Doc;
}

/** /letters/:letterId: a letter and the replies under it; opening it tells the author it was read. */
export function LetterThread({ spaceId, letterId, selfId, partner, privateDoc }: Props) {
  const letters = useLetters(spaceId);
  const drafts = useLetterDrafts(privateDoc);
  const data = letters.data;
  const thread = data ? threadOf(data.letters, letterId) : [];
  useRefetchWhenDue(data?.letters, data?.now ?? 0, data?.clockOffset ?? 0, letters.refetch);
  // Opening a thread reads every letter in it that is open to this member.
  useMarkShownRead(spaceId, thread, selfId);

  if (!data) {
    if (letters.isError) {
      return (
        <ErrorState
          title="This letter could not be loaded"
          message={apiErrorInfo(letters.error).message}
          onRetry={() => void letters.refetch()}
        />
      );
    }
    return <LoadingState label="Opening the letter…" />;
  }
  const root = thread[0];
  if (!root) {
    return (
      <div className="page letters">
        <BackToLetters />
        <section className="empty">
          <h1 className="empty__title">This letter is not here</h1>
          <p className="empty__text">Its writer may have withdrawn it before it was opened.</p>
        </section>
      </div>
    );
  }
  const partnerName = partner?.name ?? 'your partner';
  const sealed = (letter: LetterView) => isSealedNow(letter, data.pairs, data.now);
  const replyDraft = drafts.find((draft) => draft.readable && draft.replyTo === root.id);
  // Nobody answers a letter before it has opened for both: a reply would arrive first.
  const canReply = partner !== null && thread.every((letter) => letter.body !== null && !sealed(letter));
  return (
    <div className="page letters">
      <BackToLetters />
      <StaleNote queries={[letters]} />
      {thread.map((letter, index) => (
        <ItemBoundary key={letter.id} fallback={<UnreadableLetter />}>
          <LetterSheet
            letter={letter}
            mine={letter.authorId === selfId}
            sealed={sealed(letter)}
            partnerName={partnerName}
            isReply={index > 0}
          />
        </ItemBoundary>
      ))}
      {root.pairId && root.authorId === selfId && (
        <PairOpenedNote
          spaceId={spaceId}
          pair={data.pairs.find((pair) => pair.id === root.pairId)}
          partnerName={partnerName}
        />
      )}
      {canReply &&
        (replyDraft ? (
          <Link
            className="button button--primary letters__reply"
            to={`/spaces/${spaceId}/letters/drafts/${replyDraft.id}`}
          >
            Go on with your reply
          </Link>
        ) : (
          <StartDraftButton
            privateDoc={privateDoc}
            draft={{ title: `Re: ${titleOf(root)}`.slice(0, 200), replyTo: root.id }}
            className="button button--primary letters__reply"
          >
            Write a reply
          </StartDraftButton>
        ))}
    </div>
  );
}
