import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { Config } from '../config.ts';
import type { SessionService } from '../auth/sessions.ts';
import type { SpaceEvents } from '../events/space-events.ts';
import type { RoomRegistry } from '../sync/rooms.ts';
import type { Stores } from '../store/stores.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What every route module may use, injected by `createApp`. */
export interface AppDeps {
  stores: Stores;
  sessions: SessionService;
  rooms: RoomRegistry;
  events: SpaceEvents;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Queues email (mail/mailer.ts); never waits for SMTP. */
  mailer: Mailer;
}

/** Variables set by the session middleware for authenticated routes. */
export interface AuthEnv {
  Variables: { userId: string; sessionHash: string };
}
