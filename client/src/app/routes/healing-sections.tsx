import { Link } from 'react-router';

/**
 * The space home's cards for the harder conversations: repair, forgiveness, reassurance, and
 * the private journal beside them.
 * One component, so the home's own list changes by a single line.
 */
export function HealingSections() {
  return (
    <>
      <div className="section-card">
        <Link
          to="repair"
          className="section-card__title section-card__link"
          aria-describedby="section-repair-text"
        >
          Repair after a hard moment
        </Link>
        <span id="section-repair-text" className="section-card__text">
          Each of you writes your side on your own; both open together once you have both written.
        </span>
      </div>
      <div className="section-card">
        <Link
          to="reassurance"
          className="section-card__title section-card__link"
          aria-describedby="section-reassurance-text"
        >
          Reassurance
        </Link>
        <span id="section-reassurance-text" className="section-card__text">
          What helps each of you when you feel unsure, and one tap to ask for it.
        </span>
      </div>
      <div className="section-card">
        <Link
          to="forgiveness"
          className="section-card__title section-card__link"
          aria-describedby="section-forgiveness-text"
        >
          Forgiveness
        </Link>
        <span id="section-forgiveness-text" className="section-card__text">
          Name what hurt. Where it stands is for the one who was hurt to say, in their own time.
        </span>
      </div>
      <div className="section-card section-card--private">
        <Link
          to="journal"
          className="section-card__title section-card__link"
          aria-describedby="section-journal-text"
        >
          Reflection journal
        </Link>
        <span id="section-journal-text" className="section-card__text">
          Only you can see this. Gentle questions for your own healing, beside the work you do together.
        </span>
      </div>
    </>
  );
}
