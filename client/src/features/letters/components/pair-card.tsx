import { sentenceStart } from '@/lib/sentence.ts';
import type { LetterDraftEntry, LetterPairView, LetterView } from '@twofold/shared';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { formatMoment } from '@/lib/dates.ts';
import { StartDraftButton } from './start-draft-button.tsx';

interface Props {
  pair: LetterPairView;
  letters: readonly LetterView[];
  selfId: string;
  partnerName: string;
  privateDoc: Y.Doc;
  /** The member's unsent draft for this prompt, if they have started one. */
  myDraft: LetterDraftEntry | undefined;
}

/**
 * One prompt the two of them write on. Each letter stays closed to the other until both are
 * sealed; then both open at once. The server decides, this only says where things stand.
 */
export function PairCard({ pair, letters, selfId, partnerName, privateDoc, myDraft }: Props) {
  const mine = letters.find((letter) => letter.authorId === selfId);
  const theirs = letters.find((letter) => letter.authorId !== selfId);
  const partnerSealed = pair.sealedBy.some((id) => id !== selfId);

  let status: string;
  if (pair.openedAt) status = `Opened together ${formatMoment(pair.openedAt)}`;
  else if (mine && !partnerSealed) status = `Yours is sealed. Waiting for ${partnerName} to write theirs.`;
  else if (partnerSealed && !mine)
    status = `${sentenceStart(partnerName)} has sealed theirs — write yours when you’re ready.`;
  else status = 'Neither of you has sealed a letter yet.';

  return (
    <article className="letter-item letter-pair" data-testid="letter-pair">
      <h3 className="letter-pair__prompt">{pair.prompt}</h3>
      <p className="letter-pair__status" data-testid="pair-status">
        {status}
      </p>
      <div className="letter-pair__actions">
        {pair.openedAt ? (
          <>
            {mine && (
              <Link className="button" to={mine.id}>
                Your letter
              </Link>
            )}
            {theirs && (
              <Link className="button button--primary" to={theirs.id}>
                {theirs.authorName}’s letter
              </Link>
            )}
          </>
        ) : mine ? (
          <Link className="button" to={mine.id}>
            Your sealed letter
          </Link>
        ) : myDraft ? (
          <Link className="button button--primary" to={`drafts/${myDraft.id}`}>
            Go on writing yours
          </Link>
        ) : (
          <StartDraftButton
            privateDoc={privateDoc}
            draft={{ title: pair.prompt, prompt: pair.prompt, pairId: pair.id }}
            className="button button--primary"
          >
            Write yours
          </StartDraftButton>
        )}
      </div>
    </article>
  );
}
