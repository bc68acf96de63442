import { syncBasePath } from '@twofold/shared';
import { loadConfig, type Config, silentLogger, startServer } from '@twofold/server/testing';
import { tempDir } from './temp-dir.ts';

/**
 * A real server in this process (`startServer`, as main.ts runs it) on 127.0.0.1 port 0, with
 * a fresh data directory and no client build. `restart` stops it gracefully and starts a new
 * one on the same data (on a new port, with any configuration it is given); `close` stops it
 * and removes the directory.
 */
export async function startTestServer(overrides: Partial<Config> = {}) {
  const dir = tempDir('twofold-server-');
  const config: Config = {
    ...loadConfig({
      DATA_DIR: dir.path,
      PORT: '0',
      HOST: '127.0.0.1',
      CLIENT_DIR: '',
      AUTH_RATE_LIMIT_PER_MIN: '1000',
    }),
    ...overrides,
  };
  let server = await startServer(config, { logger: silentLogger });
  return {
    get url() {
      return server.url;
    },
    dbPath: config.dbPath,
    /** The WebSocket URL of a space's shared room (`sync`) or the caller's private one. */
    syncUrl: (spaceId: string, room: 'sync' | 'private/sync' = 'sync') =>
      `${server.url.replace(/^http/, 'ws')}${syncBasePath(spaceId)}/${room}`,
    /** `overrides` change the configuration from this start on (the data stays the same). */
    async restart(overrides: Partial<Config> = {}) {
      await server.close();
      Object.assign(config, overrides);
      server = await startServer(config, { logger: silentLogger });
    },
    async close() {
      await server.close();
      dir.remove();
    },
  };
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
