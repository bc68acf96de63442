import {
  BOUNDARY_CATEGORY_LABELS,
  BOUNDARY_TEXT_FIELDS,
  BOUNDARY_TEXT_LABELS,
  formattingChanges,
  wordDiff,
  type BoundaryContent,
} from '@twofold/shared';
import { formatDay } from '@/lib/dates.ts';

type Row = { label: string; read: (content: BoundaryContent) => string };

const ROWS: readonly Row[] = [
  { label: 'Title', read: (c) => c.title },
  { label: 'Category', read: (c) => BOUNDARY_CATEGORY_LABELS[c.category] },
  ...BOUNDARY_TEXT_FIELDS.map((field) => ({
    label: BOUNDARY_TEXT_LABELS[field],
    read: (c: BoundaryContent) => c[field],
  })),
  { label: 'Review on', read: (c) => (c.reviewOn ? formatDay(c.reviewOn) : 'No date') },
  { label: 'Ends on', read: (c) => (c.endsOn ? formatDay(c.endsOn) : 'No end date') },
];

interface Props {
  before: BoundaryContent;
  after: BoundaryContent;
  /** Names the two sides for screen readers and the legend. */
  beforeLabel: string;
  afterLabel: string;
}

/** Formatting changes per text field, in words ("“never” is now struck through"). */
function formattingRows(before: BoundaryContent, after: BoundaryContent) {
  return BOUNDARY_TEXT_FIELDS.flatMap((field) => {
    const lines = formattingChanges(before.formatting?.[field], after.formatting?.[field]);
    return lines.length > 0 ? [{ label: BOUNDARY_TEXT_LABELS[field], lines }] : [];
  });
}

/**
 * A word-level diff of every part that differs, with removed words struck and added ones
 * marked, and every change of formatting (marks, links) said in words: a reader sees those too.
 */
export function ContentDiff({ before, after, beforeLabel, afterLabel }: Props) {
  const changed = ROWS.filter((row) => row.read(before) !== row.read(after));
  const formatting = formattingRows(before, after);
  if (changed.length === 0 && formatting.length === 0) {
    return <p className="diff__same">The words and their formatting are the same in both.</p>;
  }
  return (
    <div className="diff" data-testid="boundary-diff">
      {changed.length === 0 ? (
        <p className="diff__same">The words are the same, but the formatting changed.</p>
      ) : (
        <p className="diff__legend">
          <del>Removed</del> since {beforeLabel} · <ins>added</ins> in {afterLabel}
        </p>
      )}
      {changed.map((row) => (
        <section key={row.label} className="diff__field">
          <h4 className="diff__label">{row.label}</h4>
          <p className="diff__text">
            {wordDiff(row.read(before), row.read(after)).map((segment, i) =>
              segment.kind === 'added' ? (
                <ins key={i}>{segment.text}</ins>
              ) : segment.kind === 'removed' ? (
                <del key={i}>{segment.text}</del>
              ) : (
                <span key={i}>{segment.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
      {formatting.map((row) => (
        <section key={`formatting-${row.label}`} className="diff__field">
          <h4 className="diff__label">{row.label}: formatting changed</h4>
          <ul className="diff__formatting">
            {row.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
