import { accountRoutes } from './http/routes/account.ts';
import { exportRoutes } from './http/routes/exports.ts';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ErrorCode } from '@twofold/shared';
import type { AppDeps } from './http/context.ts';
import { appreciationRoutes } from './http/routes/appreciations.ts';
import { attestationRoutes } from './http/routes/attestations.ts';
import { authRoutes } from './http/routes/auth.ts';
import { checkinRoutes } from './http/routes/checkins.ts';
import { clientApp } from './http/routes/client-app.ts';
import { AppError, errorHandler, notFoundHandler } from './http/errors.ts';
import { eventRoutes } from './http/routes/events.ts';
import { healthRoutes } from './http/routes/health.ts';
import { inviteRoutes } from './http/routes/invites.ts';
import { letterPairRoutes, letterRoutes } from './http/routes/letters.ts';
import { meRoutes } from './http/routes/me.ts';
import { originGuard } from './http/middleware/origin-guard.ts';
import { passwordRoutes } from './http/routes/password.ts';
import { promiseRoutes } from './http/routes/promises.ts';
import { securityHeaders } from './http/middleware/security-headers.ts';
import { endHeadBodies } from './http/middleware/head-requests.ts';
import { sessionRoutes } from './http/routes/sessions.ts';
import { spaceInviteRoutes } from './http/routes/space-invites.ts';
import { spaceRoutes } from './http/routes/spaces.ts';
import { winRoutes } from './http/routes/wins.ts';
import { notificationRoutes, pushKeyRoutes } from './http/routes/notifications.ts';
import { emailRoutes, emailVerifyRoutes } from './http/routes/email.ts';
import { passwordResetRoutes } from './http/routes/password-reset.ts';
import { historyRoutes } from './http/routes/history.ts';
import { snapshotRoutes } from './http/routes/snapshots.ts';
import { breachRoutes } from './http/routes/breaches.ts';
import { reassuranceRoutes } from './http/routes/reassurance.ts';
import { repairRoutes } from './http/routes/repairs.ts';

export type { AppDeps } from './http/context.ts';

/** Requests bodies above this are refused with 413 before they are read whole. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Builds the HTTP app from its dependencies. The chained routes carry their types to the
 * client through `AppType`; nothing here has side effects until a request arrives.
 */
export function createApp(deps: AppDeps) {
  const api = new Hono()
    .use(originGuard(deps.config.allowedOrigins))
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new AppError(413, ErrorCode.payloadTooLarge, 'That is more than we can take in one go.');
        },
      }),
    )
    .route('/health', healthRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/me', meRoutes(deps))
    .route('/me/sessions', sessionRoutes(deps))
    .route('/me/password', passwordRoutes(deps))
    .route('/account', accountRoutes(deps))
    .route('/spaces', spaceRoutes(deps))
    .route('/spaces/:spaceId/invites', spaceInviteRoutes(deps))
    .route('/spaces/:spaceId/attestations', attestationRoutes(deps))
    .route('/spaces/:spaceId/events', eventRoutes(deps))
    .route('/spaces/:spaceId/letters', letterRoutes(deps))
    .route('/spaces/:spaceId/export', exportRoutes(deps))
    .route('/spaces/:spaceId/letter-pairs', letterPairRoutes(deps))
    .route('/spaces/:spaceId/checkins', checkinRoutes(deps))
    .route('/spaces/:spaceId/promises', promiseRoutes(deps))
    .route('/spaces/:spaceId/appreciations', appreciationRoutes(deps))
    .route('/spaces/:spaceId/wins', winRoutes(deps))
    .route('/spaces/:spaceId/history', historyRoutes(deps))
    .route('/spaces/:spaceId/sync', snapshotRoutes(deps, 'shared'))
    .route('/spaces/:spaceId/private/sync', snapshotRoutes(deps, 'private'))
    .route('/spaces/:spaceId/repairs', repairRoutes(deps))
    .route('/spaces/:spaceId/breaches', breachRoutes(deps))
    .route('/spaces/:spaceId/reassurance', reassuranceRoutes(deps))
    .route('/invites', inviteRoutes(deps))
    .route('/me/notifications', notificationRoutes(deps))
    .route('/notifications/push-key', pushKeyRoutes(deps))
    .route('/auth/password-reset', passwordResetRoutes(deps))
    .route('/me/email', emailRoutes(deps))
    .route('/email/verify', emailVerifyRoutes(deps))
    .notFound(notFoundHandler);

  const app = new Hono().use(endHeadBodies, securityHeaders).route('/api', api);
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  if (deps.config.clientDir) app.route('/', clientApp(deps.config.clientDir));
  return app;
}

/** The API's routes and types, for `hc<AppType>` on the client. */
export type AppType = ReturnType<typeof createApp>;
