import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import type { Config } from '../config.ts';
import type { RateLimits } from '../auth/shared-rate-limit.ts';
import type { SessionService } from '../auth/sessions.ts';
import type { SpaceEvents } from '../events/space-events.ts';
import type { Revocations } from '../sync/revocations.ts';
import type { RoomRegistry } from '../sync/rooms.ts';
import type { RequestWork } from './work-budget.ts';
import type { Stores } from '../store/stores.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What every route module may use, injected by `createApp`. */
export interface AppDeps {
  stores: Stores;
  sessions: SessionService;
  rooms: RoomRegistry;
  /**
   * Main-thread time HTTP requests spend on an account's documents (a first copy, a history
   * page, an export; `http/work-budget.ts`), one at a time per account, on a work budget apart
   * from its sockets' and as large, so neither can starve the other.
   */
  requestWork: RequestWork;
  events: SpaceEvents;
  /** Closes revoked sessions' sockets on every instance (sync/revocations.ts). */
  revocations: Revocations;
  /** Login, password and email rate limits, shared across instances with Redis. */
  rateLimits: RateLimits;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Queues email (mail/mailer.ts); never waits for SMTP. */
  mailer: Mailer;
}

/** Variables set by `requireSession` for authenticated routes. */
export interface AuthEnv {
  Variables: { userId: string; sessionHash: string };
}

/**
 * Variables set by `requireSession` then `requireMember` for routes under `/spaces/:spaceId`:
 * `spaceId` is the path's id, already checked to be a well-formed id of a space `userId` is a
 * member of, so a handler reads `c.var.spaceId` and never casts the raw param.
 */
export interface MemberEnv {
  Variables: AuthEnv['Variables'] & { spaceId: string };
}
