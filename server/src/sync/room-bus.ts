import { randomUUID } from 'node:crypto';
import type { AppendedUpdate, DocLogStore } from '../store/doc-log-store.ts';
import { loadIoredis } from '../lib/on-demand.ts';

/**
 * What instances tell each other about the rooms they hold, over Redis pub/sub: each stored
 * update, once, to every other instance holding its document, and presence (awareness). The
 * sync rooms use it in shared mode (room.ts, shared-rooms.ts).
 *
 * Redis delivers at most once, and two instances' updates to one document may arrive in either
 * order, so the bus never trusts delivery: every message carries the update's sequence number and
 * the one before it in the document. A room applies updates in sequence; one that does not
 * continue what it has waits (`gapGraceMs`) for the one it builds on, and then the room repairs
 * from the store: it reads everything after the last sequence number it had. It also repairs
 * after Redis reconnects, and whenever the store's newest sequence number (checked for every
 * room at once, every `checkEveryMs`) is past its own: a dropped last message shows no gap.
 *
 * An instance subscribes only to the rooms it holds (one channel per document, and one for its
 * presence).
 */
export interface RoomBus {
  /** This instance's id, carried by what it publishes (it ignores its own messages). */
  readonly instanceId: string;
  /**
   * Follows a document from `lastSeq` (what the room loaded). `apply` gets updates in order,
   * with the newest sequence number they bring; after a repair they may repeat updates the
   * room already has (Yjs updates are idempotent). Subscribing is followed by one repair, for
   * anything stored between the load and the subscription.
   */
  join(docKey: string, lastSeq: number, apply: ApplyUpdates, presence?: PresenceHandlers): Promise<void>;
  /** Stops following a document (its last connection left). */
  leave(docKey: string): Promise<void>;
  /**
   * Tells the other instances about an update this instance has stored (never before: durable
   * before shared) and applied to its room. Publishing failures go to `onError`; the others
   * repair from the store.
   */
  publish(docKey: string, appended: AppendedUpdate, data: Uint8Array): Promise<void>;
  /**
   * Tells the other instances holding `docKey` about a presence change (a y-protocols awareness
   * update, already filtered for ownership by the room that took it). At most once, no repair:
   * presence is renewed by its clients every 15 s and a lost one heals itself.
   */
  publishAwareness(docKey: string, update: Uint8Array, ownerId: string): Promise<void>;
  /** Asks the other instances holding `docKey` to publish the presence they hold (`onQuery`). */
  queryAwareness(docKey: string): Promise<void>;
  /** The newest sequence number the room following `docKey` has (undefined when not joined). */
  lastSeq(docKey: string): number | undefined;
  close(): Promise<void>;
}

export type ApplyUpdates = (updates: Uint8Array[], lastSeq: number) => void;

/** What a room does with presence from other instances. */
export interface PresenceHandlers {
  /**
   * An awareness update another instance published, with the account (`ownerId`) whose
   * connection set it, so the room applies the same ownership rule as for its own connections.
   */
  onAwareness(update: Uint8Array, ownerId: string): void;
  /** Another instance just joined the room and asks for the presence held here. */
  onQuery(): void;
}

export interface RoomBusOptions {
  /** `redis://host:port`. */
  redisUrl: string;
  /** Where repairs read from: the store every instance appends to. */
  store: Pick<DocLogStore, 'readAfter' | 'latestSeqs'>;
  instanceId?: string;
  /** How long an update that skips ahead waits for the ones before it, in ms (100). */
  gapGraceMs?: number;
  /** How often the rooms' newest sequence numbers are compared with the store's, in ms (1000). */
  checkEveryMs?: number;
  /** Told of what failed in the background (publishing, a repair); the bus carries on. */
  onError?: (error: unknown) => void;
  /**
   * Tests only: a message this returns true for is dropped as if Redis had lost it. Redis's own
   * losses (a restart, a blip) are tested too; this makes a chosen one happen.
   */
  dropIncoming?: (docKey: string, seq: number) => boolean;
}

interface Followed {
  lastSeq: number;
  apply: ApplyUpdates;
  /** Messages that skip ahead, by the sequence number they build on. */
  waiting: Map<number, { seq: number; data: Uint8Array | undefined }>;
  repairTimer: NodeJS.Timeout | undefined;
  repairing: Promise<void> | undefined;
  /** Another repair was asked for while one ran. */
  repairAgain: boolean;
  presence: PresenceHandlers | undefined;
}

const CHANNEL_PREFIX = 'twofold:room:';
/** Presence of a room: its own channel, so updates stay one message kind with one chain. */
const PRESENCE_PREFIX = 'twofold:presence:';
const PRESENCE_UPDATE = 0;
const PRESENCE_QUERY = 1;
const VERSION = 1;

export function createRoomBus(options: RoomBusOptions): RoomBus {
  const { store, gapGraceMs = 100, checkEveryMs = 1000, onError = () => {} } = options;
  const instanceId = options.instanceId ?? randomUUID();
  const { Redis: RedisClient } = loadIoredis();
  const publisher = new RedisClient(options.redisUrl);
  // Subscriptions are renewed by hand after a reconnect: only once Redis has confirmed them is
  // a repair sure to see everything the subscription might have missed.
  // No ready check: its INFO would be refused once a subscription sent early put the
  // connection in subscriber mode, and the connection would never become ready.
  const subscriber = new RedisClient(options.redisUrl, { autoResubscribe: false, enableReadyCheck: false });
  publisher.on('error', onError);
  subscriber.on('error', onError);
  const rooms = new Map<string, Followed>();
  let closed = false;

  const repair = (docKey: string): Promise<void> => {
    const room = rooms.get(docKey);
    if (!room) return Promise.resolve();
    clearTimeout(room.repairTimer);
    room.repairTimer = undefined;
    if (room.repairing) {
      room.repairAgain = true;
      return room.repairing;
    }
    room.repairing = (async () => {
      try {
        do {
          room.repairAgain = false;
          const missing = await store.readAfter(docKey, room.lastSeq);
          if (rooms.get(docKey) !== room) return;
          if (missing.lastSeq > room.lastSeq) {
            room.lastSeq = missing.lastSeq;
            room.apply(missing.updates, missing.lastSeq);
          }
          drain(docKey, room);
        } while (room.repairAgain);
      } catch (error) {
        onError(error);
        // The periodic check, or the next message that skips ahead, tries again.
      } finally {
        room.repairing = undefined;
      }
    })();
    return room.repairing;
  };

  /** Applies waiting messages that now continue the room; repairs later if some still skip ahead. */
  const drain = (docKey: string, room: Followed) => {
    for (let next = room.waiting.get(room.lastSeq); next; next = room.waiting.get(room.lastSeq)) {
      room.waiting.delete(room.lastSeq);
      room.lastSeq = next.seq;
      if (next.data) room.apply([next.data], next.seq);
    }
    for (const [previousSeq, message] of room.waiting) {
      if (message.seq <= room.lastSeq) room.waiting.delete(previousSeq);
    }
    if (room.waiting.size === 0) {
      clearTimeout(room.repairTimer);
      room.repairTimer = undefined;
    } else {
      room.repairTimer ??= setTimeout(() => void repair(docKey), gapGraceMs);
    }
  };

  /** `data` undefined: this instance's own update, already in its room. */
  const receive = (docKey: string, seq: number, previousSeq: number, data: Uint8Array | undefined) => {
    const room = rooms.get(docKey);
    if (!room || seq <= room.lastSeq) return;
    if (previousSeq <= room.lastSeq) {
      room.lastSeq = seq;
      if (data) room.apply([data], seq);
    } else {
      room.waiting.set(previousSeq, { seq, data });
    }
    drain(docKey, room);
  };

  subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    const name = channel.toString('utf8');
    if (name.startsWith(PRESENCE_PREFIX)) {
      receivePresence(name.slice(PRESENCE_PREFIX.length), message);
      return;
    }
    const docKey = name.slice(CHANNEL_PREFIX.length);
    const decoded = decodeMessage(message);
    if (!decoded || decoded.origin === instanceId) return;
    if (options.dropIncoming?.(docKey, decoded.seq)) return;
    receive(docKey, decoded.seq, decoded.previousSeq, decoded.data);
  });

  const receivePresence = (docKey: string, message: Buffer) => {
    const decoded = decodePresence(message);
    const presence = rooms.get(docKey)?.presence;
    if (!decoded || !presence || decoded.origin === instanceId) return;
    if (decoded.kind === PRESENCE_QUERY) presence.onQuery();
    else if (decoded.kind === PRESENCE_UPDATE) presence.onAwareness(decoded.data, decoded.owner);
  };
  const channelsOf = (docKey: string) => [CHANNEL_PREFIX + docKey, PRESENCE_PREFIX + docKey];

  let connectedOnce = false;
  subscriber.on('ready', () => {
    if (!connectedOnce) {
      connectedOnce = true;
      return;
    }
    // Whatever was published while the connection was down is gone: subscribe again, then
    // read it from the store.
    void (async () => {
      try {
        const channels = [...rooms.keys()].flatMap(channelsOf);
        if (channels.length > 0) await subscriber.subscribe(...channels);
        await Promise.all([...rooms.keys()].map(repair));
      } catch (error) {
        onError(error);
      }
    })();
  });

  const check = async () => {
    if (rooms.size === 0) return;
    try {
      const latest = await store.latestSeqs([...rooms.keys()]);
      for (const [docKey, seq] of latest) {
        const room = rooms.get(docKey);
        if (room && seq > room.lastSeq && !room.repairTimer) void repair(docKey);
      }
    } catch (error) {
      onError(error);
    }
  };
  /** The check in flight, awaited by `close` so it never outlives the store it reads. */
  let checking: Promise<void> | undefined;
  const checkTimer = setInterval(() => {
    checking ??= check().finally(() => (checking = undefined));
  }, checkEveryMs);
  checkTimer.unref();

  return {
    instanceId,

    async join(docKey, lastSeq, apply, presence) {
      if (rooms.has(docKey)) throw new Error(`room bus: ${docKey} is already joined`);
      rooms.set(docKey, {
        lastSeq,
        apply,
        waiting: new Map(),
        repairTimer: undefined,
        repairing: undefined,
        repairAgain: false,
        presence,
      });
      try {
        await subscriber.subscribe(...channelsOf(docKey));
      } catch (error) {
        // Not followed: the caller may join again.
        rooms.delete(docKey);
        throw error;
      }
      await repair(docKey);
    },

    async leave(docKey) {
      const room = rooms.get(docKey);
      if (!room) return;
      clearTimeout(room.repairTimer);
      rooms.delete(docKey);
      await subscriber.unsubscribe(...channelsOf(docKey));
    },

    async publishAwareness(docKey, update, ownerId) {
      try {
        await publisher.publish(
          PRESENCE_PREFIX + docKey,
          encodePresence(instanceId, PRESENCE_UPDATE, update, ownerId),
        );
      } catch (error) {
        onError(error);
      }
    },

    async queryAwareness(docKey) {
      try {
        await publisher.publish(
          PRESENCE_PREFIX + docKey,
          encodePresence(instanceId, PRESENCE_QUERY, new Uint8Array(0), ''),
        );
      } catch (error) {
        onError(error);
      }
    },

    async publish(docKey, { seq, previousSeq }, data) {
      receive(docKey, seq, previousSeq, undefined);
      try {
        await publisher.publish(CHANNEL_PREFIX + docKey, encodeMessage(instanceId, seq, previousSeq, data));
      } catch (error) {
        onError(error);
      }
    },

    lastSeq: (docKey) => rooms.get(docKey)?.lastSeq,

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(checkTimer);
      // Reads in flight end before the caller closes the store they read (their rooms are gone,
      // so what they bring is dropped).
      const reading = [checking, ...[...rooms.values()].map((room) => room.repairing)];
      for (const room of rooms.values()) clearTimeout(room.repairTimer);
      rooms.clear();
      await Promise.allSettled(reading);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/**
 * One message: version (1 byte), seq and previousSeq (float64 each: exact below 2^53), the
 * origin's length (1 byte) and UTF-8 bytes, then the update as stored.
 */
export function encodeMessage(origin: string, seq: number, previousSeq: number, data: Uint8Array): Buffer {
  const originBytes = Buffer.from(origin, 'utf8');
  if (originBytes.length > 255) throw new RangeError('room bus: instance id longer than 255 bytes');
  const message = Buffer.allocUnsafe(18 + originBytes.length + data.byteLength);
  message.writeUInt8(VERSION, 0);
  message.writeDoubleBE(seq, 1);
  message.writeDoubleBE(previousSeq, 9);
  message.writeUInt8(originBytes.length, 17);
  originBytes.copy(message, 18);
  message.set(data, 18 + originBytes.length);
  return message;
}

/** The fields of a message, or undefined for one this version does not read. */
export function decodeMessage(
  message: Buffer,
): { origin: string; seq: number; previousSeq: number; data: Uint8Array } | undefined {
  if (message.length < 18 || message.readUInt8(0) !== VERSION) return undefined;
  const originLength = message.readUInt8(17);
  if (message.length < 18 + originLength) return undefined;
  return {
    seq: message.readDoubleBE(1),
    previousSeq: message.readDoubleBE(9),
    origin: message.toString('utf8', 18, 18 + originLength),
    data: message.subarray(18 + originLength),
  };
}

/**
 * A presence message: version (1 byte), kind (1 byte), then the origin instance id and the
 * owner's account id (each its length in 1 byte, then UTF-8 bytes), then the data.
 */
function encodePresence(origin: string, kind: number, data: Uint8Array, owner: string): Buffer {
  const originBytes = Buffer.from(origin, 'utf8');
  const ownerBytes = Buffer.from(owner, 'utf8');
  if (originBytes.length > 255 || ownerBytes.length > 255)
    throw new RangeError('room bus: instance or account id longer than 255 bytes');
  const head = 4 + originBytes.length + ownerBytes.length;
  const message = Buffer.allocUnsafe(head + data.byteLength);
  message.writeUInt8(VERSION, 0);
  message.writeUInt8(kind, 1);
  message.writeUInt8(originBytes.length, 2);
  originBytes.copy(message, 3);
  message.writeUInt8(ownerBytes.length, 3 + originBytes.length);
  ownerBytes.copy(message, 4 + originBytes.length);
  message.set(data, head);
  return message;
}

function decodePresence(
  message: Buffer,
): { origin: string; owner: string; kind: number; data: Uint8Array } | undefined {
  if (message.length < 4 || message.readUInt8(0) !== VERSION) return undefined;
  const originLength = message.readUInt8(2);
  if (message.length < 4 + originLength) return undefined;
  const ownerLength = message.readUInt8(3 + originLength);
  const head = 4 + originLength + ownerLength;
  if (message.length < head) return undefined;
  return {
    kind: message.readUInt8(1),
    origin: message.toString('utf8', 3, 3 + originLength),
    owner: message.toString('utf8', 4 + originLength, head),
    data: message.subarray(head),
  };
}
