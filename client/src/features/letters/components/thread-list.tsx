import type { LetterView } from '@twofold/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ItemBoundary } from '@/components/item-boundary.tsx';
import { formatMoment } from '@/lib/dates.ts';
import { letterByline } from '../model/letter-byline.ts';
import { titleOf, type ListedThread } from '../model/letter-lists.ts';
import { LetterStateNote } from './letter-notes.tsx';
import { UnreadableLetter } from './unreadable-letter.tsx';

interface Props {
  id: string;
  title: string;
  threads: ListedThread[];
  /** Whose letters this list counts: the partner's (inbox) or the member's own (Sent). */
  from: 'partner' | 'self';
  partnerName: string;
  /** Whether a letter is still closed to the partner (see `isSealedNow`). */
  sealed: (letter: LetterView) => boolean;
  /** What to say while the list is empty. */
  children: ReactNode;
}

function lettersCount(count: number): string {
  return count === 1 ? '1 letter' : `${count} letters`;
}

/** "Sam’s reply", "From you", "3 letters from Sam": what in this thread belongs to this list. */
function whatIsHere(thread: ListedThread, who: string, whose: string): string {
  const [only] = thread.counted;
  if (thread.counted.length > 1) return `${lettersCount(thread.counted.length)} from ${who}`;
  if (only && only.id !== thread.root.id) return `${whose} reply`;
  return `From ${who}`;
}

/**
 * The inbox or Sent: one line per thread holding a letter that belongs here, with how many of
 * its letters do, so a reply under one's own letter or an opened sealed letter is never missed.
 */
export function ThreadList({ id, title, threads, from, partnerName, sealed, children }: Props) {
  const total = threads.reduce((sum, thread) => sum + thread.counted.length, 0);
  const who = from === 'self' ? 'you' : partnerName;
  const whose = from === 'self' ? 'Your' : `${partnerName}’s`;
  return (
    <section className="letters__section" aria-labelledby={id}>
      <div className="letters__section-head">
        <h2 id={id} className="section-title">
          {title}
        </h2>
        {total > 0 && (
          <span className="letters__count" data-testid={`${id}-count`}>
            {lettersCount(total)}
          </span>
        )}
      </div>
      {threads.length === 0 ? (
        <p className="muted">{children}</p>
      ) : (
        <ul className="letter-list">
          {threads.map((thread) => {
            const latest = thread.counted.at(-1) ?? thread.root;
            return (
              <li key={thread.root.id} className="letter-item" data-testid="letter-thread">
                <ItemBoundary fallback={<UnreadableLetter />}>
                  <Link className="letter-item__link" to={thread.root.id}>
                    <span className="letter-item__title">
                      {titleOf(thread.root)}
                      {from === 'partner' && thread.unread > 0 && (
                        <span className="letter-item__new" data-testid="letter-unread">
                          New
                        </span>
                      )}
                    </span>
                    <span className="letter-item__meta">
                      {thread.root.pairId && 'Written together · '}
                      {thread.root.imported
                        ? letterByline(thread.root, from === 'self')
                        : whatIsHere(thread, who, whose)}{' '}
                      · {formatMoment(thread.countedAt)}
                    </span>
                    {from === 'self' && (
                      <LetterStateNote
                        letter={latest}
                        mine
                        sealed={sealed(latest)}
                        partnerName={partnerName}
                      />
                    )}
                  </Link>
                </ItemBoundary>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
