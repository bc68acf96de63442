import { loadConfig } from './config.ts';
import { offsetFileClock } from './lib/clock.ts';
import { consoleLogger } from './lib/log.ts';
import { startServer } from './server.ts';

// The only module with side effects: read the environment, start, and stop gracefully.
const config = loadConfig();
const clockFile = process.env.TEST_CLOCK_OFFSET_FILE;
const server = await startServer(config, clockFile ? { clock: offsetFileClock(clockFile) } : {});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info('shutting_down', { signal });
    void server.close().then(() => process.exit(0));
  });
}
