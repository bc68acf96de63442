import { createApp } from './app.ts';
import { createSessionService, type SessionService } from './auth/sessions.ts';
import { createRateLimits } from './auth/shared-rate-limit.ts';
import type { Config } from './config.ts';
import { createSpaceEvents, type SpaceEvents } from './events/space-events.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createInstanceBus, type InstanceBus } from './instances/instance-bus.ts';
import { consoleLogger, type Logger } from './lib/log.ts';
import { createMailer, type OwnedMailer } from './mail/mailer.ts';
import { openDb, type Db } from './store/db.ts';
import { openSql } from './store/open-sql.ts';
import { createMailOutbox } from './store/mail-outbox.ts';
import { EditJournal, editJournalPath } from './store/edit-journal.ts';
import { createLogHistory } from './store/log-history.ts';
import { createStores, type Stores } from './store/stores.ts';
import { createRevocations, type Revocations } from './sync/revocations.ts';
import { createRoomRegistry, type RoomRegistry } from './sync/rooms.ts';
import { createAccountLimits, type AccountLimits } from './sync/account-limits.ts';
import { createRequestWork } from './http/work-budget.ts';
import { createSharedRooms } from './sync/shared-rooms.ts';

/** Everything `buildApp` wires together, for the server to serve and tests to inspect. */
export interface BuiltApp {
  db: Db;
  stores: Stores;
  sessions: SessionService;
  rooms: RoomRegistry;
  /** Each account's sync sockets and main-thread time (sync/account-limits.ts). */
  accounts: AccountLimits;
  events: SpaceEvents;
  revocations: Revocations;
  /** What instances tell each other (`REDIS_URL`); null on one instance. */
  bus: InstanceBus | null;
  clock: Clock;
  logger: Logger;
  /** Sends email from a queue in the database (mail/mailer.ts); not configured without SMTP_URL. */
  mailer: OwnedMailer;
  app: ReturnType<typeof createApp>;
  /**
   * Resolves once the `Sql` stores' database is ready: at once on SQLite; with DATABASE_URL,
   * once PostgreSQL is reached and migrated (rejects as that failed; every statement then
   * fails the same way). `startServer` awaits it before listening.
   */
  ready: Promise<void>;
  /**
   * Closes the mailer and the instance bus, commits the doc log's pending batch, then closes the database. On
   * SQLite everything is closed when it returns; the promise resolves once a PostgreSQL pool
   * has ended too. Idempotent; never rejects.
   */
  close(): Promise<void>;
}

/**
 * The one place the app is wired: opens the database at `config.dbPath` (migrating it), then
 * builds the stores, sessions, rooms, space events and the HTTP app over it. Used by
 * `startServer` and by the tests (`@twofold/server/testing`), so both run the same wiring.
 *
 * It takes no process-wide resources: the data lock, the checkpointer thread, the listening
 * socket and the session sweep are `startServer`'s. `manualCheckpoints` is for a caller that
 * runs its own checkpointer (SQLite's automatic checkpoints stay on otherwise).
 *
 * With `config.databaseUrl`, every store runs on PostgreSQL (store/open-sql.ts) and so do the
 * sync rooms' documents (sync/shared-rooms.ts), with `config.redisUrl` followed across
 * instances; the SQLite file then holds nothing a couple wrote (see CONTEXT.md).
 *
 * Throws whatever opening or migrating the SQLite database throws; PostgreSQL's failures
 * come through `ready`.
 */
export function buildApp(
  config: Config,
  options: {
    clock?: Clock;
    logger?: Logger;
    manualCheckpoints?: boolean;
    /** Waits before a failed email is tried again, in ms (tests pass [] to drop at once). */
    mailRetryDelaysMs?: number[];
  } = {},
): BuiltApp {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const db = openDb(config.dbPath, {
    synchronous: config.sqliteSync,
    manualCheckpoints: options.manualCheckpoints ?? false,
  });
  const database = openSql(db, config.databaseUrl, logger);
  const stores = createStores(
    db,
    {
      journal: new EditJournal(editJournalPath(config.dbPath), config.sqliteSync === 'full'),
      onBatchError: (error) => logger.error('doc_log_batch_failed', { message: String(error) }),
    },
    database.sql,
  );
  const sessions = createSessionService(stores.sessions, clock);
  // On PostgreSQL the documents live there too (the rooms' shared mode), followed across
  // instances through Redis when REDIS_URL is set; on SQLite, the synchronous log as before.
  const shared = database.pool
    ? createSharedRooms({
        pool: database.pool,
        redisUrl: config.redisUrl,
        onError: (error) => logger.warn('room_bus_error', { message: String(error) }),
      })
    : null;
  if (shared) stores.docSource = shared.store;
  if (shared) stores.history = createLogHistory(shared.store);
  const rooms = createRoomRegistry({
    ...(shared ? { shared } : { log: stores.docLog }),
    clock,
    logger,
    docQuotaBytes: config.syncDocQuotaBytes,
  });
  const workLimits = {
    socketsPerAccount: config.syncSocketsPerAccount,
    workMsPerSecond: config.syncWorkMsPerSecond,
    workBurstMs: config.syncWorkBurstMs,
  };
  const accounts = createAccountLimits(workLimits);
  // HTTP work for documents has a budget of its own, the same size: browsing a long history
  // while the partner types must never close the socket this account edits on.
  const requestWork = createRequestWork(createAccountLimits(workLimits));
  // Between instances (REDIS_URL): space events, socket revocations, login rate limits.
  const bus = config.redisUrl ? createInstanceBus(config.redisUrl, logger) : null;
  const events = createSpaceEvents(bus ?? undefined);
  const revocations = createRevocations(rooms, bus ?? undefined);
  const rateLimits = createRateLimits({ clock, logger, bus: bus ?? undefined });
  // The queue is a table: mail asked for just before a crash goes out after the restart.
  const mailer = createMailer(config, logger, {
    retryDelaysMs: options.mailRetryDelaysMs,
    queue: createMailOutbox(stores.sql),
    clock,
  });
  const app = createApp({
    stores,
    sessions,
    rooms,
    requestWork,
    events,
    revocations,
    rateLimits,
    clock,
    logger,
    config,
    mailer,
  });
  let closing: Promise<void> | undefined;
  return {
    db,
    stores,
    sessions,
    rooms,
    accounts,
    events,
    revocations,
    bus,
    clock,
    logger,
    mailer,
    app,
    ready: database.ready,
    close() {
      closing ??= (async () => {
        // Over SQLite the mailer hands back its claim synchronously, before the file closes.
        const mailerClosed = mailer.close();
        // startServer may have closed the SQLite side itself (around its checkpointer).
        if (db.open) {
          stores.docLog.close();
          db.close();
        }
        await mailerClosed;
        await bus?.close();
        // After the rooms' shutdown (startServer's), which still publishes and compacts.
        await shared?.close();
        await database.close();
      })();
      return closing;
    },
  };
}
