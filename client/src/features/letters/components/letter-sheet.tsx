import type { LetterView } from '@twofold/shared';
import { formatMoment } from '@/lib/dates.ts';
import { letterByline } from '../model/letter-byline.ts';
import { LetterStateNote } from './letter-notes.tsx';
import { titleOf } from '../model/letter-lists.ts';
import { LetterWords } from './letter-words.tsx';

interface SheetProps {
  letter: LetterView;
  mine: boolean;
  sealed: boolean;
  partnerName: string;
  /** A reply sits under the letter it answers, with a smaller heading. */
  isReply: boolean;
  /** The heading level of its title: 1 on its own page, 2 under a page heading. */
  level?: 1 | 2;
}

/** One letter as a sheet of paper: its title, who wrote it and when, where it stands, its words. */
export function LetterSheet({ letter, mine, sealed, partnerName, isReply, level }: SheetProps) {
  const from = letterByline(letter, mine);
  const Title = (level ?? (isReply ? 2 : 1)) === 1 ? 'h1' : 'h2';
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
