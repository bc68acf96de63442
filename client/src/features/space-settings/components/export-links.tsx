import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useDownloadExport, type ExportFormat } from '../api/download-export.ts';

const DOWNLOADS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'markdown', label: 'Download to read (Markdown)' },
  { format: 'json', label: 'Download to import (JSON)' },
];

/** Downloads of everything that is this person's to keep, and the way to a printed copy. */
export function ExportLinks({ spaceId }: { spaceId: string }) {
  const download = useDownloadExport(spaceId);
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
        {DOWNLOADS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={download.isPending}
            onClick={() => download.mutate(format)}
          >
            {download.isPending && download.variables === format ? 'Gathering your words…' : label}
          </button>
        ))}
      </div>
      <FormAlert>
        {download.isError && `The download did not start. ${apiErrorInfo(download.error).message}`}
      </FormAlert>
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
