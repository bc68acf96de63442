import { useMutation } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';

export type ExportFormat = 'markdown' | 'json';

/**
 * Asks for the member's export (GET /api/spaces/:spaceId/export) and, once it has come, hands it to
 * the browser as a file. Fetched first rather than followed as a link: a link saves whatever the
 * server answers, so a refusal (429 over the work budget, 5xx, or no answer at all) would become a
 * broken file or a failed download with nothing said in the app.
 * @throws DetailedError with the server's `{error}` body when it refuses; TypeError when offline.
 */
async function downloadExport(spaceId: string, format: ExportFormat): Promise<void> {
  const response = await api.api.spaces[':spaceId'].export.$get({ param: { spaceId }, query: { format } });
  // Not ok: parseResponse throws the DetailedError that apiErrorInfo reads.
  if (!response.ok) await parseResponse(response);
  const blob = await response.blob();
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ??
    `twofold.${format === 'json' ? 'json' : 'md'}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click starts the download from the blob at once; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function useDownloadExport(spaceId: string) {
  return useMutation({ mutationFn: (format: ExportFormat) => downloadExport(spaceId, format) });
}
