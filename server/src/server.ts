import { buildApp } from './build-app.ts';
import type { Config } from './config.ts';
import type { Clock } from './lib/clock.ts';
import { consoleLogger, type Logger } from './lib/log.ts';
import { listen } from './listen.ts';
import { createNoticeScheduler } from './notifications/scheduler.ts';
import { createNotificationSender } from './notifications/sender.ts';
import { vapidKeys } from './notifications/vapid.ts';
import { startCheckpointer } from './store/checkpointer.ts';
import { lockData } from './store/data-lock.ts';
import { startSessionSweep } from './sync/session-sweep.ts';

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
  const built = buildApp(config, {
    clock: options.clock,
    logger,
    manualCheckpoints: true,
  });
  const { db, stores, sessions, rooms, clock, mailer } = built;
  try {
    // With DATABASE_URL: PostgreSQL reached and migrated, or no start at all.
    await built.ready;
  } catch (error) {
    await built.close();
    dataLock.release();
    throw error;
  }
  const sessionSweep = startSessionSweep(rooms, sessions.isLive, options.sessionSweepMs, (error) =>
    logger.error('session_sweep_failed', { message: String(error) }),
  );
  const notifications = createNotificationSender({
    stores,
    clock,
    logger,
    vapid: await vapidKeys(stores.notifications, config.push),
    mailer,
    appUrl: config.appUrl,
  });
  notifications.start(options.notificationPassMs);
  const scheduler = createNoticeScheduler({ stores, rooms, clock, logger });
  scheduler.start(options.noticeSchedulePassMs);
  // Last before serving: it checkpoints what the start wrote, on this thread (checkpointer.ts).
  const checkpointer = startCheckpointer(db, config.dbPath);
  const listening = await listen(built, config);
  const { url, port } = listening;
  logger.info('listening', { url });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        // Hands back a mail cut off mid-send; awaited below, before the database closes.
        const mailerClosed = mailer.close();
        // Background passes end between items; awaited before the stores they read close.
        const passesEnded = Promise.all([scheduler.stop(), sessionSweep.stop()]);
        await listening.stop();
        await mailerClosed;
        await passesEnded;
        await notifications.stop();
        stores.docLog.close();
        await checkpointer.stop();
        db.close();
        // Ends the PostgreSQL pool, if any (the SQLite side is closed above).
        await built.close();
        dataLock.release();
        logger.info('stopped');
      })();
      return closing;
    },
  };
}
