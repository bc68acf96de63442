import { afterAll, describe, expect, it } from 'vitest';
import { call, pairUp, signUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = createTestApp();
afterAll(() => t.close());

const DAY = 24 * 60 * 60 * 1000;
const body = (text: string) => ({
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  text,
});
const letters = (spaceId: string) => `/api/spaces/${spaceId}/letters`;

type LetterReply = { letter: { id: string; body: unknown; hidden: string | null; readAt: number | null } };

async function send(cookie: string, spaceId: string, extra: Record<string, unknown>, text = 'Dear you') {
  const reply = await call(t.app, 'POST', letters(spaceId), {
    cookie,
    json: { title: 'A letter', body: body(text), ...extra },
  });
  expect(reply.status, reply.text).toBe(201);
  return (reply.body as LetterReply).letter;
}

/** Every response the partner could ask for, as raw text, to search for words byte for byte. */
async function everythingVisibleTo(cookie: string, spaceId: string, letterId: string) {
  const replies = await Promise.all([
    call(t.app, 'GET', letters(spaceId), { cookie }),
    call(t.app, 'GET', `${letters(spaceId)}/${letterId}`, { cookie }),
    call(t.app, 'POST', `${letters(spaceId)}/${letterId}/read`, { cookie }),
  ]);
  for (const reply of replies) expect(reply.status).toBe(200);
  return replies.map((r) => r.text).join('\n');
}

describe('letters', () => {
  it('delivers a sent letter to the partner, and tells the author when it was read', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const letter = await send(alex.cookie, spaceId, {}, 'I am sorry for what I did.');
    const inbox = await call(t.app, 'GET', letters(spaceId), { cookie: sam.cookie });
    expect(inbox.text).toContain('I am sorry for what I did.');
    expect(
      (await call(t.app, 'GET', `${letters(spaceId)}/${letter.id}`, { cookie: alex.cookie })).body,
    ).toMatchObject({
      letter: { readAt: null },
    });
    t.clock.advance(1000);
    await call(t.app, 'POST', `${letters(spaceId)}/${letter.id}/read`, { cookie: sam.cookie });
    const seen = await call(t.app, 'GET', `${letters(spaceId)}/${letter.id}`, { cookie: alex.cookie });
    expect((seen.body as LetterReply).letter.readAt).toBe(t.clock.now());
  });

  it('never lets anyone change a sent letter', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const letter = await send(alex.cookie, spaceId, {});
    for (const who of [alex, sam]) {
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const reply = await call(t.app, method, `${letters(spaceId)}/${letter.id}`, {
          cookie: who.cookie,
          json: { title: 'x' },
        });
        expect(reply.status).toBe(409);
        expect(reply.body).toEqual({ error: { code: 'letter_immutable', message: expect.any(String) } });
      }
    }
  });

  it('keeps a sealed-together letter closed to the partner until both are sealed, then opens both', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const pairReply = await call(t.app, 'POST', `/api/spaces/${spaceId}/letter-pairs`, {
      cookie: alex.cookie,
      json: { prompt: 'What trust means to me' },
    });
    expect(pairReply.status).toBe(201);
    const pairId = (pairReply.body as { pair: { id: string } }).pair.id;
    const alexLetter = await send(
      alex.cookie,
      spaceId,
      { seal: { kind: 'together', pairId } },
      'ALEX-SECRET-WORDS',
    );

    const beforeSam = await everythingVisibleTo(sam.cookie, spaceId, alexLetter.id);
    expect(beforeSam).not.toContain('ALEX-SECRET-WORDS');
    expect(beforeSam).toContain('waiting-for-pair');

    const samLetter = await send(
      sam.cookie,
      spaceId,
      { seal: { kind: 'together', pairId } },
      'SAM-SECRET-WORDS',
    );
    expect(await everythingVisibleTo(sam.cookie, spaceId, alexLetter.id)).toContain('ALEX-SECRET-WORDS');
    expect(await everythingVisibleTo(alex.cookie, spaceId, samLetter.id)).toContain('SAM-SECRET-WORDS');

    const again = await call(t.app, 'POST', letters(spaceId), {
      cookie: sam.cookie,
      json: { title: 'Another', body: body('x'), seal: { kind: 'together', pairId } },
    });
    expect(again.status).toBe(409);
  });

  it('shows a letter sealed until a date as existing, with its date, but never its words before then', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const opensAt = t.clock.now() + DAY;
    const letter = await send(
      alex.cookie,
      spaceId,
      { seal: { kind: 'date', opensAt }, title: 'TITLE-SAYS-TOO-MUCH', prompt: 'PROMPT-TOO' },
      'FOR-OUR-ANNIVERSARY',
    );
    const early = await everythingVisibleTo(sam.cookie, spaceId, letter.id);
    expect(early).not.toContain('FOR-OUR-ANNIVERSARY');
    expect(early).not.toContain('TITLE-SAYS-TOO-MUCH');
    expect(early).not.toContain('PROMPT-TOO');
    expect(early).toContain(String(opensAt));
    expect(await everythingVisibleTo(alex.cookie, spaceId, letter.id)).toContain('FOR-OUR-ANNIVERSARY');

    t.clock.advance(DAY);
    const opened = await everythingVisibleTo(sam.cookie, spaceId, letter.id);
    expect(opened).toContain('FOR-OUR-ANNIVERSARY');
    expect(opened).toContain('TITLE-SAYS-TOO-MUCH');
  });

  it('threads replies, and refuses a reply to a letter the replier cannot read', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const first = await send(alex.cookie, spaceId, {});
    const reply = await send(sam.cookie, spaceId, { replyTo: first.id }, 'Thank you for writing.');
    expect(reply).toMatchObject({ replyTo: first.id });
    const sealed = await send(alex.cookie, spaceId, { seal: { kind: 'date', opensAt: t.clock.now() + DAY } });
    const blind = await call(t.app, 'POST', letters(spaceId), {
      cookie: sam.cookie,
      json: { title: 'Re', body: body('x'), replyTo: sealed.id },
    });
    expect(blind.status).toBe(404);

    // Its author may read it, but a reply would reach Sam before the letter it answers.
    const early = await call(t.app, 'POST', letters(spaceId), {
      cookie: alex.cookie,
      json: { title: 'PS', body: body('EARLY-PS'), replyTo: sealed.id },
    });
    expect(early.status).toBe(409);
    expect(early.body).toEqual({ error: { code: 'letter_immutable', message: expect.any(String) } });
    expect(await everythingVisibleTo(sam.cookie, spaceId, first.id)).not.toContain('EARLY-PS');
    t.clock.advance(DAY);
    expect(
      (
        await call(t.app, 'POST', letters(spaceId), {
          cookie: alex.cookie,
          json: { title: 'PS', body: body('Now it is open.'), replyTo: sealed.id },
        })
      ).status,
    ).toBe(201);
  });

  it('answers empty, malformed and oversized letters clearly, and outsiders with 404', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    const empty = await call(t.app, 'POST', letters(spaceId), {
      cookie: alex.cookie,
      json: { title: 'x', body: body('   ') },
    });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ error: { code: 'invalid_input', message: expect.any(String) } });
    const malformed = await call(t.app, 'POST', letters(spaceId), {
      cookie: alex.cookie,
      rawBody: '{"title":',
    });
    expect(malformed.status).toBe(400);
    const huge = await call(t.app, 'POST', letters(spaceId), {
      cookie: alex.cookie,
      json: { title: 'x', body: body('y'.repeat(210 * 1024)) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual({ error: { code: 'payload_too_large', message: expect.any(String) } });
    const past = await call(t.app, 'POST', letters(spaceId), {
      cookie: alex.cookie,
      json: { title: 'x', body: body('y'), seal: { kind: 'date', opensAt: t.clock.now() - 1 } },
    });
    expect(past.status).toBe(400);

    const eve = await signUp(t.app, 'Eve');
    expect((await call(t.app, 'GET', letters(spaceId), { cookie: eve.cookie })).status).toBe(404);
    expect(
      (
        await call(t.app, 'POST', letters(spaceId), {
          cookie: eve.cookie,
          json: { title: 'x', body: body('y') },
        })
      ).status,
    ).toBe(404);
  });
});
