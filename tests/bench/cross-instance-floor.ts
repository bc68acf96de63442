// Why the cross-instance latency goal (issue 19: p50 within 2× the single-instance SQLite p50)
// is or is not within reach: the two steps a cross-instance edit takes that an edit on one
// SQLite instance does not, each timed alone on an idle machine against the same engines the
// load ran on. Durable before shared puts them in series: the update is committed to
// PostgreSQL (one round trip, fsynced), and only then published through Redis to the instance
// holding the partner. Added to the SQLite p50 they give a floor no tuning of Twofold goes under.
import { createPostgresDocLog, openPostgres } from '@twofold/server/testing';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { quantile } from './stats.ts';

/** Round trips timed per step, after as many untimed ones to warm the connections. */
const ROUNDS = 500;
/** The size of a typical keystroke's update, in bytes. */
const UPDATE_BYTES = 30;

export interface CrossInstanceFloor {
  /** p50 of one append (the log's one statement, committed) on its own, in ms. */
  appendP50: number;
  /** p50 of one Redis PUBLISH reaching a subscriber on another connection, in ms. */
  redisHopP50: number;
}

/**
 * Times ROUNDS sequential appends to a document of its own in `databaseUrl` (a migrated
 * Twofold database; the rows stay, under a key no space uses), and ROUNDS sequential Redis
 * publish-to-delivery hops on `redisUrl`. Each first runs ROUNDS untimed.
 */
export async function measureCrossInstanceFloor(
  databaseUrl: string,
  redisUrl: string,
): Promise<CrossInstanceFloor> {
  const pool = await openPostgres(databaseUrl, { max: 1 });
  const log = createPostgresDocLog(pool);
  const docKey = `bench-floor:${randomUUID()}`;
  const data = new Uint8Array(UPDATE_BYTES);
  const appends: number[] = [];
  try {
    for (let i = 0; i < 2 * ROUNDS; i++) {
      const start = performance.now();
      await log.append(docKey, data, { author: 'bench', device: 'bench', at: Date.now() });
      if (i >= ROUNDS) appends.push(performance.now() - start);
    }
  } finally {
    await pool.end();
  }

  const publisher = new Redis(redisUrl);
  const subscriber = new Redis(redisUrl);
  const hops: number[] = [];
  try {
    const channel = `bench-floor:${randomUUID()}`;
    await subscriber.subscribe(channel);
    let arrived: (() => void) | undefined;
    subscriber.on('messageBuffer', () => arrived?.());
    const payload = Buffer.alloc(UPDATE_BYTES + 16);
    for (let i = 0; i < 2 * ROUNDS; i++) {
      const delivered = new Promise<void>((resolve) => (arrived = resolve));
      const start = performance.now();
      await publisher.publish(channel, payload);
      await delivered;
      if (i >= ROUNDS) hops.push(performance.now() - start);
    }
  } finally {
    publisher.disconnect();
    subscriber.disconnect();
  }
  return { appendP50: quantile(appends, 0.5), redisHopP50: quantile(hops, 0.5) };
}
