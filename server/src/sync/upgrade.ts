import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '@twofold/shared';
import { isAllowedOrigin } from '../auth/origin.ts';
import { tokenFromCookieHeader, type SessionService } from '../auth/sessions.ts';
import type { Logger } from '../lib/log.ts';
import type { Stores } from '../store/stores.ts';
import { createConnectionBudget, type BudgetLimits } from './connection-budget.ts';
import { startHeartbeat } from './heartbeat.ts';
import { RoomFailure, UndecodableMessage, type Room } from './room.ts';
import { docKey, type RoomRegistry } from './rooms.ts';
import type { Peer, SyncSocket } from './socket.ts';

const SYNC_PATH = /^\/api\/spaces\/([A-Za-z0-9_-]{8,64})\/(private\/)?sync$/;

export interface UpgradeDeps {
  stores: Stores;
  sessions: SessionService;
  rooms: RoomRegistry;
  logger: Logger;
  allowedOrigins: readonly string[];
  maxFrameBytes: number;
  budget: BudgetLimits;
}

/** Answers a refused upgrade with a plain HTTP status, before any WebSocket exists. */
function refuse(socket: Duplex, status: 401 | 403 | 404, reason: string) {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

/**
 * The `upgrade` listener for the sync endpoints. It authenticates the session cookie, checks
 * the Origin and membership, and only then upgrades; rooms are matched on the path alone.
 */
export function createUpgradeHandler(deps: UpgradeDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxFrameBytes,
    perMessageDeflate: false,
  });
  const heartbeat = startHeartbeat(wss.clients);

  function attach(ws: WebSocket, room: Room, peer: Peer) {
    const socket = new WsSyncSocket(ws);
    const budget = createConnectionBudget(deps.budget);
    ws.on('message', (data, isBinary) => {
      if (ws.readyState !== ws.OPEN) return;
      const bytes = toBytes(data);
      if (!budget.spend(bytes.byteLength)) {
        deps.logger.warn('sync_over_budget', { room: room.key, userId: peer.userId });
        ws.close(CloseCode.tooMuch, 'too many messages; slow down');
        room.leave(socket);
        return;
      }
      if (!isBinary) {
        ws.close(CloseCode.undecodable, 'expected a binary frame');
        return;
      }
      try {
        room.receive(socket, bytes);
      } catch (error) {
        if (error instanceof UndecodableMessage) {
          deps.logger.warn('sync_undecodable', { room: room.key, userId: peer.userId });
          ws.close(CloseCode.undecodable, 'could not decode message');
          room.leave(socket);
        } else if (error instanceof RoomFailure) {
          deps.logger.error('sync_room_failure', { room: room.key, message: error.message });
          room.shutdown(CloseCode.internalError, 'please reconnect');
        } else {
          throw error;
        }
      }
    });
    heartbeat.watch(ws);
    ws.on('close', () => room.leave(socket));
    ws.on('error', (error) => {
      // `ws` closes with 1009 itself when a frame is over maxPayload; we only log it.
      deps.logger.warn('sync_socket_error', { room: room.key, message: error.message });
    });
    room.join(socket, peer);
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = SYNC_PATH.exec(url.pathname);
    if (!match?.[1]) return refuse(socket, 404, 'Not Found');
    const spaceId = match[1];
    const isPrivate = Boolean(match[2]);

    const scheme = (request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const ownOrigin = `${scheme}://${request.headers.host ?? ''}`;
    if (!isAllowedOrigin(request.headers.origin, ownOrigin, deps.allowedOrigins)) {
      return refuse(socket, 403, 'Forbidden');
    }
    const session = deps.sessions.resolve(tokenFromCookieHeader(request.headers.cookie));
    if (!session) return refuse(socket, 401, 'Unauthorized');
    if (!deps.stores.spaces.isMember(spaceId, session.userId)) return refuse(socket, 403, 'Forbidden');

    const key = isPrivate ? docKey.private(spaceId, session.userId) : docKey.shared(spaceId);
    wss.handleUpgrade(request, socket, head, (ws) => {
      attach(ws, deps.rooms.open(key), { userId: session.userId, sessionHash: session.sessionHash });
    });
  }

  return {
    handleUpgrade,
    /** Stops the heartbeat; sockets are closed by the rooms' shutdown. */
    close: heartbeat.stop,
  };
}

/**
 * A `ws` WebSocket as a room sees it. A class, not an object of arrow functions: its methods are
 * shared by every connection instead of two closures (and their contexts) each.
 */
class WsSyncSocket implements SyncSocket {
  constructor(private readonly ws: WebSocket) {}
  send(data: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(data);
  }
  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
