import type { LetterView, Member } from '@twofold/shared';
import { useEffect, useRef } from 'react';
import { letterByline } from '../model/letter-byline.ts';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { ItemBoundary } from '@/components/item-boundary.tsx';
import { formatMoment } from '@/lib/dates.ts';
import { useLetters, useMarkLetterRead } from '../api/letters.ts';
import { useLetterDrafts } from '../hooks/use-letter-drafts.ts';
import { useRefetchWhenDue } from '../hooks/use-refetch-when-due.ts';
import { isSealedNow, isUnread, threadOf, titleOf } from '../model/letter-lists.ts';
import { BackToLetters } from './back-to-letters.tsx';
import { LetterStateNote } from './letter-notes.tsx';
import { LetterWords } from './letter-words.tsx';
import { UnreadableLetter } from './unreadable-letter.tsx';
import { StaleNote } from './stale-note.tsx';
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
  const { mutate: markRead } = useMarkLetterRead(spaceId);
  const asked = useRef(new Set<string>());
  const data = letters.data;
  const thread = data ? threadOf(data.letters, letterId) : [];
  const unreadIds = thread
    .filter((letter) => isUnread(letter, selfId))
    .map((letter) => letter.id)
    .join(' ');
  useRefetchWhenDue(data?.letters, data?.now ?? 0, data?.clockOffset ?? 0, letters.refetch);

  // Opening a thread reads every letter in it that is open to this member, once each; one
  // that could not be marked (offline) is tried again the next time the list changes.
  useEffect(() => {
    for (const id of unreadIds.split(' ').filter(Boolean)) {
      if (asked.current.has(id)) continue;
      asked.current.add(id);
      markRead(id, { onError: () => asked.current.delete(id) });
    }
  }, [unreadIds, markRead]);

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
      {letters.isError && <StaleNote />}
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

interface SheetProps {
  letter: LetterView;
  mine: boolean;
  sealed: boolean;
  partnerName: string;
  isReply: boolean;
}

function LetterSheet({ letter, mine, sealed, partnerName, isReply }: SheetProps) {
  const from = letterByline(letter, mine);
  const Title = isReply ? 'h2' : 'h1';
  return (
    <article className={`letter-sheet${isReply ? ' letter-sheet--reply' : ''}`} data-testid="letter-sheet">
      <header className="letter-sheet__header">
        {letter.prompt && letter.prompt !== letter.title && <p className="eyebrow">{letter.prompt}</p>}
        <Title className="letter-sheet__title">{titleOf(letter)}</Title>
        <p className="letter-sheet__meta">
          {from} · {formatMoment(letter.sentAt)}
        </p>
        <LetterStateNote letter={letter} mine={mine} sealed={sealed} partnerName={partnerName} />
      </header>
      {letter.unreadable ? (
        <p className="letter-sheet__closed" data-testid="letter-unreadable">
          This letter can’t be shown here. It is kept exactly as it was sent.
        </p>
      ) : letter.body ? (
        <LetterWords body={letter.body} />
      ) : (
        <p className="letter-sheet__closed" data-testid="letter-closed">
          {letter.hidden === 'waiting-for-date'
            ? `${letter.authorName} wrote this for a day that has not come yet. Its words open then.`
            : `${letter.authorName} has sealed this letter. It opens when you have sealed yours too.`}
        </p>
      )}
    </article>
  );
}
