import { syncBasePath } from '@twofold/shared';
import {
  buildApp,
  loadConfig,
  serveBuiltApp,
  silentLogger,
  type BuiltApp,
  type Config,
} from '@twofold/server/testing';
import { tempDir } from './temp-dir.ts';

export interface TestInstance {
  url: string;
  built: BuiltApp;
  /** The WebSocket URL of a space's shared room. */
  syncUrl(spaceId: string): string;
}

/**
 * `count` app instances in this process, each `buildApp` with its own HTTP server on port 0,
 * over one SQLite file (accounts and sessions shared, as over one shared store), with `env`
 * (REDIS_URL, AUTH_RATE_LIMIT_PER_MIN, …). No data lock is taken; two instances each keep their
 * own doc log, so tests on these must not write documents.
 */
export async function startTestInstances(count: number, env: Record<string, string> = {}) {
  const dir = tempDir('twofold-instances-');
  const config: Config = loadConfig({
    DATA_DIR: dir.path,
    PORT: '0',
    HOST: '127.0.0.1',
    CLIENT_DIR: '',
    AUTH_RATE_LIMIT_PER_MIN: '1000',
    ...env,
  });
  const served: Awaited<ReturnType<typeof serveBuiltApp>>[] = [];
  const instances: TestInstance[] = [];
  for (let i = 0; i < count; i++) {
    const built = buildApp(config, { logger: silentLogger, mailRetryDelaysMs: [] });
    const server = await serveBuiltApp(built, config);
    served.push(server);
    instances.push({
      url: server.url,
      built,
      syncUrl: (spaceId) => `${server.url.replace(/^http/, 'ws')}${syncBasePath(spaceId)}/sync`,
    });
  }
  return {
    instances,
    async close() {
      for (const server of served) await server.close();
      dir.remove();
    },
  };
}
