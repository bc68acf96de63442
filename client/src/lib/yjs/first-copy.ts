import * as Y from 'yjs';

/** The origin of what `fetchFirstCopy` applies: the server's copy, not an edit of this device's. */
export const fromFirstCopy = { name: 'first copy over HTTP' };

/** Waiting longer than this (ms) for the copy would only delay the socket's own sync. */
const FIRST_COPY_TIMEOUT_MS = 10_000;

/**
 * A random id for one provider's sockets (`?copy=` in their address), so the server gives the
 * first copy to this socket and no other tab's (16 random bytes, base64url: 22 characters).
 */
export function newCopyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** True when `doc` holds nothing at all: this device has never had this document. */
export function isEmptyDoc(doc: Y.Doc): boolean {
  return doc.store.clients.size === 0;
}

/**
 * For a device with nothing stored, whose sync socket `socketUrl` (ws: or wss:, without its
 * query) has just opened with `?copy=copyKey` (newCopyKey): fetches the whole document over
 * HTTP (`<socket address>/snapshot?copy=`, see the server's
 * http/routes/snapshots.ts), brotli-compressed, and applies it to `doc` before the socket's sync
 * step 1 is sent, which then carries the full state vector so the socket brings only what is
 * newer. On a long letter that is less than half the bytes of the socket's own sync step 2.
 *
 * Never throws and never waits more than FIRST_COPY_TIMEOUT_MS: offline, refused (409 when
 * the socket reached another instance) or slow, the socket's sync simply brings everything.
 */
export async function fetchFirstCopy(doc: Y.Doc, socketUrl: string, copyKey: string): Promise<void> {
  try {
    const url = `${socketUrl.replace(/^ws/, 'http')}/snapshot?copy=${encodeURIComponent(copyKey)}`;
    const response = await fetch(url, {
      credentials: 'same-origin',
      signal: AbortSignal.timeout(FIRST_COPY_TIMEOUT_MS),
    });
    if (!response.ok) return;
    const update = new Uint8Array(await response.arrayBuffer());
    Y.applyUpdate(doc, update, fromFirstCopy);
  } catch {
    // The socket's sync covers it; nothing to tell the person.
  }
}
