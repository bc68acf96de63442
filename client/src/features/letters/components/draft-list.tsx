import type { LetterDraftEntry } from '@twofold/shared';
import { Link } from 'react-router';
import { formatMoment } from '@/lib/dates.ts';

/** "Your drafts": this person's private drafts, readable or not; nothing at all when there are none. */
export function DraftList({ drafts }: { drafts: readonly LetterDraftEntry[] }) {
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
