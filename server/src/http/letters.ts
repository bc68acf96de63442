import {
  createLetterPairSchema,
  ErrorCode,
  idSchema,
  importLettersSchema,
  MAX_LETTER_BYTES,
  MAX_MEMBERS,
  sealDateProblem,
  sendLetterSchema,
  type LetterPairView,
} from '@twofold/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { randomId } from '../lib/ids.ts';
import { notifyLetterSent } from '../notifications/letter-notices.ts';
import { letterAuthorMatcher } from '../letters/import-authors.ts';
import { authorNames, lettersFor } from '../letters/letters-for.ts';
import { hiddenReason, letterView } from '../letters/visibility.ts';
import type { LetterPairRow } from '../store/letters.ts';
import type { AppDeps, AuthEnv } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { requireMember } from './require-member.ts';
import { requireSession } from './require-session.ts';
import { validate } from './validate.ts';

const letterParam = z.object({ spaceId: idSchema, letterId: idSchema });

/**
 * Letters between the two members: sent letters are immutable; sealed ones stay closed to the
 * partner until both of a pair are sealed or their date has come. Every rule is enforced here,
 * on every route, so no client can read early.
 */
export function letterRoutes(deps: AppDeps) {
  const { stores, sessions, events, clock } = deps;
  const nameOf = (spaceId: string) => authorNames(stores, spaceId);
  const pairView = (pair: LetterPairRow): LetterPairView => ({
    id: pair.id,
    prompt: pair.prompt,
    createdBy: pair.createdBy,
    createdAt: pair.createdAt,
    sealedBy: stores.letters.sealersOf(pair.id),
    openedAt: pair.openedAt,
  });

  return new Hono<AuthEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/', (c) => {
      const spaceId = c.req.param('spaceId') as string;
      const now = clock.now();
      const letters = lettersFor(stores, spaceId, c.get('userId'), now);
      const pairs = stores.letters.pairs(spaceId);
      return c.json({ letters, pairs: pairs.map(pairView), now }, 200);
    })
    .get('/:letterId', validate('param', letterParam), (c) => {
      const { spaceId, letterId } = c.req.valid('param');
      const row = stores.letters.find(spaceId, letterId);
      if (!row) throw notFound('There is no such letter.');
      const pair = row.pairId ? stores.letters.findPair(spaceId, row.pairId) : undefined;
      return c.json(
        { letter: letterView(row, c.get('userId'), clock.now(), pair, nameOf(spaceId)(row.authorId)) },
        200,
      );
    })
    .post('/', validate('json', sendLetterSchema), (c) => {
      const spaceId = c.req.param('spaceId') as string;
      const authorId = c.get('userId');
      const input = c.req.valid('json');
      const body = JSON.stringify(input.body);
      if (Buffer.byteLength(body) > MAX_LETTER_BYTES) {
        throw new AppError(
          413,
          ErrorCode.payloadTooLarge,
          'This letter is longer than Twofold can keep (200 KB).',
        );
      }
      const now = clock.now();
      if (input.replyTo) {
        const parent = stores.letters.find(spaceId, input.replyTo);
        const pair = parent?.pairId ? stores.letters.findPair(spaceId, parent.pairId) : undefined;
        if (!parent || hiddenReason(parent, authorId, now, pair))
          throw notFound('There is no such letter to reply to.');
        // Its own author may read a sealed letter, but a reply would reach the partner openly
        // before the letter it answers: replies wait until that letter has opened.
        if (hiddenReason(parent, null, now, pair)) {
          throw new AppError(
            409,
            ErrorCode.letterImmutable,
            'This letter is still sealed. You can reply once it has opened.',
          );
        }
      }
      const seal = input.seal ?? null;
      const sealProblem = seal?.kind === 'date' ? sealDateProblem(seal.opensAt, now) : null;
      if (sealProblem) throw new AppError(400, ErrorCode.invalidInput, sealProblem);
      if (seal?.kind === 'together') {
        if (!stores.letters.findPair(spaceId, seal.pairId)) throw notFound('There is no such shared prompt.');
        if (stores.letters.sealersOf(seal.pairId).includes(authorId)) {
          throw new AppError(
            409,
            ErrorCode.letterImmutable,
            'You have already sealed your letter for this prompt.',
          );
        }
      }
      const row = {
        id: randomId(),
        spaceId,
        authorId,
        title: input.title,
        prompt: input.prompt ?? null,
        body,
        replyTo: input.replyTo ?? null,
        sealKind: seal?.kind ?? null,
        pairId: seal?.kind === 'together' ? seal.pairId : null,
        opensAt: seal?.kind === 'date' ? seal.opensAt : null,
        sentAt: now,
      };
      stores.letters.send(row, MAX_MEMBERS);
      events.publish(spaceId, { type: 'letters' });
      const pair = row.pairId ? stores.letters.findPair(spaceId, row.pairId) : undefined;
      notifyLetterSent(deps, row, pair);
      return c.json(
        {
          letter: letterView(
            { ...row, readAt: null, importedBy: null, importedAt: null, writtenByName: null },
            authorId,
            now,
            pair,
            nameOf(spaceId)(authorId),
          ),
        },
        201,
      );
    })
    .post('/import', validate('json', importLettersSchema), (c) => {
      const spaceId = c.req.param('spaceId') as string;
      const importer = c.get('userId');
      const now = clock.now();
      const authorOf = letterAuthorMatcher(stores.spaces.members(spaceId), importer);
      const rows = c.req.valid('json').letters.map((letter) => {
        const body = JSON.stringify(letter.body);
        if (Buffer.byteLength(body) > MAX_LETTER_BYTES) {
          throw new AppError(
            413,
            ErrorCode.payloadTooLarge,
            `“${letter.title}” is longer than Twofold can keep.`,
          );
        }
        const author = authorOf(letter);
        return {
          id: randomId(),
          spaceId,
          authorId: author.id,
          title: letter.title,
          prompt: letter.prompt,
          body,
          // When it was written, never the moment of import; a date from the future is not one.
          sentAt: Math.min(letter.sentAt, now),
          // The importer had these words already: a letter to them arrives read.
          readAt: author.id === importer ? null : now,
          importedBy: importer,
          importedAt: now,
          writtenByName: author.member ? null : letter.authorName,
        };
      });
      stores.letters.importAll(rows);
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
    .post('/:letterId/read', validate('param', letterParam), (c) => {
      const { spaceId, letterId } = c.req.valid('param');
      const viewer = c.get('userId');
      const row = stores.letters.find(spaceId, letterId);
      if (!row) throw notFound('There is no such letter.');
      const pair = row.pairId ? stores.letters.findPair(spaceId, row.pairId) : undefined;
      const now = clock.now();
      if (row.authorId !== viewer && !hiddenReason(row, viewer, now, pair) && row.readAt === null) {
        stores.letters.markRead(row.id, now);
        events.publish(spaceId, { type: 'letters' });
      }
      const updated = stores.letters.find(spaceId, letterId) ?? row;
      return c.json({ letter: letterView(updated, viewer, now, pair, nameOf(spaceId)(row.authorId)) }, 200);
    });
}

/** Shared prompts for letters sealed together: each member writes one, both open together. */
export function letterPairRoutes({ stores, sessions, events, clock }: AppDeps) {
  return new Hono<AuthEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .post('/', validate('json', createLetterPairSchema), (c) => {
      const spaceId = c.req.param('spaceId') as string;
      const pair = {
        id: randomId(),
        spaceId,
        prompt: c.req.valid('json').prompt,
        createdBy: c.get('userId'),
        createdAt: clock.now(),
      };
      stores.letters.createPair(pair);
      events.publish(spaceId, { type: 'letters' });
      return c.json({ pair: { ...pair, sealedBy: [], openedAt: null } satisfies LetterPairView }, 201);
    });
}
