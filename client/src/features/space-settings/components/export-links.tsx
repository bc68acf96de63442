import { Link } from 'react-router';

/** Downloads of everything that is this person's to keep, and the way to a printed copy. */
export function ExportLinks({ spaceId }: { spaceId: string }) {
  const base = `/api/spaces/${encodeURIComponent(spaceId)}/export`;
  return (
    <section className="settings-section" aria-labelledby="export-title">
      <h2 id="export-title" className="settings-section__title">
        Take your words with you
      </h2>
      <p>
        Everything that is yours to keep: the words you share, your own private notes, and every letter you
        can read. Nothing your partner has not opened to you is ever included.
      </p>
      <div className="settings-actions">
        <a className="button" href={`${base}?format=markdown`} download>
          Download to read (Markdown)
        </a>
        <a className="button" href={`${base}?format=json`} download>
          Download to import (JSON)
        </a>
      </div>
      <h3 className="settings-section__subtitle">For a counsellor</h3>
      <p>Choose a few boundaries or letters and print them, or save them as a PDF to bring along.</p>
      <div className="settings-actions">
        <Link className="button" to="../print" relative="path">
          Choose what to print
        </Link>
      </div>
    </section>
  );
}
