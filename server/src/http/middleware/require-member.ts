import { idSchema } from '@twofold/shared';
import { createMiddleware } from 'hono/factory';
import type { Stores } from '../../store/stores.ts';
import type { MemberEnv } from '../context.ts';
import { notFound } from '../errors.ts';

/**
 * After `requireSession`: lets the request through only if the user is a member of the
 * `:spaceId` in the path. Anyone else gets 404, so nobody learns which spaces exist. Sets
 * `spaceId` on the context (`MemberEnv`), so handlers read `c.var.spaceId`.
 */
export function requireMember(stores: Stores) {
  return createMiddleware<MemberEnv>(async (c, next) => {
    const spaceId = c.req.param('spaceId');
    if (
      !spaceId ||
      !idSchema.safeParse(spaceId).success ||
      !(await stores.spaces.isMember(spaceId, c.get('userId')))
    ) {
      throw notFound();
    }
    c.set('spaceId', spaceId);
    await next();
  });
}
