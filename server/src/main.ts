import { loadConfig } from './config.ts';
import { consoleLogger } from './lib/log.ts';
import { startServer } from './server.ts';

// The only module with side effects: read the environment, start, and stop gracefully.
const config = loadConfig();
const server = await startServer(config);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info('shutting_down', { signal });
    void server.close().then(() => process.exit(0));
  });
}
