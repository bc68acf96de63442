import { buildApp, loadConfig, silentLogger, type Config } from '@twofold/server/testing';
import { tempDir } from './temp-dir.ts';
import { testClock } from './test-clock.ts';

/**
 * The HTTP app over a temporary SQLite file, built by the server's own `buildApp`. `reopen`
 * builds a new app on the same file (a restart); `close` removes everything.
 */
export function createTestApp(overrides: Partial<Config> = {}, clock = testClock()) {
  const dir = tempDir();
  const config: Config = {
    ...loadConfig({ DATA_DIR: dir.path, CLIENT_DIR: '', AUTH_RATE_LIMIT_PER_MIN: '1000' }),
    ...overrides,
  };
  const build = () => buildApp(config, { clock, logger: silentLogger, mailRetryDelaysMs: [] });
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
    /** Everything the current app was built with (rooms, mailer, database). */
    get built() {
      return current;
    },
    /** Resolves once every queued email has been handed to the SMTP server (or dropped). */
    mailSent: () => current.mailer.idle(),
    reopen() {
      // On SQLite everything is closed when `close` returns; its promise adds nothing.
      void current.close();
      current = build();
    },
    close() {
      void current.close();
      dir.remove();
    },
  };
}
export type TestApp = ReturnType<typeof createTestApp>;
