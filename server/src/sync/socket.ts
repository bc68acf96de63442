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
}
