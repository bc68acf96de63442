import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '@twofold/shared';
import { createApp } from './app.ts';
import { createSessionService } from './auth/sessions.ts';
import { createSpaceEvents } from './events/space-events.ts';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { consoleLogger, type Logger } from './lib/log.ts';
import { startCheckpointer } from './store/checkpointer.ts';
import { lockData } from './store/data-lock.ts';
import { openDb } from './store/db.ts';
import { EditJournal, editJournalPath } from './store/edit-journal.ts';
import { createStores } from './store/stores.ts';
import { createRoomRegistry } from './sync/rooms.ts';
import { createMailer } from './mail/mailer.ts';
import { DEFAULT_ACCOUNT_LIMITS } from './sync/account-limits.ts';
import { DEFAULT_BUDGET } from './sync/connection-budget.ts';
import { startSessionSweep } from './sync/session-sweep.ts';
import { createUpgradeHandler } from './sync/upgrade.ts';

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting, closes every socket with "server restarting", then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database and serves the API, the sync endpoints and (if built) the client on one
 * port. Used by `main.ts` and by tests that want a real server on port 0.
 */
export async function startServer(
  config: Config,
  options: {
    clock?: Clock;
    logger?: Logger;
    /** How often open sockets are checked for a lapsed session (tests shorten it). */
    sessionSweepMs?: number;
  } = {},
): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const dataLock = lockData(config.dbPath);
  const db = openDb(config.dbPath, { synchronous: config.sqliteSync, manualCheckpoints: true });
  const checkpointer = startCheckpointer(config.dbPath);
  const stores = createStores(db, {
    journal: new EditJournal(editJournalPath(config.dbPath), config.sqliteSync === 'full'),
    onBatchError: (error) => logger.error('doc_log_batch_failed', { message: String(error) }),
  });
  const sessions = createSessionService(stores.sessions, clock);
  const rooms = createRoomRegistry({
    log: stores.docLog,
    clock,
    logger,
    docQuotaBytes: config.syncDocQuotaBytes,
  });
  const sessionSweep = startSessionSweep(rooms, sessions.isLive, options.sessionSweepMs);
  const events = createSpaceEvents();
  const mailer = createMailer(config, logger);
  const app = createApp({ stores, sessions, rooms, events, clock, logger, config, mailer });
  const upgrades = createUpgradeHandler({
    stores,
    sessions,
    rooms,
    logger,
    allowedOrigins: config.allowedOrigins,
    maxFrameBytes: config.maxFrameBytes,
    budget: {
      ...DEFAULT_BUDGET,
      messagesPerSecond: config.syncMessagesPerSecond,
      bytesPerSecond: config.syncBytesPerSecond,
    },
    accountLimits: { ...DEFAULT_ACCOUNT_LIMITS, socketsPerAccount: config.syncSocketsPerAccount },
  });

  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started),
    );
  });
  server.on('upgrade', upgrades.handleUpgrade);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info('listening', { url });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        upgrades.close();
        mailer.close();
        sessionSweep.stop();
        rooms.shutdown(CloseCode.serverRestart, 'server restarting');
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }).then(async () => {
        stores.docLog.close();
        await checkpointer.stop();
        db.close();
        dataLock.release();
        logger.info('stopped');
      });
      return closing;
    },
  };
}
