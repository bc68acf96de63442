import type { LetterPairView, LetterView, Member } from '@twofold/shared';
import { useEffect, useRef } from 'react';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { formatMoment } from '@/lib/dates.ts';
import { useLetters } from '../api/letters.ts';
import { useMarkShownRead } from '../hooks/use-mark-shown-read.ts';
import { BackToLetters } from './back-to-letters.tsx';
import { LetterSheet } from './letter-sheet.tsx';
import { StaleNote } from '@/components/stale-note.tsx';

interface Props {
  spaceId: string;
  pairId: string;
  selfId: string;
  partner: Member | null;
}

/**
 * /letters/together/:pairId: the two letters written on one prompt. While one is still to be
 * sealed it says what it is waiting for; the moment both are sealed (here, or live while the
 * page is open) it turns into the opening: the partner's letter first, then one's own.
 */
export function PairOpening({ spaceId, pairId, selfId, partner }: Props) {
  const letters = useLetters(spaceId);
  const data = letters.data;
  const pair = data?.pairs.find((candidate) => candidate.id === pairId);
  const inPair = data?.letters.filter((letter) => letter.pairId === pairId) ?? [];
  const mine = inPair.find((letter) => letter.authorId === selfId);
  const theirs = inPair.find((letter) => letter.authorId !== selfId);
  useMarkShownRead(spaceId, pair?.openedAt && theirs ? [theirs] : [], selfId);

  if (!data) {
    if (letters.isError) {
      return (
        <ErrorState
          title="These letters could not be loaded"
          message={apiErrorInfo(letters.error).message}
          onRetry={() => void letters.refetch()}
        />
      );
    }
    return <LoadingState label="Opening your letters…" />;
  }
  if (!pair) {
    return (
      <div className="page letters">
        <BackToLetters />
        <section className="empty">
          <h1 className="empty__title">These letters are not here</h1>
          <p className="empty__text">The prompt may have been withdrawn when one of you left the space.</p>
        </section>
      </div>
    );
  }
  const partnerName = partner?.name ?? theirs?.authorName ?? 'your partner';
  return (
    <div className="page letters">
      <BackToLetters />
      <StaleNote queries={[letters]} />
      {pair.openedAt && theirs ? (
        <Opened pair={pair} mine={mine} theirs={theirs} partnerName={partnerName} />
      ) : (
        <Waiting pair={pair} mine={mine} partnerName={partnerName} />
      )}
    </div>
  );
}

interface OpenedProps {
  pair: LetterPairView;
  mine: LetterView | undefined;
  theirs: LetterView;
  partnerName: string;
}

function Opened({ pair, mine, theirs, partnerName }: OpenedProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The page may have been waiting when the pair opened: bring the reader to the moment.
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <header className="pair-moment" data-testid="pair-moment">
        <p className="eyebrow">Written together · {pair.prompt}</p>
        <h1 className="pair-moment__title" ref={heading} tabIndex={-1}>
          Your letters have opened
        </h1>
        <p className="lead">
          You have both sealed yours. {partnerName}’s words and yours opened at the same moment,{' '}
          {formatMoment(pair.openedAt ?? theirs.sentAt)}. Take your time with them.
        </p>
      </header>
      <div className="pair-moment__letters">
        <LetterSheet
          letter={theirs}
          mine={false}
          sealed={false}
          partnerName={partnerName}
          isReply={false}
          level={2}
        />
        {mine && (
          <LetterSheet
            letter={mine}
            mine
            sealed={false}
            partnerName={partnerName}
            isReply={false}
            level={2}
          />
        )}
      </div>
    </>
  );
}

interface WaitingProps {
  pair: LetterPairView;
  mine: LetterView | undefined;
  partnerName: string;
}

function Waiting({ pair, mine, partnerName }: WaitingProps) {
  return (
    <>
      <header className="pair-moment pair-moment--waiting">
        <p className="eyebrow">Written together</p>
        <h1 className="pair-moment__title">{pair.prompt}</h1>
        <p className="lead" role="status">
          {mine
            ? `Yours is sealed. When ${partnerName} seals theirs, both letters open here at the same moment.`
            : `${partnerName} has sealed theirs. It opens when you have sealed yours.`}
        </p>
      </header>
      {mine && <LetterSheet letter={mine} mine sealed partnerName={partnerName} isReply={false} level={2} />}
    </>
  );
}
