import { Link } from 'react-router';
import type { SpaceSection } from './space-home-sections.tsx';
import type { SpaceOutlet } from './space-outlet.ts';

/** One section of the space home: its link (described by its text) and its live summary. */
export function SectionCard({ section, outlet }: { section: SpaceSection; outlet: SpaceOutlet }) {
  const textId = `section-${section.path}-text`;
  return (
    <div className={section.private ? 'section-card section-card--private' : 'section-card'}>
      <Link to={section.path} className="section-card__title section-card__link" aria-describedby={textId}>
        {section.title}
      </Link>
      <span id={textId} className="section-card__text">
        {section.description}
      </span>
      {section.summary?.(outlet)}
    </div>
  );
}
