import {
  ErrorCode,
  MAX_LETTER_BYTES,
  sealDateProblem,
  type ImportLettersInput,
  type Member,
  type sendLetterSchema,
} from '@twofold/shared';
import type * as z from 'zod';
import { AppError, notFound } from '../http/errors.ts';
import { randomId } from '../lib/ids.ts';
import type { Stores } from '../store/stores.ts';
import type { LetterRow } from '../store/letters.ts';
import { letterAuthorMatcher } from './import-authors.ts';
import { hiddenReason } from './visibility.ts';

type SendLetterInput = z.output<typeof sendLetterSchema>;

/** A letter to store: everything but what only later events (reading, importing) fill in. */
export type NewLetterRow = Omit<LetterRow, 'readAt' | 'importedBy' | 'importedAt' | 'writtenByName'>;

/** An imported letter to store (no reply, no seal: imports arrive open). */
export type ImportedLetterRow = Omit<LetterRow, 'replyTo' | 'sealKind' | 'pairId' | 'opensAt'>;

/**
 * A letter body as it is stored: its JSON text. Throws `413 payload_too_large` (with
 * `tooLong` as the message) when that text is over `MAX_LETTER_BYTES` (200 KB, in UTF-8 bytes).
 */
export function storedLetterBody(body: unknown, tooLong: string): string {
  const json = JSON.stringify(body);
  if (Buffer.byteLength(json) > MAX_LETTER_BYTES) {
    throw new AppError(413, ErrorCode.payloadTooLarge, tooLong);
  }
  return json;
}

/**
 * The sending rules, all in one place: the body fits; a reply answers a letter the author may
 * read and that has opened for both (a reply would otherwise reach the partner before the letter
 * it answers); a date seal is a date that can come; a together seal names an existing prompt the
 * author has not sealed a letter for yet. Resolves with the row to store, sent at `now` (ms since the
 * epoch). Throws `AppError`: 413 `payload_too_large`, 404 `not_found` (no such letter or prompt,
 * or one the author may not read), 409 `letter_immutable`, 400 `invalid_input`.
 */
export async function newLetter(
  stores: Stores,
  args: { spaceId: string; authorId: string; input: SendLetterInput; now: number },
): Promise<NewLetterRow> {
  const { spaceId, authorId, input, now } = args;
  const body = storedLetterBody(input.body, 'This letter is longer than Twofold can keep (200 KB).');
  if (input.replyTo) {
    const parent = await stores.letters.find(spaceId, input.replyTo);
    const pair = parent?.pairId ? await stores.letters.findPair(spaceId, parent.pairId) : undefined;
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
    if (!(await stores.letters.findPair(spaceId, seal.pairId)))
      throw notFound('There is no such shared prompt.');
    if ((await stores.letters.sealersOf(seal.pairId)).includes(authorId)) {
      throw new AppError(
        409,
        ErrorCode.letterImmutable,
        'You have already sealed your letter for this prompt.',
      );
    }
  }
  return {
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
}

/**
 * The import rules: each letter's author is matched to a member of the space (by id, then by
 * name; otherwise it keeps the export's name); it keeps when it was written, never the moment of
 * import, and never a date after `now` (ms since the epoch); a letter to the importer arrives
 * read, since they had its words already. Throws `413 payload_too_large` naming the first letter
 * over `MAX_LETTER_BYTES`.
 */
export function importedLetters(args: {
  spaceId: string;
  members: readonly Member[];
  importerId: string;
  letters: ImportLettersInput['letters'];
  now: number;
}): ImportedLetterRow[] {
  const { spaceId, importerId, now } = args;
  const authorOf = letterAuthorMatcher(args.members, importerId);
  return args.letters.map((letter) => {
    const body = storedLetterBody(letter.body, `“${letter.title}” is longer than Twofold can keep.`);
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
      readAt: author.id === importerId ? null : now,
      importedBy: importerId,
      importedAt: now,
      writtenByName: author.member ? null : letter.authorName,
    };
  });
}
