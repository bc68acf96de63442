import {
  importIntoDocs,
  spaceExportSchema,
  summariseImport,
  type ImportSummary,
  type Member,
  type SpaceExport,
} from '@twofold/shared';
import { useId, useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { aboutSize, MAX_IMPORT_BYTES } from '@/lib/yjs/edit-limits.ts';
import { measureEdit } from '@/lib/yjs/measure-edit.ts';
import type { SpaceDocs } from '@/lib/yjs/space-docs.ts';
import { useImportLetters } from '../api/import-letters.ts';
import { ImportSummaryList } from './import-summary-list.tsx';

interface Props {
  spaceId: string;
  userId: string;
  /** This space's members, to credit the export's writers to. */
  members: readonly Member[];
  docs: SpaceDocs;
}

const MAX_FILE_BYTES = 20 * 1024 * 1024;

async function readExport(file: File): Promise<SpaceExport | string> {
  if (file.size > MAX_FILE_BYTES) return 'That file is larger than any Twofold export should be.';
  try {
    const parsed = spaceExportSchema.safeParse(JSON.parse(await file.text()));
    return parsed.success ? parsed.data : 'That file is not a Twofold export we can read.';
  } catch {
    return 'That file is not a Twofold export we can read.';
  }
}

/** Brings a downloaded export (JSON) into this space, after showing what it holds. */
export function ImportExport({ spaceId, userId, members, docs }: Props) {
  const inputId = useId();
  const [data, setData] = useState<SpaceExport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const importLetters = useImportLetters(spaceId);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setDone(null);
    setData(null);
    setProblem(null);
    if (!file) return;
    const result = await readExport(file);
    const refusal = typeof result === 'string' ? result : tooLarge(result);
    if (refusal) setProblem(refusal);
    else if (typeof result !== 'string') setData(result);
  };

  const importInto = (shared: Y.Doc, own: Y.Doc, chosen: SpaceExport) =>
    importIntoDocs({
      shared,
      private: own,
      data: chosen,
      userId,
      members,
      now: Date.now(),
      newId: () => crypto.randomUUID(),
    });

  // Refused before anything enters the documents: an import over the frame limit could never
  // reach the server, and would be sent (and refused) again on every connection.
  const tooLarge = (chosen: SpaceExport): string | null => {
    const sizes = measureEdit([docs.shared.doc, docs.private.doc], ([shared, own]) => {
      if (shared && own) importInto(shared, own, chosen);
    });
    const largest = Math.max(...sizes);
    if (largest <= MAX_IMPORT_BYTES) return null;
    return `That export holds more writing than can be brought in at once: ${aboutSize(MAX_IMPORT_BYTES)} fits, and this one has ${aboutSize(largest)}. Nothing was added.`;
  };

  const bringIn = (chosen: SpaceExport) => {
    const summary = summariseImport(chosen, userId);
    importInto(docs.shared.doc, docs.private.doc, chosen);
    importLetters.mutate(chosen.letters, {
      onSuccess: () => {
        setData(null);
        setDone(summary);
      },
    });
  };

  return (
    <section className="settings-section" aria-labelledby="import-title">
      <h2 id="import-title" className="settings-section__title">
        Bring in an export
      </h2>
      <p>
        Starting again in a new space? Choose a file you downloaded with “Download to import”. Its words are
        added to this space; boundaries arrive as drafts, because signatures belong to the space they were
        given in, so you sign them again here together. Shared goals come with their steps. Boundaries, goals
        and letters keep who wrote them and when, marked as imported; a step owned by someone who is not in
        this space becomes yours. Private notes and unsent letters come over only from your own export.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Twofold export file
        </label>
        <input
          id={inputId}
          className="field__input"
          type="file"
          accept="application/json,.json"
          // Fire and forget: readExport never rejects (an unreadable file is a message), and what
          // follows it only sets state.
          onChange={(event) => void onFile(event)}
        />
      </div>
      <FormAlert>
        {problem ?? (importLetters.error ? apiErrorInfo(importLetters.error).message : null)}
      </FormAlert>
      {data && (
        <div className="import-preview" data-testid="import-preview">
          <p>
            From “{data.space.name}”, exported by {data.account.id === userId ? 'you' : data.account.name}.
          </p>
          <ImportSummaryList summary={summariseImport(data, userId)} future />
          <div className="settings-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={importLetters.isPending}
              onClick={() => bringIn(data)}
            >
              {importLetters.isPending ? 'Bringing it in…' : 'Add to this space'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setData(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {done && (
        <div className="import-done" role="status" data-testid="import-done">
          <p>It is in. Here is what came over.</p>
          <ImportSummaryList summary={done} />
        </div>
      )}
    </section>
  );
}
