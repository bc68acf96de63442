import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, SyncMessageType } from '@twofold/shared';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { DocLog, MergePlan } from '../store/doc-log.ts';
import { ApplyTooSlow, applyWithin, runWithin } from './apply-deadline.ts';
import { APPLY_COST, RoomCost } from './apply-cost.ts';
import { cpuMs } from './cpu-time.ts';
import { DEFAULT_DOC_QUOTA_BYTES } from './doc-quota.ts';
import { filterAwareness } from './awareness-owners.ts';
import { replayOffThread, ReplayStopped, type Replay } from './replay-off-thread.ts';
import type { Peer, SyncSocket } from './socket.ts';
import { checkUpdate, countStructs, precheckUpdate, UpdateRefused } from './update-check.ts';

/** Compact after this many log rows since the last snapshot, or this many bytes... */
const COMPACT_AFTER_ROWS = 500;
const COMPACT_AFTER_BYTES = 1024 * 1024;
/**
 * ...once edits have paused this long: compacting 500 rows takes the thread for about 15 ms,
 * and that pause should fall between someone's sentences, not inside them.
 */
const COMPACT_WHEN_QUIET_MS = 1000;
/** Without a pause, at once after this many times the rows or bytes above. */
const COMPACT_OVERDUE_FACTOR = 4;
/** On close, a room with at least this many rows since its snapshot writes a new one. */
const COMPACT_ON_CLOSE_ROWS = 20;

export class UndecodableMessage extends Error {}

/**
 * The document already holds `quotaBytes` (log rows and snapshot); the update was not applied.
 * The caller closes the connection with 4413 so the client stops resending it.
 */
export class QuotaExceeded extends Error {
  constructor() {
    super('this space has reached its storage limit');
  }
}

/**
 * Updates building on edits the server lacks that one connection may send in a row, each
 * answered with a sync step 1 (see UpdateRefused), before it is closed with 1008. An honest
 * client sends a handful while its first exchange after an offline spell is under way.
 */
const MISSING_IN_A_ROW = 20;

interface Connection {
  peer: Peer;
  /** Updates refused in a row for building on what the server lacks (MISSING_IN_A_ROW). */
  missing: number;
  /** Awareness client ids this connection owns (see awareness-owners.ts), removed when it leaves. */
  awarenessIds: Set<number>;
}

export interface RoomDeps {
  log: DocLog;
  clock: Clock;
  logger: Logger;
  /**
   * Bytes one document may hold in the log (rows and snapshot); past it, updates are refused.
   * DEFAULT_DOC_QUOTA_BYTES unless given.
   */
  docQuotaBytes?: number;
  /** Called once the last connection has left and the room's last write is done. */
  onEmpty(room: Room): void;
  /** Wall ms a replay worker may take (REPLAY_TIME_LIMIT_MS unless given; tests make it short). */
  replayTimeLimitMs?: number;
}

/** The close reason sent to the connections of a room whose log could not be replayed. */
export const UNLOADABLE_REASON = 'this space could not be opened; please try again later';

/**
 * One Yjs document and the connections editing it, speaking the y-websocket protocol.
 *
 * Loading is synchronous when the log replays within `APPLY_COST.maxMs` of CPU time (every
 * honest log does), so no message is handled before the document is whole. A log that takes
 * longer (a conflict walk an older server stored) is replayed on a worker thread instead
 * (replay-off-thread.ts): meanwhile `loading` is a promise, connections may join but hear
 * nothing and must send nothing (upgrade.ts pauses their sockets), and once the worker's
 * state is applied a snapshot is written, so the next open is linear. A log the worker cannot
 * replay within its time limit closes the room's connections with 1011 and
 * `UNLOADABLE_REASON` (logged as `sync_room_unloadable`); nothing is stored or dropped.
 *
 * Every update is validated, applied, and appended to the log (on disk, in the edit journal)
 * before it is relayed to anyone: durable before shared. The original update bytes are
 * relayed, never re-encoded, and never echoed to their sender.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /**
   * Set while the log is replayed off the main thread; settles (never rejects) once the room
   * is open, or has been shut down because it could not be loaded. Null once open.
   */
  loading: Promise<void> | null = null;
  /**
   * Work a replay off the main thread leaves to charge whoever opened the room (ms): the CPU
   * time applying the worker's answer took, or, when the log could not be replayed, the
   * worker's wall time too, so that an account reopening such a room in a loop is refused
   * for a while. A replay that succeeds is not charged: its snapshot means it is paid once.
   */
  replayMs = 0;
  private replay: Replay | undefined;
  private readonly connections = new Map<SyncSocket, Connection>();
  private lastId: number;
  private rowsSinceSnapshot: number;
  private bytesSinceSnapshot = 0;
  private compactionScheduled = false;
  private quietTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Set when the document no longer matches the log: it must not be written back as a snapshot. */
  private failed = false;
  private structCount = 0;
  private storedBytes = 0;
  private cost = new RoomCost(0, 0);
  /** CPU time loading took on the main thread (ms), for the caller's account of work done. */
  readonly loadMs: number;
  /**
   * Assigned in the constructor rather than declared as an arrow-function field: under tsx a
   * named arrow field is wrapped to keep its name, which puts the function's properties in
   * dictionary mode (about 256 bytes more for every room in memory).
   */
  private readonly awarenessListener: (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => void;

  constructor(
    readonly key: string,
    private readonly deps: RoomDeps,
  ) {
    const started = cpuMs();
    const loaded = deps.log.load(key);
    const doc = new Y.Doc();
    let replayed = true;
    try {
      runWithin(APPLY_COST.maxMs, () =>
        doc.transact(() => {
          for (const update of loaded.updates) Y.applyUpdate(doc, update);
        }),
      );
    } catch (error) {
      if (!(error instanceof ApplyTooSlow)) throw error;
      // Half-replayed: dropped. The worker starts again from the log.
      doc.destroy();
      replayed = false;
    }
    this.doc = replayed ? doc : new Y.Doc();
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.loadMs = cpuMs() - started;
    this.lastId = loaded.lastId;
    this.rowsSinceSnapshot = loaded.sinceSnapshot;
    if (replayed) {
      this.opened(this.loadMs);
      // Rows whose replay was costly (a conflict walk) are paid once: a snapshot loads linearly.
      if (this.rowsSinceSnapshot >= COMPACT_AFTER_ROWS || this.cost.excessMs > APPLY_COST.slackMs)
        this.scheduleCompaction();
    } else {
      // Until the worker's state is applied the empty document must not be written back.
      this.failed = true;
      this.replay = replayOffThread(deps.log.mergeInput(key, loaded.lastId), deps.replayTimeLimitMs);
      this.loading = this.loadReplayed(this.replay);
    }

    this.awareness.setLocalState(null);
    this.awarenessListener = (changes, origin) => this.onAwarenessUpdate(changes, origin);
    this.awareness.on('update', this.awarenessListener);
  }

  /** What the cost accounting starts from once the document is whole (`loadMs`: CPU ms it took). */
  private opened(loadMs: number) {
    this.structCount = countStructs(this.doc);
    this.cost = new RoomCost(loadMs, this.structCount);
    this.storedBytes = this.deps.log.storedBytes(this.key);
  }

  /**
   * Applies what the worker replayed (one update: linear to apply, whatever the log cost) and
   * writes it as the snapshot, then greets whoever joined meanwhile. If the worker failed, the
   * room closes its connections (see the class comment); if the room closed first, nothing.
   */
  private async loadReplayed(replay: Replay): Promise<void> {
    const began = performance.now();
    try {
      const { state, merge, ms } = await replay.done;
      if (this.closed) return;
      const started = cpuMs();
      Y.applyUpdate(this.doc, state);
      this.failed = false;
      // Merged as the worker worked it out: merging here would replay the rows on this
      // thread, the very walk the worker took off it.
      this.writeSnapshot(merge);
      this.opened(0);
      this.replayMs = cpuMs() - started;
      this.deps.logger.info('sync_room_replayed', { room: this.key, workerMs: Math.round(ms) });
    } catch (error) {
      if (error instanceof ReplayStopped || this.closed) return;
      this.loading = null;
      this.failed = true;
      this.replayMs = performance.now() - began;
      this.deps.logger.error('sync_room_unloadable', { room: this.key, message: String(error) });
      this.shutdown(CloseCode.internalError, UNLOADABLE_REASON);
      return;
    }
    this.loading = null;
    for (const socket of this.connections.keys()) this.greet(socket);
    if (this.connections.size === 0) this.close();
  }

  get size(): number {
    return this.connections.size;
  }

  /**
   * Adds a connection and starts the sync handshake: our state vector, then presence. While
   * the room is `loading`, the handshake waits until the document is whole.
   */
  join(socket: SyncSocket, peer: Peer): void {
    this.connections.set(socket, { peer, missing: 0, awarenessIds: new Set() });
    if (!this.loading) this.greet(socket);
  }

  private greet(socket: SyncSocket) {
    socket.send(this.encodeStep1());
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) socket.send(this.encodeAwareness(clients));
  }

  /**
   * Handles one binary frame. Throws `UndecodableMessage` for anything that is not a valid
   * y-websocket message; the caller closes that connection and nothing is stored.
   */
  receive(socket: SyncSocket, data: Uint8Array): void {
    const connection = this.connections.get(socket);
    // While loading, the document is not whole: the caller holds messages back (upgrade.ts).
    // Were one dropped here, the sync step 1 sent once loaded brings it back in the answer.
    if (!connection || this.loading) return;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case SyncMessageType.sync:
          this.receiveSync(socket, connection, decoder, data);
          return;
        case SyncMessageType.awareness: {
          // Only the states this connection owns: a partner cannot rewrite the other's presence.
          const update = filterAwareness(
            decoding.readVarUint8Array(decoder),
            connection,
            this.awarenessOwners,
          );
          if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
          return;
        }
        case SyncMessageType.queryAwareness:
          socket.send(this.encodeAwareness([...this.awareness.getStates().keys()]));
          return;
        case SyncMessageType.auth:
          return;
        default:
          throw new UndecodableMessage(`unknown message type ${type}`);
      }
    } catch (error) {
      if (error instanceof RoomFailure || error instanceof UpdateRefused || error instanceof QuotaExceeded)
        throw error;
      throw new UndecodableMessage(error instanceof Error ? error.message : String(error));
    }
  }

  /** Removes a connection and its presence; the room empties itself when no one is left. */
  leave(socket: SyncSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    if (connection.awarenessIds.size > 0) {
      for (const id of connection.awarenessIds) this.awarenessOwners.delete(id);
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
    // A room still loading stays until its replay is done and written (loadReplayed closes it).
    if (this.connections.size === 0 && !this.loading) this.close();
  }

  /** Closes every connection matching `predicate` with the given code. */
  disconnect(predicate: (peer: Peer) => boolean, code: number, reason: string): void {
    for (const [socket, connection] of [...this.connections]) {
      if (predicate(connection.peer)) {
        socket.close(code, reason);
        this.leave(socket);
      }
    }
  }

  private receiveSync(
    socket: SyncSocket,
    connection: Connection,
    decoder: decoding.Decoder,
    frame: Uint8Array,
  ) {
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, SyncMessageType.sync);
      syncProtocol.writeSyncStep2(reply, this.doc, decoding.readVarUint8Array(decoder));
      socket.send(encoding.toUint8Array(reply));
    } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
      const update = decoding.readVarUint8Array(decoder);
      // A frame that is exactly one update message is already what the partner must receive.
      const relay = step === syncProtocol.messageYjsUpdate && !decoding.hasContent(decoder) ? frame : null;
      this.receiveUpdate(socket, connection, update, relay);
    } else {
      throw new UndecodableMessage(`unknown sync step ${step}`);
    }
  }

  /** `relay` is the frame to pass on as it came, when it is one update message and nothing else. */
  private receiveUpdate(
    socket: SyncSocket,
    connection: Connection,
    update: Uint8Array,
    relay: Uint8Array | null,
  ) {
    if (isEmptyUpdate(update)) return;
    // Parse fully and check the shape before touching the document, so a malformed update or
    // one Yjs would have to keep pending changes nothing.
    precheckUpdate(update);
    let shape;
    try {
      shape = checkUpdate(this.doc, Y.decodeUpdate(update), this.structCount);
    } catch (error) {
      if (!(error instanceof UpdateRefused) || !error.missing || ++connection.missing > MISSING_IN_A_ROW)
        throw error;
      // Not applied (Yjs would keep it pending); the client's answer carries it with what it builds on.
      socket.send(this.encodeStep1());
      return;
    }
    connection.missing = 0;
    if (this.storedBytes + update.byteLength > (this.deps.docQuotaBytes ?? DEFAULT_DOC_QUOTA_BYTES))
      throw new QuotaExceeded();
    try {
      const elapsed = applyWithin(this.doc, update, connection, this.cost.budgetFor(shape));
      this.cost.record(shape, elapsed);
      this.lastId = this.deps.log.append(this.key, connection.peer.userId, this.deps.clock.now(), update);
    } catch (error) {
      this.failed = true;
      if (error instanceof ApplyTooSlow) throw new UpdateTooCostly(error);
      throw new RoomFailure(error);
    }
    this.structCount = countStructs(this.doc);
    this.storedBytes += update.byteLength;
    this.rowsSinceSnapshot++;
    this.bytesSinceSnapshot += update.byteLength;

    this.broadcast(relay ?? encodeUpdateMessage(update), socket);

    if (this.compactionDue(COMPACT_OVERDUE_FACTOR)) this.scheduleCompaction();
    else if (this.compactionDue(1)) this.compactWhenQuiet();
  }

  private compactionDue(factor: number): boolean {
    return (
      this.rowsSinceSnapshot >= COMPACT_AFTER_ROWS * factor ||
      this.bytesSinceSnapshot >= COMPACT_AFTER_BYTES * factor
    );
  }

  /** Which connection owns each awareness client id in this room (see awareness-owners.ts). */
  private readonly awarenessOwners = new Map<number, Connection>();

  private onAwarenessUpdate(
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    let sender: SyncSocket | undefined;
    // Ownership (connection.awarenessIds) is recorded by filterAwareness, before applying.
    for (const [socket, connection] of this.connections) {
      if (connection === origin) sender = socket;
    }
    if (changed.length > 0) this.broadcast(this.encodeAwareness(changed), sender);
  }

  private encodeStep1(): Uint8Array {
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, SyncMessageType.sync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    return encoding.toUint8Array(step1);
  }

  private encodeAwareness(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SyncMessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  private broadcast(message: Uint8Array, except?: SyncSocket) {
    for (const socket of this.connections.keys()) {
      if (socket !== except) socket.send(message);
    }
  }

  private scheduleCompaction() {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    // Later, off the path of the write that triggered it: never delay an update's commit.
    setImmediate(() => {
      this.compactionScheduled = false;
      if (!this.closed) this.compact();
    });
  }

  /** Compacts once no edit has come for COMPACT_WHEN_QUIET_MS; every edit restarts the wait. */
  private compactWhenQuiet() {
    if (this.quietTimer) {
      this.quietTimer.refresh();
      return;
    }
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      if (!this.closed) this.compact();
    }, COMPACT_WHEN_QUIET_MS);
  }

  /** Writes a snapshot of the document as of the newest log row and merges covered history. */
  compact(): void {
    clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
    this.writeSnapshot();
  }

  /**
   * Writes the document as of `lastId` as the snapshot. `merge`: see `DocLog.compact`; worked
   * out by the worker when the rows were too costly to replay here.
   */
  private writeSnapshot(merge?: MergePlan) {
    if (this.rowsSinceSnapshot === 0 || this.failed) return;
    try {
      this.deps.log.compact(
        this.key,
        this.lastId,
        this.deps.clock.now(),
        Y.encodeStateAsUpdate(this.doc),
        merge,
      );
      this.rowsSinceSnapshot = 0;
      this.bytesSinceSnapshot = 0;
      this.storedBytes = this.deps.log.storedBytes(this.key);
    } catch (error) {
      // The log still holds every update; only loading gets slower until the next try.
      this.deps.logger.error('compaction_failed', { room: this.key, message: String(error) });
    }
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.replay?.stop();
    clearTimeout(this.quietTimer);
    if (!this.failed && this.rowsSinceSnapshot >= COMPACT_ON_CLOSE_ROWS) this.compact();
    this.awareness.off('update', this.awarenessListener);
    this.awareness.destroy();
    this.doc.destroy();
    this.deps.onEmpty(this);
  }

  /** Closes every connection (server shutdown or storage failure) and leaves memory. */
  shutdown(code: number, reason: string): void {
    for (const socket of [...this.connections.keys()]) {
      socket.close(code, reason);
      this.leave(socket);
    }
    this.close();
  }
}

/**
 * The in-memory document may no longer match the log (an update was applied but could not be
 * committed, or failed half-way through applying). The room must be dropped and reloaded.
 */
export class RoomFailure extends Error {
  constructor(cause: unknown) {
    super(`room failure: ${String(cause)}`);
  }
}

/**
 * Applying an update ran past its deadline (see apply-cost.ts): it was not stored, and the
 * half-applied document must be dropped and reloaded. The sender is closed with 1008.
 */
export class UpdateTooCostly extends RoomFailure {}

function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, SyncMessageType.sync);
  syncProtocol.writeUpdate(message, update);
  return encoding.toUint8Array(message);
}

/** An update with no structs and no deletions encodes as two zero bytes. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
