import * as Y from 'yjs';

/** Waiting longer than this (ms) for the copy would only delay the socket's own sync. */
const FIRST_COPY_TIMEOUT_MS = 10_000;

/** True when `doc` holds nothing at all: this device has never had this document. */
export function isEmptyDoc(doc: Y.Doc): boolean {
  return doc.store.clients.size === 0;
}

/**
 * For a device with nothing stored, whose sync socket `socketUrl` (ws: or wss:, without its
 * query) has just opened with `?copy=copyKey`: fetches the whole document over
 * HTTP (`<socket address>/snapshot?copy=`, see the server's http/routes/snapshots.ts),
 * brotli-compressed, and applies it to `doc` before the socket's sync step 1 is sent, which
 * then carries the full state vector so the socket brings only what is newer. On a long
 * letter that is less than half the bytes of the socket's own sync step 2.
 *
 * Applied with `origin`: the provider's own, as for what its socket brings, so the copy is
 * neither sent back to the server nor waited on as an edit of this device's. `whenApplied` is
 * called as soon as the copy's structs are in `doc`, before its observers have run (below).
 *
 * Resolves true once the copy is applied. Never throws and never waits more than
 * FIRST_COPY_TIMEOUT_MS: offline, refused (409 when the socket reached another instance) or
 * slow, it resolves false and the socket's sync simply brings everything.
 */
export async function fetchFirstCopy(
  doc: Y.Doc,
  socketUrl: string,
  copyKey: string,
  { origin, whenApplied = () => {} }: { origin: unknown; whenApplied?: () => void },
): Promise<boolean> {
  try {
    const url = `${socketUrl.replace(/^ws/, 'http')}/snapshot?copy=${encodeURIComponent(copyKey)}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(FIRST_COPY_TIMEOUT_MS) });
    if (!response.ok) return false;
    const update = new Uint8Array(await response.arrayBuffer());
    // Yjs emits beforeObserverCalls once the copy's structs and deletions are in the document
    // and before its observers run: the editor drawing a year of letters (0.3 s on a slowed
    // phone). Called then, the socket's step 1 already carries the whole state vector and the
    // server's answer travels while the page draws. Never allowed to break the transaction.
    let called = false;
    const applied = () => {
      if (called) return;
      called = true;
      try {
        whenApplied();
      } catch {
        // The socket opens after this function returns all the same.
      }
    };
    doc.on('beforeObserverCalls', applied);
    try {
      Y.applyUpdate(doc, update, origin);
    } finally {
      doc.off('beforeObserverCalls', applied);
    }
    return true;
  } catch {
    // The socket's sync covers it; nothing to tell the person.
    return false;
  }
}
