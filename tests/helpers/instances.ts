import { startAppServer, type AppServer } from './app-server.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';
import { startTestRedis, type TestRedis } from './test-redis.ts';

/**
 * Several real server processes in shared mode: one real PostgreSQL (a fresh database) and one
 * real Redis, and `count` servers (`startAppServer`: the build when TWOFOLD_SERVER_ENTRY=dist,
 * else the source through tsx) with `DATABASE_URL` and `REDIS_URL`, each on its own free port
 * and its own DATA_DIR (no SQLite file is shared). Throws when an engine or a server cannot
 * start: never a skip.
 */
export interface Instances {
  postgres: TestPostgres;
  redis: TestRedis;
  databaseUrl: string;
  /** The servers, in start order; `servers[i].url` stays the same across `crash`. */
  servers: AppServer[];
  /** kill -9 of server `index`; resolves when it has exited (it stays down until `start`). */
  crash(index: number): Promise<void>;
  /** Starts server `index` again on its port and data directory. */
  start(index: number): Promise<void>;
  /** Stops every server, then Redis and PostgreSQL; safe to call after a failed test. */
  stop(): Promise<void>;
}

export async function startInstances(count = 2, env: Record<string, string> = {}): Promise<Instances> {
  const [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
  const servers: AppServer[] = [];
  // A crashed server's restart is held here until `start` resolves it.
  const held = new Map<number, { release: () => void; started: Promise<void> }>();
  try {
    const databaseUrl = await postgres.createDatabase();
    const shared = { ...env, DATABASE_URL: databaseUrl, REDIS_URL: redis.url };
    // One at a time: both run the migrations on start and the first must create the tables.
    for (let i = 0; i < count; i++) servers.push(await startAppServer({ env: shared }));
    const start = async (index: number) => {
      const pending = held.get(index);
      if (!pending) throw new Error(`instance ${index} is not down`);
      held.delete(index);
      pending.release();
      await pending.started;
    };
    return {
      postgres,
      redis,
      databaseUrl,
      servers,
      crash(index) {
        return new Promise<void>((crashed, failed) => {
          let release!: () => void;
          const resume = new Promise<void>((resolve) => (release = resolve));
          const started = servers[index]!.restart('SIGKILL', async () => {
            crashed();
            await resume;
          });
          started.catch(failed);
          held.set(index, { release, started });
        });
      },
      start,
      async stop() {
        for (const index of [...held.keys()]) await start(index).catch(() => {});
        await Promise.all(servers.map((server) => server.stop()));
        await Promise.all([redis.stop(), postgres.stop()]);
      },
    };
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all([redis.stop(), postgres.stop()]);
    throw error;
  }
}
