import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '@twofold/shared';
import type { BuiltApp } from './build-app.ts';
import type { Config } from './config.ts';
import { DEFAULT_BUDGET } from './sync/connection-budget.ts';
import { createUpgradeHandler } from './sync/upgrade.ts';

export interface Listening {
  server: ServerType;
  /** The port bound (the one asked for, or the free one picked for port 0). */
  port: number;
  /** `http://host:port`, the host in brackets when it is an IPv6 address. */
  url: string;
  /**
   * Stops accepting, closes every sync socket with 1012 "server restarting" and drops idle
   * HTTP connections; resolves once the HTTP server has closed. The app itself stays open.
   */
  stop(): Promise<void>;
}

/**
 * Serves `built`'s HTTP app and its sync sockets on `config.host`:`config.port`, with the
 * limits the config sets: frame cap (bytes), the per-connection message and byte budget, and
 * the per-account socket cap. One place for both the production server (server.ts) and the
 * tests' extra instances (instances/serve-built-app.ts), so they never drift apart.
 */
export async function listen(
  built: Pick<BuiltApp, 'app' | 'stores' | 'sessions' | 'rooms' | 'accounts' | 'logger'>,
  config: Config,
): Promise<Listening> {
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
    accounts: built.accounts,
  });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: built.app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started),
    );
  });
  server.on('upgrade', upgrades.handleUpgrade);
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        upgrades.close();
        built.rooms.shutdown(CloseCode.serverRestart, 'server restarting');
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
