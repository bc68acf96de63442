import type pg from 'pg';
import type { DocLogStore } from '../store/doc-log-store.ts';
import { createPostgresDocLog } from '../store/postgres/doc-log.ts';
import { compactWithYjs } from '../store/yjs-compactor.ts';
import { createLocalRoomBus } from './local-room-bus.ts';
import { createRoomBus, type RoomBus } from './room-bus.ts';

/**
 * What a sync room stores to and hears from in shared mode (`DATABASE_URL` and `REDIS_URL`):
 * the log every instance appends to, the bus between instances, and compaction.
 */
export interface SharedRoomStorage {
  store: DocLogStore;
  bus: RoomBus;
  /**
   * Merges the document's log into a snapshot unless another instance is compacting it right
   * now. Resolves true when this call wrote a snapshot. `at`: ms since the epoch. Throws what
   * the store throws.
   */
  compact(docKey: string, at: number): Promise<boolean>;
}

/**
 * `compactWithYjs` under a PostgreSQL advisory lock on the document key, taken with
 * `pg_try_advisory_lock` (never waits): one instance at a time merges a room, the others skip
 * instead of doing the same work to lose the compare-and-swap. The lock is a session lock, so
 * it is held on one pooled client for the whole merge and released before that client goes
 * back; a crashed instance's lock goes with its connection.
 *
 * The merge itself needs a second client from the same pool while the first sits holding the
 * lock, so merges run a few at a time (a quarter of the pool, at least one): when rooms went
 * quiet together and each took a client for its lock, none was left for any merge, and every
 * statement of the instance (appends, sign-ins) queued behind them for good (ten couples of
 * `pnpm bench` stopping at once did it; `locked-compactor.test.ts`). The rest of the pool stays
 * free for appends. A pool of one cannot merge.
 */
export function createLockedCompactor(pool: pg.Pool, store: DocLogStore) {
  const limit = Math.max(1, Math.floor((pool.options.max ?? 10) / 4));
  let running = 0;
  let draining = false;
  /** Merges waiting for a slot: told true when one passes to them, false when draining. */
  const waiting: ((slot: boolean) => void)[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const compact = async (docKey: string, at: number): Promise<boolean> => {
    if (draining) return false;
    if (running < limit) running++;
    // Queued while the instance began stopping: the next instance to open the room merges it.
    else if (!(await new Promise<boolean>((resolve) => waiting.push(resolve)))) return false;
    try {
      const merge = lockedCompact(pool, store, docKey, at);
      inFlight.add(merge);
      try {
        return await merge;
      } finally {
        inFlight.delete(merge);
      }
    } finally {
      // The slot passes straight to the next waiter, so `running` never drops below the queue.
      const next = draining ? undefined : waiting.shift();
      if (next) next(true);
      else running--;
    }
  };
  return Object.assign(compact, {
    /**
     * Starts no more merges (those queued resolve false) and resolves once the ones running
     * have ended, whatever their outcome: the pool may then be ended. Called as the instance
     * stops, after its rooms' shutdown, which compacts them as they close.
     */
    async drain(): Promise<void> {
      draining = true;
      for (const next of waiting.splice(0)) next(false);
      await Promise.allSettled([...inFlight]);
    },
  });
}

async function lockedCompact(pool: pg.Pool, store: DocLogStore, docKey: string, at: number) {
  const client = await pool.connect();
  // The client sits idle holding the lock while the merge runs on others: losing its
  // connection then (PostgreSQL restarting) must reject below, not crash the process.
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on('error', onLost);
  try {
    const locked = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [`twofold:compact:${docKey}`],
    );
    if (!locked.rows[0]?.locked) return false;
    try {
      return await compactWithYjs(store, docKey, at);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`twofold:compact:${docKey}`]);
    }
  } finally {
    client.off('error', onLost);
    // A client whose connection broke is destroyed, not pooled again.
    client.release(lost);
  }
}

export interface SharedRoomsOptions {
  /** A migrated pool (`openPostgres`); not closed by `close`. */
  pool: pg.Pool;
  /**
   * `redis://host:port`, or null for an instance that is alone: its bus then tells nobody
   * (local-room-bus.ts).
   */
  redisUrl: string | null;
  /** This instance's id on the bus (a random UUID unless given). */
  instanceId?: string;
  /** Told of what fails in the background (publishing, repairs); the bus carries on. */
  onError?: (error: unknown) => void;
  /** Bus timings (ms); see RoomBusOptions. Tests shorten them. */
  gapGraceMs?: number;
  checkEveryMs?: number;
  /** Tests only: see RoomBusOptions.dropIncoming. */
  dropIncoming?: (docKey: string, seq: number) => boolean;
}

/**
 * The storage for `createRoomRegistry({ shared })` over one PostgreSQL pool and one Redis:
 * the PostgreSQL log, a bus with its own two Redis connections (or the local bus without
 * Redis), the locked compactor.
 * `close` lets the merges already running end (none starts after it), then closes the bus:
 * call it after the registry's shutdown and before the pool ends.
 */
export function createSharedRooms(
  options: SharedRoomsOptions,
): SharedRoomStorage & { close(): Promise<void> } {
  const store = createPostgresDocLog(options.pool);
  const bus =
    options.redisUrl === null
      ? createLocalRoomBus()
      : createRoomBus({
          redisUrl: options.redisUrl,
          store,
          instanceId: options.instanceId,
          onError: options.onError,
          gapGraceMs: options.gapGraceMs,
          checkEveryMs: options.checkEveryMs,
          dropIncoming: options.dropIncoming,
        });
  const compact = createLockedCompactor(options.pool, store);
  return {
    store,
    bus,
    compact,
    async close() {
      await compact.drain();
      await bus.close();
    },
  };
}
