import { useState } from 'react';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useSpaceExport } from '../api/space-export.ts';
import { printableCheckins } from '../model/printable-checkins.ts';
import { printOptions } from '../model/print-options.ts';
import { PrintDoc } from './print-doc.tsx';
import { PrintPicker } from './print-picker.tsx';

/**
 * "For a counsellor": pick a few things, then print them (or save as PDF) as a clean document
 * with no app around it, one item per page, each with its dates and authors.
 */
export function CounsellorPrint({ spaceId }: { spaceId: string }) {
  const query = useSpaceExport(spaceId);
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);

  if (query.isPending) return <LoadingState label="Gathering your words…" />;
  const data = query.data;
  // Once printed from, what was gathered stays on screen when asking again fails.
  if (data === undefined) {
    return (
      <ErrorState
        title="We could not gather your words"
        message={apiErrorInfo(query.error).message}
        onRetry={() => void query.refetch()}
      />
    );
  }

  // Until someone chooses, every boundary is picked: the usual reason to print.
  const chosen = picked ?? new Set(data.boundaries.map((b) => `boundary:${b.id}`));
  const setMany = (keys: readonly string[], on: boolean) => {
    const next = new Set(chosen);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    setPicked(next);
  };
  const weeks = printableCheckins(data.checkins ?? [], data.account.id);

  return (
    <div className="page print-page">
      <StaleNote queries={[query]} />
      <PrintPicker
        options={printOptions(data)}
        weeks={weeks}
        exportedAt={data.exportedAt}
        chosen={chosen}
        setMany={setMany}
      />
      <PrintDoc data={data} weeks={weeks} chosen={chosen} />
    </div>
  );
}
