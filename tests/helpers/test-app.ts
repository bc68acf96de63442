import { createApp } from '@twofold/server';
import { createSessionService } from '../../server/src/auth/sessions.ts';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { createSpaceEvents } from '../../server/src/events/space-events.ts';
import { silentLogger } from '../../server/src/lib/log.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { openDb } from '../../server/src/store/db.ts';
import { EditJournal, editJournalPath } from '../../server/src/store/edit-journal.ts';
import { createStores } from '../../server/src/store/stores.ts';
import { createRoomRegistry } from '../../server/src/sync/rooms.ts';
import { tempDir } from './temp-dir.ts';
import { testClock } from './test-clock.ts';

/**
 * The HTTP app over a temporary SQLite file, built exactly as the server builds it. `reopen`
 * builds a new app on the same file (a restart); `close` removes everything.
 */
export function createTestApp(overrides: Partial<Config> = {}, clock = testClock()) {
  const dir = tempDir();
  const config: Config = {
    ...loadConfig({ DATA_DIR: dir.path, CLIENT_DIR: '', AUTH_RATE_LIMIT_PER_MIN: '1000' }),
    ...overrides,
  };
  function build() {
    const db = openDb(config.dbPath, { synchronous: config.sqliteSync });
    const stores = createStores(db, { journal: new EditJournal(editJournalPath(config.dbPath)) });
    const sessions = createSessionService(stores.sessions, clock);
    const rooms = createRoomRegistry({ log: stores.docLog, clock, logger: silentLogger });
    const events = createSpaceEvents();
    const mailer = createMailer(config, silentLogger, { retryDelaysMs: [] });
    const app = createApp({ stores, sessions, rooms, events, clock, logger: silentLogger, config, mailer });
    return { db, stores, app, mailer };
  }
  let current = build();
  return {
    clock,
    config,
    get app() {
      return current.app;
    },
    get stores() {
      return current.stores;
    },
    /** Resolves once every queued email has been handed to the SMTP server (or dropped). */
    mailSent: () => current.mailer.idle(),
    reopen() {
      current.mailer.close();
      current.stores.docLog.close();
      current.db.close();
      current = build();
    },
    close() {
      if (current.db.open) {
        current.mailer.close();
        current.stores.docLog.close();
        current.db.close();
      }
      dir.remove();
    },
  };
}
export type TestApp = ReturnType<typeof createTestApp>;
