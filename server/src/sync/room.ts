import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, SyncMessageType } from '@twofold/shared';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { DocLog } from '../store/doc-log.ts';
import { DocumentRetired, type CoalescePlan, type UpdateOrigin } from '../store/doc-log-store.ts';
import { coalescingInput } from '../store/yjs-compactor.ts';
import { ApplyTooSlow, applyWithin, runWithin } from './apply-deadline.ts';
import { APPLY_COST, RoomCost } from './apply-cost.ts';
import { cpuMs } from './cpu-time.ts';
import { DEFAULT_DOC_QUOTA_BYTES } from './doc-quota.ts';
import { filterAwareness } from './awareness-owners.ts';
import { replayOffThread, ReplayStopped, type Replay } from './replay-off-thread.ts';
import type { Peer, SyncSocket } from './socket.ts';
import type { SharedRoomStorage } from './shared-rooms.ts';
import { changesNothing, checkUpdate, countStructs, precheckUpdate, UpdateRefused } from './update-check.ts';

/** Transaction origin of what came from the store or another instance, not from a connection here. */
const FROM_ELSEWHERE = Symbol('elsewhere');

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
  /** Shared mode: stands for one account's connections on other instances (presence only). */
  remote?: true;
  /** Set once this connection's device was given the whole document over HTTP (snapshotFor). */
  snapshotTaken?: true;
  /**
   * Until this connection's first sync step 1: the deletions-only diff (the document's whole
   * delete set) as of the first copy it was given, to tell whether its step 2 would repeat it.
   */
  firstCopyDeletions?: Uint8Array;
}

/**
 * Where a room stores: `log`, the SQLite log on this machine (synchronous: an update is in the
 * edit journal when `append` returns), or `shared`, the PostgreSQL log and the Redis bus every
 * instance uses (asynchronous: an update is committed when `append` resolves). Exactly one.
 */
export type RoomStorage =
  { log: DocLog; shared?: undefined } | { shared: SharedRoomStorage; log?: undefined };

/** What a room is given: its storage (one of RoomStorage's two; see the registry) and options. */
export interface RoomDeps extends RoomOptions {
  log?: DocLog;
  shared?: SharedRoomStorage;
}

export interface RoomOptions {
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

/** The close reason (with 1013) when the shared store did not take an edit or could not be read. */
export const STORAGE_UNAVAILABLE_REASON = 'storage unavailable; please try again later';

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
  /** The document (replaced only while a shared room is loading: see loadShared). */
  get doc(): Y.Doc {
    return this.currentDoc;
  }
  private currentDoc: Y.Doc;
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
  /** Shared mode: what the room's updates wait behind, so they are appended one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
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
    if (!deps.log === !deps.shared) throw new TypeError('room: give it either a log or shared storage');
    if (deps.shared) {
      // Asynchronous: sockets wait, paused, until the document is whole (upgrade.ts).
      this.currentDoc = new Y.Doc();
      this.awareness = new awarenessProtocol.Awareness(this.currentDoc);
      this.loadMs = 0;
      this.lastId = 0;
      this.rowsSinceSnapshot = 0;
      this.failed = true;
      this.awareness.setLocalState(null);
      this.awarenessListener = (changes, origin) => this.onAwarenessUpdate(changes, origin);
      this.awareness.on('update', this.awarenessListener);
      this.loading = this.loadShared(deps.shared);
      return;
    }
    const log = deps.log!;
    const started = cpuMs();
    const loaded = log.load(key);
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
    this.currentDoc = replayed ? doc : new Y.Doc();
    this.awareness = new awarenessProtocol.Awareness(this.currentDoc);
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
      this.replay = replayOffThread(log.mergeInput(key, loaded.lastId), deps.replayTimeLimitMs);
      this.loading = this.loadReplayed(this.replay);
    }

    this.awareness.setLocalState(null);
    this.awarenessListener = (changes, origin) => this.onAwarenessUpdate(changes, origin);
    this.awareness.on('update', this.awarenessListener);
  }

  /** What the cost accounting starts from once the document is whole (`loadMs`: CPU ms it took). */
  private opened(loadMs: number, storedBytes = this.deps.log?.storedBytes(this.key) ?? 0) {
    this.structCount = countStructs(this.doc);
    this.cost = new RoomCost(loadMs, this.structCount);
    this.storedBytes = storedBytes;
  }

  /**
   * Shared mode: reads the snapshot and updates from the store, applies them (off the main
   * thread when that takes longer than APPLY_COST.maxMs, as on SQLite: the worker's state and
   * merged history are then swapped in, as the compactor's would be), then follows the bus,
   * whose join repairs whatever was appended meanwhile. Only then are the waiting connections
   * greeted. If the store cannot be read, or Redis not joined, they are closed with 1013;
   * nothing was changed.
   */
  private async loadShared(shared: SharedRoomStorage): Promise<void> {
    const began = performance.now();
    /** Set when the worker could not replay the log (not the store's fault: 1011, not 1013). */
    let unloadable = false;
    try {
      const loaded = await shared.store.load(this.key);
      if (this.closed) return;
      const started = cpuMs();
      try {
        runWithin(APPLY_COST.maxMs, () =>
          this.doc.transact(() => {
            for (const update of loaded.updates) Y.applyUpdate(this.doc, update);
          }, FROM_ELSEWHERE),
        );
      } catch (error) {
        if (!(error instanceof ApplyTooSlow)) throw error;
        // Half-replayed: dropped (not destroyed: the awareness listens for that). The worker
        // replays from the coalescing mark, as the compactor would, so its merge is the plan.
        this.currentDoc = new Y.Doc();
        const input = await coalescingInput(shared.store, this.key, loaded);
        if (this.closed) return;
        this.replay = replayOffThread(
          {
            fromId: input.fromSeq,
            base: input.base,
            rows: input.rows.map(({ seq, ...row }) => ({ id: seq, ...row })),
          },
          this.deps.replayTimeLimitMs,
        );
        let state, merge, ms;
        try {
          ({ state, merge, ms } = await this.replay.done);
        } catch (replayError) {
          if (replayError instanceof ReplayStopped) throw replayError;
          unloadable = true;
          throw replayError;
        }
        if (this.closed) return;
        Y.applyUpdate(this.doc, state, FROM_ELSEWHERE);
        this.deps.logger.info('sync_room_replayed', { room: this.key, workerMs: Math.round(ms) });
        // The worker's state is linear to apply, unlike the rows (or their Y.mergeUpdates):
        // it becomes the snapshot, so the next open on any instance is cheap, and its merge
        // coalesces the history as the compactor would. Lost to a concurrent swap, neither is
        // written.
        shared.store
          .compareAndSwapSnapshot(this.key, {
            expectedSeq: loaded.snapshotSeq,
            uptoSeq: loaded.lastSeq,
            at: this.deps.clock.now(),
            state,
            coalesce: merge,
          })
          .then((swapped) => {
            if (swapped) this.rowsSinceSnapshot = Math.max(0, this.rowsSinceSnapshot - loaded.sinceSnapshot);
          })
          .catch((error: unknown) =>
            this.deps.logger.error('compaction_failed', { room: this.key, message: String(error) }),
          );
      }
      this.lastId = loaded.lastSeq;
      this.rowsSinceSnapshot = loaded.sinceSnapshot;
      const storedBytes = await shared.store.storedBytes(this.key);
      if (this.closed) return;
      this.opened(cpuMs() - started, storedBytes);
      this.failed = false;
      await shared.bus.join(
        this.key,
        loaded.lastSeq,
        (updates, lastSeq) => this.applyShared(updates, lastSeq),
        {
          onAwareness: (update, ownerId) => this.receiveRemoteAwareness(update, ownerId),
          onQuery: () => this.publishOwnPresence(),
        },
      );
      if (this.closed) {
        this.leaveBus(shared);
        return;
      }
      void shared.bus.queryAwareness(this.key);
    } catch (error) {
      if (error instanceof ReplayStopped || this.closed) return;
      this.loading = null;
      this.failed = true;
      this.replayMs = performance.now() - began;
      this.deps.logger.error('sync_room_unloadable', { room: this.key, message: String(error) });
      this.shutdown(
        unloadable ? CloseCode.internalError : CloseCode.tryAgainLater,
        unloadable ? UNLOADABLE_REASON : STORAGE_UNAVAILABLE_REASON,
      );
      return;
    }
    this.loading = null;
    if (this.cost.excessMs > APPLY_COST.slackMs || this.rowsSinceSnapshot >= COMPACT_AFTER_ROWS)
      this.scheduleCompaction();
    for (const socket of this.connections.keys()) this.greet(socket);
    if (this.connections.size === 0) this.close();
  }

  /**
   * Shared mode: updates another instance stored (from the bus, or a repair read from the
   * store), in order. Applied and passed to every connection here; what the room already had
   * (its own, repeated by a repair) is not sent again.
   */
  private applyShared(updates: Uint8Array[], lastSeq: number) {
    if (this.closed || updates.length === 0) return;
    const before = updates.length === 1 ? null : Y.encodeStateVector(this.doc);
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    }, FROM_ELSEWHERE);
    this.lastId = Math.max(this.lastId, lastSeq);
    this.structCount = countStructs(this.doc);
    for (const update of updates) {
      this.storedBytes += update.byteLength;
      this.bytesSinceSnapshot += update.byteLength;
    }
    this.rowsSinceSnapshot += updates.length;
    if (this.loading) return; // greeted once loaded, with everything
    const message = before ? Y.encodeStateAsUpdate(this.doc, before) : updates[0]!;
    if (!isEmptyUpdate(message)) this.broadcast(encodeUpdateMessage(message));
  }

  /** Shared mode: every presence state owned by a connection here, for an instance that asked. */
  private publishOwnPresence() {
    const states = this.awareness.getStates();
    for (const connection of this.connections.values()) {
      const ids = [...connection.awarenessIds].filter((id) => states.has(id));
      if (ids.length > 0)
        void this.deps.shared?.bus.publishAwareness(
          this.key,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
          connection.peer.userId,
        );
    }
  }

  /**
   * Shared mode: presence set by a connection of `ownerId`'s on another instance. The same
   * ownership rule as for connections here (awareness-owners.ts): each account's states on
   * other instances stand as one owner, so a partner anywhere cannot rewrite the other's.
   */
  private receiveRemoteAwareness(update: Uint8Array, ownerId: string) {
    if (this.closed) return;
    let owner = this.remoteOwners.get(ownerId);
    if (!owner) {
      owner = {
        peer: { userId: ownerId, sessionHash: '', deviceId: '' },
        missing: 0,
        awarenessIds: new Set(),
        remote: true,
      };
      this.remoteOwners.set(ownerId, owner);
    }
    try {
      const allowed = filterAwareness(update, owner, this.awarenessOwners);
      if (allowed) awarenessProtocol.applyAwarenessUpdate(this.awareness, allowed, FROM_ELSEWHERE);
    } catch (error) {
      this.deps.logger.warn('sync_bus_awareness_undecodable', { room: this.key, message: String(error) });
    }
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
   * y-websocket message; the caller closes that connection and nothing is stored. In shared
   * mode an update is stored later (see `receiveFrame`); what fails then is only logged here.
   */
  receive(socket: SyncSocket, data: Uint8Array): void {
    const stored = this.receiveFrame(socket, data);
    stored?.catch((error: unknown) =>
      this.deps.logger.error('sync_update_not_stored', { room: this.key, message: String(error) }),
    );
  }

  /**
   * `receive`, for callers that must know when an update is stored: undefined when the frame
   * is handled (always so on SQLite); in shared mode, for an update, a promise that resolves
   * once it is committed, applied and relayed, or rejects with what `receive` would throw, or
   * `StorageUnavailable`. Throws synchronously what is wrong with the frame itself.
   */
  receiveFrame(socket: SyncSocket, data: Uint8Array): Promise<void> | undefined {
    const connection = this.connections.get(socket);
    // While loading, the document is not whole: the caller holds messages back (upgrade.ts).
    // Were one dropped here, the sync step 1 sent once loaded brings it back in the answer.
    if (!connection || this.loading) return;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case SyncMessageType.sync:
          return this.receiveSync(socket, connection, decoder, data)?.catch(rethrowAsRoomError);
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
      rethrowAsRoomError(error);
    }
  }

  /** Removes a connection and its presence; the room empties itself when no one is left. */
  leave(socket: SyncSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    if (connection.awarenessIds.size > 0) {
      for (const id of connection.awarenessIds) this.awarenessOwners.delete(id);
      // Its own origin, so the removal reaches other instances too (onAwarenessUpdate).
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], connection);
    }
    // A room still loading stays until its replay is done and written (loadReplayed closes it).
    if (this.connections.size === 0 && !this.loading) this.close();
  }

  /**
   * The whole document as one update (`Y.encodeStateAsUpdate`), for the device behind the
   * connection here opened with `sessionHash` and `?copy=firstCopyKey` (Peer.firstCopyKey)
   * that has not had one yet: a new device's first copy, sent over HTTP
   * (http/routes/snapshots.ts), where brotli packs it far tighter than the socket's deflate
   * with its 8 KB window (a year of letters: 33 KB against 72 KB). Null when no such connection
   * is here or the document is not whole (loading, failed, closed). Once per connection, so
   * what it costs (encoding: about 5 ms for that year) is bounded by the sockets an account may
   * open. Keeps the copy's deletions until the connection's next step 1 (receiveSync).
   */
  snapshotFor(sessionHash: string, firstCopyKey: string): Uint8Array | null {
    if (this.loading || this.failed || this.closed) return null;
    for (const connection of this.connections.values()) {
      const { peer } = connection;
      if (connection.remote || connection.snapshotTaken) continue;
      if (peer.sessionHash !== sessionHash || peer.firstCopyKey !== firstCopyKey) continue;
      connection.snapshotTaken = true;
      connection.firstCopyDeletions = deletionsOf(this.doc);
      return Y.encodeStateAsUpdate(this.doc);
    }
    return null;
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

  /** Shared mode: resolves once an update is stored, applied and relayed (see receiveUpdate). */
  private receiveSync(
    socket: SyncSocket,
    connection: Connection,
    decoder: decoding.Decoder,
    frame: Uint8Array,
  ): Promise<void> | undefined {
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const firstCopy = connection.firstCopyDeletions;
      connection.firstCopyDeletions = undefined;
      // What the device lacks. Right after a first copy it holds every struct, so this is only
      // the document's delete set: when that is the one the copy carried (nothing deleted
      // since), the device has it already (22 KB for a year of letters) and an empty update
      // says the same. Anything added or deleted since: the full diff, as for anyone.
      const diff = Y.encodeStateAsUpdate(this.doc, stateVector);
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, SyncMessageType.sync);
      encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(reply, firstCopy && sameBytes(diff, firstCopy) ? EMPTY_UPDATE : diff);
      socket.send(encoding.toUint8Array(reply));
    } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
      const update = decoding.readVarUint8Array(decoder);
      // A frame that is exactly one update message is already what the partner must receive.
      const relay = step === syncProtocol.messageYjsUpdate && !decoding.hasContent(decoder) ? frame : null;
      if (this.deps.shared)
        return this.enqueue(() => this.receiveSharedUpdate(socket, connection, update, relay));
      this.receiveUpdate(socket, connection, update, relay);
    } else {
      throw new UndecodableMessage(`unknown sync step ${step}`);
    }
  }

  /**
   * Runs `task` after every update the room took before it: one append outstanding at a time,
   * so a room's updates are stored and shown in the order they came, none dropped.
   */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * Shared mode: the same checks and limits as receiveUpdate, then the update is appended and
   * committed to the shared store before it touches the document, reaches a connection here
   * or is published to the other instances. Throws StorageUnavailable when the store did not
   * take it (nothing shown to anyone; the caller closes the sender with 1013, whose client
   * resends it on reconnecting).
   */
  private async receiveSharedUpdate(
    socket: SyncSocket,
    connection: Connection,
    update: Uint8Array,
    relay: Uint8Array | null,
  ): Promise<void> {
    const shared = this.deps.shared;
    if (!shared || this.closed || this.failed || !this.connections.has(socket) || isEmptyUpdate(update))
      return;
    const shape = this.checkIncoming(socket, connection, update);
    if (!shape) return;
    let appended;
    try {
      appended = await shared.store.append(this.key, update, this.originOf(connection));
    } catch (error) {
      // Its owner left on another instance a moment ago: the revocation is on its way here.
      if (error instanceof DocumentRetired) throw error;
      throw new StorageUnavailable(error);
    }
    if (this.closed) return; // stored; whoever reopens the room loads it
    try {
      const elapsed = applyWithin(this.doc, update, connection, this.cost.budgetFor(shape));
      this.cost.record(shape, elapsed);
    } catch (error) {
      // Stored already: the room is dropped and reloaded (off-thread if it is costly to replay).
      this.failed = true;
      if (error instanceof ApplyTooSlow) throw new UpdateTooCostly(error);
      throw new RoomFailure(error);
    }
    this.lastId = Math.max(this.lastId, appended.seq);
    this.afterApplied(update);
    this.broadcast(relay ?? encodeUpdateMessage(update), socket);
    void shared.bus.publish(this.key, appended, update);
    this.scheduleCompactionIfDue();
  }

  /** What an update from `connection` is stored with: its account, its device, now. */
  private originOf(connection: Connection): UpdateOrigin {
    return { author: connection.peer.userId, device: connection.peer.deviceId, at: this.deps.clock.now() };
  }

  /**
   * The checks every update passes before anything is stored: its shape, what it builds on, the
   * quota. Returns its shape, or undefined when there is nothing to store: it was answered with
   * a sync step 1 instead, or it would change nothing (a reconnecting device's step 2).
   */
  private checkIncoming(socket: SyncSocket, connection: Connection, update: Uint8Array) {
    // Parse fully and check the shape before touching the document, so a malformed update or
    // one Yjs would have to keep pending changes nothing.
    precheckUpdate(update);
    const decoded = Y.decodeUpdate(update);
    let shape;
    try {
      shape = checkUpdate(this.doc, decoded, this.structCount);
    } catch (error) {
      if (!(error instanceof UpdateRefused) || !error.missing || ++connection.missing > MISSING_IN_A_ROW)
        throw error;
      // Not applied (Yjs would keep it pending); the client's answer carries it with what it builds on.
      socket.send(this.encodeStep1());
      return undefined;
    }
    connection.missing = 0;
    if (changesNothing(this.doc, decoded)) return undefined;
    if (this.storedBytes + update.byteLength > (this.deps.docQuotaBytes ?? DEFAULT_DOC_QUOTA_BYTES))
      throw new QuotaExceeded();
    return shape;
  }

  private afterApplied(update: Uint8Array) {
    this.structCount = countStructs(this.doc);
    this.storedBytes += update.byteLength;
    this.rowsSinceSnapshot++;
    this.bytesSinceSnapshot += update.byteLength;
  }

  private scheduleCompactionIfDue() {
    if (this.compactionDue(COMPACT_OVERDUE_FACTOR)) this.scheduleCompaction();
    else if (this.compactionDue(1)) this.compactWhenQuiet();
  }

  /** `relay` is the frame to pass on as it came, when it is one update message and nothing else. */
  private receiveUpdate(
    socket: SyncSocket,
    connection: Connection,
    update: Uint8Array,
    relay: Uint8Array | null,
  ) {
    if (isEmptyUpdate(update)) return;
    const shape = this.checkIncoming(socket, connection, update);
    if (!shape) return;
    const log = this.deps.log!;
    try {
      const elapsed = applyWithin(this.doc, update, connection, this.cost.budgetFor(shape));
      this.cost.record(shape, elapsed);
      this.lastId = log.append(this.key, update, this.originOf(connection));
    } catch (error) {
      this.failed = true;
      if (error instanceof ApplyTooSlow) throw new UpdateTooCostly(error);
      throw new RoomFailure(error);
    }
    this.afterApplied(update);
    this.broadcast(relay ?? encodeUpdateMessage(update), socket);
    this.scheduleCompactionIfDue();
  }

  private compactionDue(factor: number): boolean {
    return (
      this.rowsSinceSnapshot >= COMPACT_AFTER_ROWS * factor ||
      this.bytesSinceSnapshot >= COMPACT_AFTER_BYTES * factor
    );
  }

  /** Which connection owns each awareness client id in this room (see awareness-owners.ts). */
  private readonly awarenessOwners = new Map<number, Connection>();
  /** Shared mode: one owner per account whose presence came from another instance. */
  private readonly remoteOwners = new Map<string, Connection>();

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
    if (changed.length === 0) return;
    this.broadcast(this.encodeAwareness(changed), sender);
    // What a connection here changed (or its leaving removed) goes to the other instances;
    // not what came from them, nor expiry (every instance expires states by itself).
    if (this.deps.shared && isLocalConnection(origin))
      void this.deps.shared.bus.publishAwareness(
        this.key,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        origin.peer.userId,
      );
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
  private writeSnapshot(merge?: CoalescePlan) {
    if (this.rowsSinceSnapshot === 0 || this.failed) return;
    const { log, shared } = this.deps;
    if (!log) {
      if (shared) void this.compactShared(shared);
      return;
    }
    try {
      log.compact(this.key, this.lastId, this.deps.clock.now(), Y.encodeStateAsUpdate(this.doc), merge);
      this.rowsSinceSnapshot = 0;
      this.bytesSinceSnapshot = 0;
      this.storedBytes = log.storedBytes(this.key);
    } catch (error) {
      // The log still holds every update; only loading gets slower until the next try.
      this.deps.logger.error('compaction_failed', { room: this.key, message: String(error) });
    }
  }

  /**
   * Shared mode: the locked compactor merges what the store holds (not this document), so an
   * update appended meanwhile, here or elsewhere, stays after the snapshot. Resolves when done;
   * failures are logged (the log still holds every update).
   */
  private async compactShared(shared: SharedRoomStorage): Promise<void> {
    const rows = this.rowsSinceSnapshot;
    try {
      if (!(await shared.compact(this.key, this.deps.clock.now()))) return;
      this.rowsSinceSnapshot = Math.max(0, this.rowsSinceSnapshot - rows);
      this.bytesSinceSnapshot = 0;
      if (!this.closed) this.storedBytes = await shared.store.storedBytes(this.key);
    } catch (error) {
      this.deps.logger.error('compaction_failed', { room: this.key, message: String(error) });
    }
  }

  /** The bus stops following this room on this instance (its subscription ends). */
  private leaveBus(shared: SharedRoomStorage) {
    shared.bus
      .leave(this.key)
      .catch((error: unknown) =>
        this.deps.logger.warn('sync_bus_leave_failed', { room: this.key, message: String(error) }),
      );
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    // A room closed while loading leaves once its join is done, in loadShared.
    if (this.deps.shared && !this.loading) this.leaveBus(this.deps.shared);
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
 * Shared mode: the store (PostgreSQL) refused the update or could not be reached. Nothing was
 * applied or shown to anyone; the sender is closed with 1013 and resends it after reconnecting.
 */
export class StorageUnavailable extends Error {
  constructor(cause: unknown) {
    super(`storage unavailable: ${String(cause)}`);
  }
}

/** The errors a room throws as they are; anything else thrown while reading a message is undecodable. */
function rethrowAsRoomError(error: unknown): never {
  if (
    error instanceof RoomFailure ||
    error instanceof UpdateRefused ||
    error instanceof QuotaExceeded ||
    error instanceof StorageUnavailable ||
    error instanceof DocumentRetired
  )
    throw error;
  throw new UndecodableMessage(error instanceof Error ? error.message : String(error));
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

/** A connection on this instance (an awareness change's origin), not another instance's stand-in. */
function isLocalConnection(origin: unknown): origin is Connection {
  return typeof origin === 'object' && origin !== null && 'peer' in origin && !(origin as Connection).remote;
}

/** An update with no structs and no deletions encodes as two zero bytes. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** An update that holds nothing: no structs, no deletions (what `Y.encodeStateAsUpdate` of an empty document is). */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** The document's whole delete set, as the diff for a peer that has every struct (bytes). */
function deletionsOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
}

/** Compared natively: the delete set of a year of letters is 22 KB, on a socket's first step 1. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
