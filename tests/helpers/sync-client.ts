import { SESSION_COOKIE, syncBasePath } from '@twofold/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from './wait-for.ts';

/**
 * A `ws` WebSocket class that sends a session cookie (and optionally an Origin) like a browser
 * would, and hands every frame it receives to `onFrame`.
 */
export function socketClassWith(
  headers: { cookie?: string; origin?: string },
  onFrame?: (frame: Uint8Array) => void,
) {
  const sent: Record<string, string> = {};
  if (headers.cookie) sent.cookie = `${SESSION_COOKIE}=${headers.cookie}`;
  if (headers.origin) sent.origin = headers.origin;
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: sent });
      if (onFrame) this.on('message', (data: Buffer) => onFrame(new Uint8Array(data)));
    }
  };
}

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every frame the server sent this client, over all its connections. */
  received: Uint8Array[];
  /** Close codes of the connections the server ended, in order. */
  closes: number[];
  /** Resolves once the first sync with the server is done. */
  synced(): Promise<void>;
  destroy(): void;
}

/** A real y-websocket client for a space's shared (or the caller's private) document. */
export function connect(
  baseUrl: string,
  spaceId: string,
  cookie: string,
  options: { private?: boolean; params?: Record<string, string> } = {},
): SyncClient {
  const doc = new Y.Doc();
  const received: Uint8Array[] = [];
  const closes: number[] = [];
  const wsBase = baseUrl.replace(/^http/, 'ws') + syncBasePath(spaceId) + (options.private ? '/private' : '');
  const provider = new WebsocketProvider(wsBase, 'sync', doc, {
    WebSocketPolyfill: socketClassWith({ cookie }, (frame) =>
      received.push(frame),
    ) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: options.params,
  });
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    received,
    closes,
    synced: () => waitFor(() => provider.synced, { message: 'provider sync' }).then(() => undefined),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Opens a raw socket and reports how the upgrade ended: 'open' or the plain HTTP status. */
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

/** An authenticated raw socket, to send what a well-behaved client never would. */
export function openRawSocket(url: string, cookie: string): Promise<WebSocket> {
  const Socket = socketClassWith({ cookie });
  const ws = new Socket(url);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/**
 * A raw socket to `url` as the holder of `cookie`, once the server has sent it its first frame
 * (a room's greeting, sync step 1, which it sends only once the room is whole). The listener is
 * there from the start: the greeting often comes in the same read as the upgrade's answer, and
 * is emitted before a caller awaiting the open could listen.
 */
export function openGreetedSocket(url: string, cookie: string): Promise<WebSocket> {
  let greeted: () => void = () => {};
  const greeting = new Promise<void>((resolve) => (greeted = resolve));
  const ws = new (socketClassWith({ cookie }, () => greeted()))(url);
  return new Promise((resolve, reject) => {
    void greeting.then(() => resolve(ws));
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`closed with ${code} before the server's first frame`)));
  });
}

/** Resolves with the close code the server ends this socket with. */
export function closeCodeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}
