import {
  BOUNDARY_CATEGORY_LABELS,
  BOUNDARY_TEXT_FIELDS,
  BOUNDARY_TEXT_LABELS,
  type BoundaryContent,
} from '@twofold/shared';
import { formatDay } from '@/lib/dates.ts';

/** The exact words a signature covers, laid out to be read slowly before agreeing. */
export function ContentRead({ content }: { content: BoundaryContent }) {
  return (
    <div className="content-read">
      <h3 className="content-read__title">{content.title || 'Untitled boundary'}</h3>
      <p className="content-read__meta">
        {BOUNDARY_CATEGORY_LABELS[content.category]}
        {content.reviewOn && ` · review on ${formatDay(content.reviewOn)}`}
        {content.endsOn && ` · ends on ${formatDay(content.endsOn)}`}
      </p>
      {BOUNDARY_TEXT_FIELDS.map((field) => (
        <section key={field} className="content-read__field">
          <h4 className="content-read__label">{BOUNDARY_TEXT_LABELS[field]}</h4>
          <p className="content-read__text">{content[field] || <em>Nothing written yet.</em>}</p>
        </section>
      ))}
    </div>
  );
}
