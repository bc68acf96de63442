/**
 * What a sync room needs from a connection: any transport (a `ws` WebSocket, a test double)
 * that can send bytes and close with a code fits.
 */
export interface SyncSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Who is on the other end of a socket, established on the upgrade request. */
export interface Peer {
  userId: string;
  sessionHash: string;
  /** What this connection's updates are stored with as their device (device-id.ts). */
  deviceId: string;
  /**
   * The `copy` the client put in the socket's address (`?copy=`, FIRST_COPY_KEY): names this
   * connection when its device asks for the document's first copy over HTTP (Room.snapshotFor),
   * so two tabs of one session never take each other's.
   */
  firstCopyKey?: string;
}

/** What a socket's `?copy=` may be: a client-made random id. Anything else is ignored. */
export const FIRST_COPY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
