import { HISTORY_PAGE_DEFAULT, HistoryDoc, historyQuerySchema, type HistoryPage } from '@twofold/shared';
import { Hono } from 'hono';
import { authorNames } from '../../letters/letters-for.ts';
import { docKey } from '../../sync/rooms.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';

const base64 = (data: Uint8Array | undefined) => (data ? Buffer.from(data).toString('base64') : '');

/**
 * GET /api/spaces/:spaceId/history?doc=shared|private&before=&limit= — a page of a document's
 * log, newest first, with the merged rows before it (see store/doc-history.ts, and
 * store/log-history.ts for documents in PostgreSQL). `private` is
 * always the caller's own private doc: there is no way to name the partner's, so a partner
 * cannot even learn that one has history. Outsiders get the 404 of a missing space.
 */
export function historyRoutes({ stores, sessions, requestWork }: AppDeps) {
  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', validate('query', historyQuerySchema), async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      const query = c.req.valid('query');
      // A page far back merges every row before it (100–300 ms for a year): main-thread work,
      // charged in the account's turn to its budget for HTTP work (http/work-budget.ts).
      const key = query.doc === HistoryDoc.shared ? docKey.shared(spaceId) : docKey.private(spaceId, userId);
      const page = await requestWork.run(userId, async (meter) =>
        stores.history.page(key, query.before, query.limit ?? HISTORY_PAGE_DEFAULT, meter),
      );
      const nameOf = await authorNames(stores, spaceId);
      const body: HistoryPage = {
        rows: page.rows.map((row) => ({
          id: row.id,
          authorId: row.author,
          authorName: nameOf(row.author),
          at: row.at,
          mergedCount: row.mergedCount,
          update: base64(row.data),
        })),
        base: base64(page.base),
        next: page.next,
      };
      c.header('Cache-Control', 'no-store');
      return c.json(body, 200);
    });
}
