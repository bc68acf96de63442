import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '@twofold/shared';
import { isAllowedOrigin } from '../auth/origin.ts';
import { tokenFromCookieHeader, type SessionService } from '../auth/sessions.ts';
import type { Logger } from '../lib/log.ts';
import { DocumentRetired } from '../store/doc-log-store.ts';
import type { Stores } from '../store/stores.ts';
import type { AccountLimits } from './account-limits.ts';
import { createConnectionBudget, type BudgetLimits } from './connection-budget.ts';
import { SYNC_PER_MESSAGE_DEFLATE } from './compression.ts';
import { cpuMs } from './cpu-time.ts';
import { deviceIdOf } from './device-id.ts';
import { startHeartbeat } from './heartbeat.ts';
import {
  QuotaExceeded,
  RoomFailure,
  STORAGE_UNAVAILABLE_REASON,
  StorageUnavailable,
  UndecodableMessage,
  UpdateTooCostly,
  type Room,
} from './room.ts';
import { docKey, type RoomRegistry } from './rooms.ts';
import { FIRST_COPY_KEY, type Peer, type SyncSocket } from './socket.ts';
import { UpdateRefused } from './update-check.ts';

/**
 * A message that took more than this (CPU ms) makes its connection rest as long as it took
 * (at most MAX_REST_MS) before its next is handled: keystrokes take well under a millisecond.
 */
const REST_AFTER_MS = 5;
const MAX_REST_MS = 200;

const SYNC_PATH = /^\/api\/spaces\/([A-Za-z0-9_-]{8,64})\/(private\/)?sync$/;

export interface UpgradeDeps {
  stores: Stores;
  sessions: SessionService;
  rooms: RoomRegistry;
  logger: Logger;
  allowedOrigins: readonly string[];
  maxFrameBytes: number;
  budget: BudgetLimits;
  /** Sockets and main-thread time per account (account-limits.ts), built with the app (build-app.ts). */
  accounts: AccountLimits;
}

/** Answers a refused upgrade with a plain HTTP status, before any WebSocket exists. */
function refuse(socket: Duplex, status: 401 | 403 | 404 | 429 | 503, reason: string) {
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
    // Checked on the decompressed size when a message was deflated (compression.ts).
    maxPayload: deps.maxFrameBytes,
    perMessageDeflate: SYNC_PER_MESSAGE_DEFLATE,
  });
  const heartbeat = startHeartbeat(wss.clients);
  const { accounts } = deps;

  function attach(ws: WebSocket, room: Room, peer: Peer) {
    const socket = new WsSyncSocket(ws);
    const budget = createConnectionBudget(deps.budget);
    // One connection's messages are handled in order, one at a time; after a costly one the
    // socket waits (paused, so nothing piles up unread) as long as that message took before
    // the next is handled, so the thread goes to everyone else in between (issue 14's bound).
    const queue: { bytes: Uint8Array; isBinary: boolean }[] = [];
    let resting = false;
    /** Shared mode: an update of this socket's is being committed (see handle). */
    let storing = false;
    if (room.loading) {
      // The document is replayed off the main thread (room.ts): nothing is read until it is
      // whole. The room greets the socket then; one that could not be loaded is closed by it.
      resting = true;
      ws.pause();
      void room.loading.then(() => {
        resting = false;
        // Resumed even when the room closed it (see the commit wait in handle).
        ws.resume();
        drain();
      });
    }
    const drain = () => {
      while (!resting && !storing && queue.length > 0 && ws.readyState === ws.OPEN) {
        const { bytes, isBinary } = queue.shift()!;
        const cost = handle(bytes, isBinary);
        if (cost > REST_AFTER_MS && ws.readyState === ws.OPEN) {
          resting = true;
          ws.pause();
          setTimeout(
            () => {
              resting = false;
              if (storing) return; // resumed once the commit is done
              ws.resume();
              drain();
            },
            Math.min(cost, MAX_REST_MS),
          ).unref();
        }
      }
    };
    ws.on('message', (data, isBinary) => {
      if (ws.readyState !== ws.OPEN) return;
      queue.push({ bytes: toBytes(data), isBinary });
      drain();
    });
    /** Handles one frame; returns the CPU time it took (ms). */
    const handle = (bytes: Uint8Array, isBinary: boolean): number => {
      if (!budget.spend(bytes.byteLength)) {
        deps.logger.warn('sync_over_budget', { room: room.key, userId: peer.userId });
        ws.close(CloseCode.tooMuch, 'too many messages; slow down');
        room.leave(socket);
        return 0;
      }
      if (!isBinary) {
        ws.close(CloseCode.undecodable, 'expected a binary frame');
        return 0;
      }
      const started = cpuMs();
      try {
        const stored = room.receiveFrame(socket, bytes);
        // Shared mode: the update waits for its commit to PostgreSQL; this socket reads nothing
        // more until then (its later messages, and the room's order, wait; none are dropped).
        if (stored) {
          storing = true;
          ws.pause();
          stored
            .catch((error: unknown) => {
              try {
                fail(error);
              } catch (unexpected) {
                deps.logger.error('sync_room_failure', { room: room.key, message: String(unexpected) });
                room.shutdown(CloseCode.internalError, 'please reconnect');
              }
            })
            .finally(() => {
              storing = false;
              if (resting) return;
              // Resumed even when closing: a paused socket would not read the client's answer
              // to our close frame, and the close would hang until ws's 30 s timeout.
              ws.resume();
              drain();
            });
        }
      } catch (error) {
        fail(error);
      }
      // Time, not bytes: what a message cost is what it kept everyone else waiting.
      const cost = cpuMs() - started;
      if (!accounts.spendWork(peer.userId, cost) && ws.readyState === ws.OPEN) {
        deps.logger.warn('sync_over_work_budget', { room: room.key, userId: peer.userId });
        ws.close(CloseCode.tooMuch, 'too much work; slow down');
        room.leave(socket);
      }
      return cost;
    };
    /** Closes what an error from the room calls for; rethrows what it does not know. */
    const fail = (error: unknown) => {
      if (error instanceof StorageUnavailable) {
        // Not kept, not shown to anyone: the client resends it once it reconnects.
        deps.logger.error('sync_storage_unavailable', { room: room.key, message: error.message });
        ws.close(CloseCode.tryAgainLater, STORAGE_UNAVAILABLE_REASON);
        room.leave(socket);
      } else if (error instanceof DocumentRetired) {
        // Nothing stored: the member left (on another instance) while this socket was open.
        deps.logger.info('sync_document_retired', { room: room.key });
        ws.close(CloseCode.membershipLost, 'left the space');
        room.leave(socket);
      } else if (error instanceof UpdateRefused) {
        deps.logger.warn('sync_update_refused', {
          room: room.key,
          userId: peer.userId,
          reason: error.reason,
        });
        ws.close(CloseCode.tooMuch, error.reason);
        room.leave(socket);
      } else if (error instanceof QuotaExceeded) {
        deps.logger.warn('sync_quota_exceeded', { room: room.key, userId: peer.userId });
        ws.close(CloseCode.spaceFull, error.message);
        room.leave(socket);
      } else if (error instanceof UpdateTooCostly) {
        // Not stored; the half-applied document is dropped and reloaded from the log.
        deps.logger.warn('sync_update_too_costly', { room: room.key, userId: peer.userId });
        ws.close(CloseCode.tooMuch, 'update too costly to apply');
        room.leave(socket);
        room.shutdown(CloseCode.internalError, 'please reconnect');
      } else if (error instanceof UndecodableMessage) {
        deps.logger.warn('sync_undecodable', { room: room.key, userId: peer.userId });
        ws.close(CloseCode.undecodable, 'could not decode message');
        room.leave(socket);
      } else if (error instanceof RoomFailure) {
        deps.logger.error('sync_room_failure', { room: room.key, message: error.message });
        room.shutdown(CloseCode.internalError, 'please reconnect');
      } else {
        throw error;
      }
    };
    heartbeat.watch(ws);
    ws.on('close', () => room.leave(socket));
    ws.on('error', (error) => {
      // `ws` closes with 1009 itself when a frame is over maxPayload; we only log it.
      deps.logger.warn('sync_socket_error', { room: room.key, message: error.message });
    });
    room.join(socket, peer);
  }

  // The session and membership are read from the stores, which are asynchronous (and may be
  // PostgreSQL): a failed read refuses the upgrade rather than leaving the socket hanging.
  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    authoriseAndUpgrade(request, socket, head).catch((error: unknown) => {
      deps.logger.error('sync_upgrade_failed', { message: String(error) });
      if (!socket.destroyed) refuse(socket, 503, 'Service Unavailable');
    });
  }

  async function authoriseAndUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
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
    const session = await deps.sessions.resolve(tokenFromCookieHeader(request.headers.cookie));
    if (!session) return refuse(socket, 401, 'Unauthorized');
    if (!(await deps.stores.spaces.isMember(spaceId, session.userId)))
      return refuse(socket, 403, 'Forbidden');

    const { userId } = session;
    // An account over its work budget waits before it may open (and load) anything again.
    if (!accounts.hasWork(userId) || !accounts.openSocket(userId)) {
      deps.logger.warn('sync_account_limit', { userId });
      return refuse(socket, 429, 'Too Many Requests');
    }
    let attached = false;
    socket.once('close', () => {
      if (!attached) accounts.closeSocket(userId);
    });

    const key = isPrivate ? docKey.private(spaceId, userId) : docKey.shared(spaceId);
    wss.handleUpgrade(request, socket, head, (ws) => {
      attached = true;
      ws.once('close', () => accounts.closeSocket(userId));
      const loaded = deps.rooms.get(key);
      const room = deps.rooms.open(key);
      // Loading a room is work done for whoever opened it (a failed replay's worker time
      // included: see Room.replayMs).
      if (!loaded) {
        accounts.spendWork(userId, room.loadMs);
        void room.loading?.then(() => accounts.spendWork(userId, room.replayMs));
      }
      const { sessionHash } = session;
      const copy = url.searchParams.get('copy');
      const firstCopyKey = copy && FIRST_COPY_KEY.test(copy) ? copy : undefined;
      attach(ws, room, { userId, sessionHash, deviceId: deviceIdOf(sessionHash), firstCopyKey });
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
