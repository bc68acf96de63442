import type { BuiltApp } from '../build-app.ts';
import type { Config } from '../config.ts';
import { listen } from '../listen.ts';

/**
 * Tests only (`@twofold/server/testing`): serves an app `buildApp` made, HTTP and sync
 * sockets, on `config.host`:`config.port` (0: any free port), without `startServer`'s data
 * lock, checkpointer or background passes, so that two instances can run over one SQLite file
 * in one process as two instances over one shared store would. `close` stops the server and
 * closes its sockets (1012), then closes the app.
 */
export async function serveBuiltApp(
  built: BuiltApp,
  config: Config,
): Promise<{ url: string; close(): Promise<void> }> {
  const listening = await listen(built, config);
  return {
    url: listening.url,
    async close() {
      await listening.stop();
      await built.close();
    },
  };
}
