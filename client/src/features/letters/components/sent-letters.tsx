import type { LetterDraftEntry, LetterView } from '@twofold/shared';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { ItemBoundary } from '@/components/item-boundary.tsx';
import { titleOf, type LetterSections } from '../model/letter-lists.ts';
import { LetterStateNote } from './letter-notes.tsx';
import { PairCard } from './pair-card.tsx';
import { ThreadList } from './thread-list.tsx';
import { UnreadableLetter } from './unreadable-letter.tsx';

interface SentLettersProps {
  sections: LetterSections;
  sealed: (letter: LetterView) => boolean;
  selfId: string;
  partnerName: string;
  privateDoc: Y.Doc;
  drafts: readonly LetterDraftEntry[];
}

/** The letters on the server: written together, waiting for their day, inbox and sent (or a first-letter invitation). */
export function SentLetters({ sections, sealed, selfId, partnerName, privateDoc, drafts }: SentLettersProps) {
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
