import { ErrorCode } from '@twofold/shared';
import { Hono } from 'hono';
import { AppError } from '../errors.ts';
import type { AppDeps } from '../context.ts';
import { requireSession } from '../middleware/require-session.ts';
import { spaceView } from '../space-view.ts';

/** The signed-in user and the spaces they belong to. */
export function meRoutes({ stores, sessions }: AppDeps) {
  return new Hono().get('/', requireSession(sessions), async (c) => {
    const user = await stores.users.findById(c.get('userId'));
    if (!user) throw new AppError(401, ErrorCode.unauthenticated, 'Please log in.');
    const spaces = await Promise.all(
      (await stores.spaces.spacesOf(user.id)).map((space) => spaceView(stores, space)),
    );
    return c.json({ user: { id: user.id, email: user.email, name: user.name }, spaces }, 200);
  });
}
