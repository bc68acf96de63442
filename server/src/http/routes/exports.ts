import { ErrorCode } from '@twofold/shared';
import { Hono } from 'hono';
import * as z from 'zod';
import { buildExport } from '../../exports/build-export.ts';
import { exportToMarkdown } from '../../exports/markdown.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

const exportQuery = z.object({ format: z.enum(['json', 'markdown']).default('json') });

/** Safe in a Content-Disposition filename: letters, digits and dashes only. */
function fileName(spaceName: string, extension: string): string {
  const base =
    spaceName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'space';
  return `twofold-${base.slice(0, 40).toLowerCase()}.${extension}`;
}

/** GET /api/spaces/:spaceId/export — everything that is the member's to keep, to download. */
export function exportRoutes(deps: AppDeps) {
  const { stores, sessions, clock, requestWork } = deps;
  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', validate('query', exportQuery), async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      // Reading both documents (a replay of each log when no room holds it) is main-thread work,
      // charged in the account's turn to its budget for HTTP work (http/work-budget.ts).
      const user = await stores.users.findById(userId);
      if (!user) throw new AppError(401, ErrorCode.unauthenticated, 'Please log in.');
      const data = await requestWork.run(userId, (meter) =>
        buildExport(deps, spaceId, user, clock.now(), meter),
      );
      c.header('Cache-Control', 'no-store');
      if (c.req.valid('query').format === 'markdown') {
        c.header('Content-Type', 'text/markdown; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="${fileName(data.space.name, 'md')}"`);
        return c.body(exportToMarkdown(data), 200);
      }
      c.header('Content-Disposition', `attachment; filename="${fileName(data.space.name, 'json')}"`);
      return c.json(data, 200);
    });
}
