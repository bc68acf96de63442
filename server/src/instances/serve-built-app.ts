import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '@twofold/shared';
import type { BuiltApp } from '../build-app.ts';
import type { Config } from '../config.ts';
import { DEFAULT_ACCOUNT_LIMITS } from '../sync/account-limits.ts';
import { DEFAULT_BUDGET } from '../sync/connection-budget.ts';
import { createUpgradeHandler } from '../sync/upgrade.ts';

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
  const upgrades = createUpgradeHandler({
    stores: built.stores,
    sessions: built.sessions,
    rooms: built.rooms,
    logger: built.logger,
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
    const started = serve({ fetch: built.app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started),
    );
  });
  server.on('upgrade', upgrades.handleUpgrade);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        upgrades.close();
        built.rooms.shutdown(CloseCode.serverRestart, 'server restarting');
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await built.close();
    },
  };
}
