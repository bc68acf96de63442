/** WebSocket close codes the sync server uses, and what the client should do on each. */
export const CloseCode = {
  /** A frame was larger than MAX_FRAME_BYTES. */
  frameTooLarge: 1009,
  /** The connection sent more messages or bytes per second than its budget; reconnect slower. */
  tooMuch: 1008,
  /** A frame could not be decoded as a y-websocket message. */
  undecodable: 1007,
  /** The server is restarting; reconnect. */
  serverRestart: 1012,
  /** The server could not keep the edit safe (for example the disk failed); reconnect. */
  internalError: 1011,
  /**
   * The store every instance shares (PostgreSQL) did not take the edit: it was not kept nor
   * shown to anyone. Reconnect later; the client's sync resends it.
   */
  tryAgainLater: 1013,
  /** The session ended (logout, revoked, expired). y-websocket stops reconnecting on 44xx. */
  sessionEnded: 4401,
  /** Membership of the space was lost. */
  membershipLost: 4403,
  /** The document reached its storage quota; the update was not kept. y-websocket stops here. */
  spaceFull: 4413,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const DEFAULT_MAX_FRAME_BYTES = 2 * 1024 * 1024;
export const SESSION_COOKIE = 'twofold_session';

/** The y-websocket room paths, relative to the space: `serverUrl + '/' + room`. */
export const SyncRoom = { shared: 'sync', private: 'private/sync' } as const;

/** Base URL (without the room) a WebsocketProvider uses for a space's documents. */
export function syncBasePath(spaceId: string): string {
  return `/api/spaces/${encodeURIComponent(spaceId)}`;
}
