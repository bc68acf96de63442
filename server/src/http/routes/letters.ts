import {
  createLetterPairSchema,
  ErrorCode,
  idSchema,
  importLettersSchema,
  MAX_MEMBERS,
  sendLetterSchema,
  type LetterPairView,
} from '@twofold/shared';
import { Hono } from 'hono';
import * as z from 'zod';
import { randomId } from '../../lib/ids.ts';
import { authorNames, lettersFor } from '../../letters/letters-for.ts';
import { importedLetters, newLetter } from '../../letters/send-letter.ts';
import { hiddenReason, letterView } from '../../letters/visibility.ts';
import type { LetterPairRow } from '../../store/letters.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';
import { notifyLetterSent } from '../../notifications/letter-notices.ts';

const letterParam = z.object({ spaceId: idSchema, letterId: idSchema });

/**
 * Letters between the two members: sent letters are immutable; sealed ones stay closed to the
 * partner until both of a pair are sealed or their date has come. Who may read what is
 * `letters/visibility.ts`, applied on every route so no client can read early; what may be sent
 * or imported is `letters/send-letter.ts`.
 */
export function letterRoutes(deps: AppDeps) {
  const { stores, sessions, events, clock } = deps;
  const nameOf = (spaceId: string) => authorNames(stores, spaceId);
  const pairView = async (pair: LetterPairRow): Promise<LetterPairView> => ({
    id: pair.id,
    prompt: pair.prompt,
    createdBy: pair.createdBy,
    createdAt: pair.createdAt,
    sealedBy: await stores.letters.sealersOf(pair.id),
    openedAt: pair.openedAt,
  });
  const pairOf = (spaceId: string, row: { pairId: string | null }) =>
    row.pairId ? stores.letters.findPair(spaceId, row.pairId) : Promise.resolve(undefined);

  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', async (c) => {
      const spaceId = c.var.spaceId;
      const now = clock.now();
      const letters = await lettersFor(stores, spaceId, c.get('userId'), now);
      const pairs = await Promise.all((await stores.letters.pairs(spaceId)).map(pairView));
      return c.json({ letters, pairs, now }, 200);
    })
    .get('/:letterId', validate('param', letterParam), async (c) => {
      const { spaceId, letterId } = c.req.valid('param');
      const row = await stores.letters.find(spaceId, letterId);
      if (!row) throw notFound('There is no such letter.');
      const pair = await pairOf(spaceId, row);
      return c.json(
        {
          letter: letterView(row, c.get('userId'), clock.now(), pair, (await nameOf(spaceId))(row.authorId)),
        },
        200,
      );
    })
    .post('/', validate('json', sendLetterSchema), async (c) => {
      const { spaceId, userId: authorId } = c.var;
      const now = clock.now();
      const row = await newLetter(stores, { spaceId, authorId, input: c.req.valid('json'), now });
      await stores.letters.send(row, MAX_MEMBERS);
      events.publish(spaceId, { type: 'letters' });
      const pair = await pairOf(spaceId, row);
      await notifyLetterSent(deps, row, pair);
      return c.json(
        {
          letter: letterView(
            { ...row, readAt: null, importedBy: null, importedAt: null, writtenByName: null },
            authorId,
            now,
            pair,
            (await nameOf(spaceId))(authorId),
          ),
        },
        201,
      );
    })
    .post('/import', validate('json', importLettersSchema), async (c) => {
      const spaceId = c.var.spaceId;
      const rows = importedLetters({
        spaceId,
        members: await stores.spaces.members(spaceId),
        importerId: c.var.userId,
        letters: c.req.valid('json').letters,
        now: clock.now(),
      });
      await stores.letters.importAll(rows);
      events.publish(spaceId, { type: 'letters' });
      return c.json(
        { imported: rows.length, byMembers: rows.filter((r) => r.writtenByName === null).length },
        201,
      );
    })
    .on(['PUT', 'PATCH', 'DELETE'], '/:letterId', () => {
      throw new AppError(
        409,
        ErrorCode.letterImmutable,
        'A sent or sealed letter cannot be changed. You can write a reply.',
      );
    })
    .post('/:letterId/read', validate('param', letterParam), async (c) => {
      const { spaceId, letterId } = c.req.valid('param');
      const viewer = c.get('userId');
      const row = await stores.letters.find(spaceId, letterId);
      if (!row) throw notFound('There is no such letter.');
      const pair = await pairOf(spaceId, row);
      const now = clock.now();
      if (row.authorId !== viewer && !hiddenReason(row, viewer, now, pair) && row.readAt === null) {
        await stores.letters.markRead(row.id, now);
        events.publish(spaceId, { type: 'letters' });
      }
      const updated = (await stores.letters.find(spaceId, letterId)) ?? row;
      return c.json(
        { letter: letterView(updated, viewer, now, pair, (await nameOf(spaceId))(row.authorId)) },
        200,
      );
    });
}

/** Shared prompts for letters sealed together: each member writes one, both open together. */
export function letterPairRoutes({ stores, sessions, events, clock }: AppDeps) {
  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .post('/', validate('json', createLetterPairSchema), async (c) => {
      const spaceId = c.var.spaceId;
      const pair = {
        id: randomId(),
        spaceId,
        prompt: c.req.valid('json').prompt,
        createdBy: c.get('userId'),
        createdAt: clock.now(),
      };
      await stores.letters.createPair(pair);
      events.publish(spaceId, { type: 'letters' });
      return c.json({ pair: { ...pair, sealedBy: [], openedAt: null } satisfies LetterPairView }, 201);
    });
}
