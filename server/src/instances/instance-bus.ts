import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../lib/log.ts';
import { loadIoredis } from '../lib/on-demand.ts';

/**
 * What instances tell each other besides documents (space events, session revocations) and
 * the counters they share (rate limits), over one Redis (`REDIS_URL`). The sync rooms have
 * their own bus (`sync/room-bus.ts`).
 *
 * Two connections: a subscriber (pub/sub mode) and one for commands (PUBLISH, the rate-limit
 * script). A channel is subscribed only while some local handler wants it, so an instance
 * hears only about what it holds. Messages carry this instance's id, and handlers are told
 * whose a message is, so a publisher that already acted locally can skip its own.
 *
 * Redis unreachable: nothing throws. Publishing fails (logged; the others miss that message,
 * the publisher has already acted locally), commands fail within a second (the rate
 * limiter falls back to memory, and then skips Redis until it is back), and both connections keep reconnecting; subscriptions
 * are renewed when they come back.
 */
export interface InstanceBus {
  readonly instanceId: string;
  /** Sends `payload` (JSON-able) to every instance subscribed to `channel`, this one included. */
  publish(channel: string, payload: unknown): void;
  /**
   * Calls `handler` with every message on `channel` (and the id of the instance that sent it)
   * until the returned function is called. The first handler of a channel subscribes to it in
   * Redis, the last one leaving unsubscribes.
   */
  subscribe(channel: string, handler: MessageHandler): () => void;
  /**
   * Resolves once Redis has confirmed the subscription to `channel` (at once when Redis is not
   * connected: then nothing crosses instances anyway). Never rejects.
   */
  subscribed(channel: string): Promise<void>;
  /**
   * The command connection. A command sent while it is not connected waits for it, failing
   * after `COMMAND_TIMEOUT_MS` (1 s); callers that already saw Redis fail check `status`.
   */
  readonly commands: Redis;
  /** Disconnects both connections; idempotent. */
  close(): void;
}

export type MessageHandler = (payload: unknown, origin: string) => void;

const PREFIX = 'twofold:';
/** How long a command may wait for Redis before it counts as failed, in ms. */
const COMMAND_TIMEOUT_MS = 1000;
/** At most one "Redis unreachable" log line per this many ms, per connection. */
const LOG_EVERY_MS = 30_000;

/**
 * Connects to `redisUrl` (redis://host:port) in the background and returns at once. Never
 * throws for an unreachable Redis: see `InstanceBus`.
 */
export function createInstanceBus(redisUrl: string, logger: Logger, instanceId = randomUUID()): InstanceBus {
  const { Redis: RedisClient } = loadIoredis();
  // Commands sent while connecting wait for the connection, but never past the timeout.
  const commands = new RedisClient(redisUrl, { commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 });
  const subscriber = new RedisClient(redisUrl, { enableReadyCheck: false });
  const handlers = new Map<string, Set<MessageHandler>>();
  const confirmed = new Map<string, Promise<void>>();

  for (const [name, connection] of [
    ['commands', commands],
    ['subscriber', subscriber],
  ] as const) {
    let lastLogged = 0;
    connection.on('error', (error: Error) => {
      const now = Date.now();
      if (now - lastLogged < LOG_EVERY_MS) return;
      lastLogged = now;
      logger.warn('redis_unreachable', { connection: name, message: error.message });
    });
    connection.on('ready', () => {
      if (lastLogged !== 0) logger.info('redis_reconnected', { connection: name });
      lastLogged = 0;
    });
  }

  subscriber.on('message', (channel: string, message: string) => {
    const set = handlers.get(channel.slice(PREFIX.length));
    if (!set) return;
    let decoded: { origin: string; payload: unknown };
    try {
      decoded = JSON.parse(message) as { origin: string; payload: unknown };
    } catch {
      return;
    }
    for (const handler of [...set]) handler(decoded.payload, decoded.origin);
  });

  return {
    instanceId,
    commands,
    publish(channel, payload) {
      commands
        .publish(PREFIX + channel, JSON.stringify({ origin: instanceId, payload }))
        .catch((error: unknown) =>
          logger.warn('instance_bus_publish_failed', {
            channel: channel.split(':')[0],
            message: String(error),
          }),
        );
    },
    subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        handlers.set(channel, (set = new Set()));
        // Queued while disconnected; ioredis subscribes again after every reconnect.
        confirmed.set(
          channel,
          subscriber.subscribe(PREFIX + channel).then(
            () => {},
            (error: unknown) => logger.warn('instance_bus_subscribe_failed', { message: String(error) }),
          ),
        );
      }
      set.add(handler);
      return () => {
        set.delete(handler);
        if (set.size > 0 || handlers.get(channel) !== set) return;
        handlers.delete(channel);
        confirmed.delete(channel);
        subscriber.unsubscribe(PREFIX + channel).catch(() => {});
      };
    },
    subscribed(channel) {
      if (subscriber.status !== 'ready') return Promise.resolve();
      return confirmed.get(channel) ?? Promise.resolve();
    },
    close() {
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
