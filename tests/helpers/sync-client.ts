import { SESSION_COOKIE, syncBasePath } from '@twofold/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from './wait-for.ts';

/** A `ws` WebSocket class that sends a session cookie (and optionally an Origin) like a browser. */
export function socketClassWith(headers: { cookie?: string; origin?: string }) {
  const sent: Record<string, string> = {};
  if (headers.cookie) sent.cookie = `${SESSION_COOKIE}=${headers.cookie}`;
  if (headers.origin) sent.origin = headers.origin;
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: sent });
    }
  };
}

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server is done. */
  synced(): Promise<void>;
  destroy(): void;
}

/** A real y-websocket client for a space's shared (or the caller's private) document. */
export function connect(
  baseUrl: string,
  spaceId: string,
  cookie: string,
  options: { private?: boolean } = {},
): SyncClient {
  const doc = new Y.Doc();
  const wsBase = baseUrl.replace(/^http/, 'ws') + syncBasePath(spaceId) + (options.private ? '/private' : '');
  const provider = new WebsocketProvider(wsBase, 'sync', doc, {
    WebSocketPolyfill: socketClassWith({ cookie }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return {
    doc,
    provider,
    synced: () => waitFor(() => provider.synced, { message: 'provider sync' }).then(() => undefined),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Opens a raw socket and reports how the upgrade ended: 'open' or the HTTP status. */
export function tryUpgrade(
  url: string,
  headers: { cookie?: string; origin?: string },
): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const Socket = socketClassWith(headers);
    const ws = new Socket(url);
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (error) => {
      if (!String(error).includes('Unexpected server response')) reject(error);
    });
  });
}
