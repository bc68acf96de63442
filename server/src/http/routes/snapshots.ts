import { ErrorCode } from '@twofold/shared';
import { Hono, type Context } from 'hono';
import { accepts } from 'hono/accepts';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { docKey } from '../../sync/rooms.ts';
import { metered } from '../../sync/cpu-time.ts';
import { FIRST_COPY_KEY } from '../../sync/socket.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/**
 * Brotli quality 5: for a year of a couple's letters (418 KB) 33 KB in about 5 ms; quality 8
 * saves 1% more for three times the CPU, 11 is far slower (measured on this machine, Node 20).
 */
const BROTLI_QUALITY = 5;

/**
 * GET /api/spaces/:spaceId/sync/snapshot?copy= and …/private/sync/snapshot?copy= (each sync
 * socket's own address, `/snapshot` added) — the whole document as
 * one Yjs update (`application/octet-stream`), for a device that has just opened that
 * document's sync socket with nothing stored (a first visit, a new phone). It is the answer
 * the socket's sync step 2 would carry, compressed with brotli (or gzip) instead of the
 * socket's deflate, which does less than half as well on a long letter (see Room.snapshotFor).
 * The device then sends sync step 1 as usual and the socket brings whatever is newer.
 *
 * `?copy=` names the socket, as its own address did (`?copy=`, Peer.firstCopyKey). Only the
 * session that holds that open socket to the document on this instance gets it, once per
 * socket: the socket's upgrade already checked origin, session, membership and the
 * account's budget, and the room holds the document whole in memory, so this reads no log and
 * replays nothing. `private` is always the caller's own. 409 `conflict` when there is no such
 * socket here (another instance holds it, the room is still loading, or it was given already):
 * the device syncs over the socket alone, as before. Outsiders get the 404 of a missing space.
 * HEAD is 405: it would spend the socket's one copy and send nothing (Hono runs GET for it).
 * Encoding the copy is main-thread work for the account, charged to its budget for HTTP work
 * (http/work-budget.ts); over it, 429.
 */
export function snapshotRoutes(
  { stores, sessions, rooms, requestWork }: AppDeps,
  which: 'shared' | 'private',
) {
  const snapshot = async (c: Context<MemberEnv>) => {
    if (c.req.method === 'HEAD') {
      c.header('Allow', 'GET');
      throw new AppError(405, ErrorCode.methodNotAllowed, 'A first copy is taken with GET, once.');
    }
    const spaceId = c.var.spaceId;
    const userId = c.get('userId');
    const key = which === 'shared' ? docKey.shared(spaceId) : docKey.private(spaceId, userId);
    const copy = c.req.query('copy');
    // Main-thread work for the account (two encodes of the whole document): an account over its
    // budget for HTTP work gets no copy, and its socket then brings everything.
    const update = await requestWork.run(userId, async (meter) =>
      metered(meter, () =>
        copy && FIRST_COPY_KEY.test(copy) ? rooms.get(key)?.snapshotFor(c.get('sessionHash'), copy) : null,
      ),
    );
    if (!update) {
      throw new AppError(409, ErrorCode.conflict, 'Open this document’s sync connection first.');
    }
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'application/octet-stream');
    c.header('Vary', 'Accept-Encoding');
    // Hono's Accept-Encoding match: q values honoured (`br;q=0` is a refusal), brotli first.
    const encoding = accepts(c, { header: 'Accept-Encoding', supports: ['br', 'gzip'], default: 'identity' });
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    const body =
      encoding === 'br'
        ? await brotli(update, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: update.byteLength,
            },
          })
        : encoding === 'gzip'
          ? await gzipAsync(update)
          : update;
    return c.body(new Uint8Array(body), 200);
  };
  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/snapshot', snapshot);
}
