import type { ImportSummary } from '@twofold/shared';

interface Props {
  summary: ImportSummary;
  /** Before the import: "Will come in" rather than "Brought in". */
  future?: boolean;
}

/** What an import brings in and what it leaves out, plainly, as two short lists. */
export function ImportSummaryList({ summary, future = false }: Props) {
  return (
    <div className="import-summary">
      <h3 className="import-summary__title">{future ? 'Will come in' : 'Brought in'}</h3>
      {summary.broughtIn.length > 0 ? (
        <ul aria-label={future ? 'Will come in' : 'Brought in'}>
          {summary.broughtIn.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing this space can take in.</p>
      )}
      {summary.leftOut.length > 0 && (
        <>
          <h3 className="import-summary__title">{future ? 'Will stay out' : 'Left out'}</h3>
          <ul aria-label={future ? 'Will stay out' : 'Left out'}>
            {summary.leftOut.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
