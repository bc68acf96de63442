import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '@twofold/shared';
import { buildApp } from './build-app.ts';
import type { Config } from './config.ts';
import type { Clock } from './lib/clock.ts';
import { consoleLogger, type Logger } from './lib/log.ts';
import { createNoticeScheduler } from './notifications/scheduler.ts';
import { createNotificationSender } from './notifications/sender.ts';
import { vapidKeys } from './notifications/vapid.ts';
import { startCheckpointer } from './store/checkpointer.ts';
import { lockData } from './store/data-lock.ts';
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
    /** How often the notification outbox is checked, in ms (tests shorten it). */
    notificationPassMs?: number;
    /** How often scheduled notifications (check-in day, reviews) are looked for, in ms. */
    noticeSchedulePassMs?: number;
  } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? consoleLogger;
  const dataLock = lockData(config.dbPath);
  // The checkpointer thread checkpoints the WAL, never an edit's commit (store/checkpointer.ts).
  const { db, stores, sessions, rooms, app, clock, mailer, bus } = buildApp(config, {
    clock: options.clock,
    logger,
    manualCheckpoints: true,
  });
  const checkpointer = startCheckpointer(config.dbPath);
  const sessionSweep = startSessionSweep(rooms, sessions.isLive, options.sessionSweepMs, (error) =>
    logger.error('session_sweep_failed', { message: String(error) }),
  );
  const notifications = createNotificationSender({
    stores,
    clock,
    logger,
    vapid: vapidKeys(stores.notifications, config.push),
    mailer,
    appUrl: config.appUrl,
  });
  notifications.start(options.notificationPassMs);
  const scheduler = createNoticeScheduler({ stores, rooms, clock, logger });
  scheduler.start(options.noticeSchedulePassMs);
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
        bus?.close();
        scheduler.stop();
        sessionSweep.stop();
        rooms.shutdown(CloseCode.serverRestart, 'server restarting');
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }).then(async () => {
        await notifications.stop();
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
