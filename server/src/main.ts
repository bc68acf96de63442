import { loadConfig } from './config.ts';
import { offsetFileClock } from './lib/clock.ts';
import { consoleLogger } from './lib/log.ts';
import { startServer } from './server.ts';
import { DataInUse } from './store/data-lock.ts';

// The only module with side effects: read the environment, start, and stop gracefully.
const config = loadConfig();
// End-to-end tests may move the clock (to open a letter sealed until tomorrow). Only with
// NODE_ENV=test as well, so a stray variable in production cannot open sealed letters early.
const clockFile = process.env.NODE_ENV === 'test' ? process.env.TEST_CLOCK_OFFSET_FILE : undefined;
if (clockFile) consoleLogger.warn('test_clock', { file: clockFile });
// End-to-end tests may also look for scheduled notifications more often than once a minute.
const schedulePass = process.env.NODE_ENV === 'test' ? Number(process.env.TEST_NOTICE_SCHEDULE_MS) : NaN;
const server = await startServer(config, {
  ...(clockFile ? { clock: offsetFileClock(clockFile) } : {}),
  ...(schedulePass > 0 ? { noticeSchedulePassMs: schedulePass } : {}),
}).catch((error: unknown) => {
  if (!(error instanceof DataInUse)) throw error;
  consoleLogger.error('data_in_use', { message: error.message });
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info('shutting_down', { signal });
    void server.close().then(() => process.exit(0));
  });
}
