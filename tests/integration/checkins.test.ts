import { afterAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp, signUp, type SignedUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { checkinAnswers, checkinsPath } from '../helpers/checkins.ts';

const t = createTestApp();
afterAll(() => t.close());

const DAY = 24 * 60 * 60 * 1000;

async function answer(who: SignedUp, spaceId: string, words: string) {
  const reply = await call(t.app, 'POST', `${checkinsPath(spaceId)}/current`, {
    cookie: who.cookie,
    json: checkinAnswers(words),
  });
  expect(reply.status, reply.text).toBe(201);
  return reply;
}

/** Every check-in response this person could ask for, as raw text, to search byte for byte. */
async function everythingVisibleTo(who: SignedUp, spaceId: string) {
  const replies = await Promise.all([
    call(t.app, 'GET', `${checkinsPath(spaceId)}/current`, { cookie: who.cookie }),
    call(t.app, 'GET', checkinsPath(spaceId), { cookie: who.cookie }),
    call(t.app, 'GET', `${checkinsPath(spaceId)}/schedule`, { cookie: who.cookie }),
  ]);
  return replies;
}

describe('weekly check-ins', () => {
  it('keeps one partner’s answers from the other, byte for byte, until both have answered', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    await answer(alex, spaceId, 'Xylophone-alex-secret');

    for (const reply of await everythingVisibleTo(sam, spaceId)) {
      expect(reply.status).toBe(200);
      expect(reply.text).not.toContain('Xylophone');
      expect(reply.text).not.toContain('"safe"');
    }
    const seen = await call(t.app, 'GET', `${checkinsPath(spaceId)}/current`, { cookie: sam.cookie });
    expect(seen.body).toMatchObject({
      checkin: { answeredBy: [alex.id], openedAt: null, entries: [{ userId: alex.id, answers: null }] },
    });
    const own = await call(t.app, 'GET', `${checkinsPath(spaceId)}/current`, { cookie: alex.cookie });
    expect(own.text).toContain('Xylophone-alex-secret appreciation');

    t.clock.advance(60_000);
    const second = await answer(sam, spaceId, 'Quokka-sam-secret');
    expect(second.text).toContain('Xylophone-alex-secret went well');
    for (const who of [alex, sam]) {
      const texts = (await everythingVisibleTo(who, spaceId)).map((r) => r.text);
      expect(texts[0]).toContain('Xylophone-alex-secret was hard');
      expect(texts[0]).toContain('Quokka-sam-secret need');
      expect(texts[1]).toContain('Xylophone-alex-secret');
      expect(texts[1]).toContain('Quokka-sam-secret');
    }
    const opened = await call(t.app, 'GET', `${checkinsPath(spaceId)}/current`, { cookie: alex.cookie });
    expect((opened.body as { checkin: { openedAt: number } }).checkin.openedAt).toBe(t.clock.now());
  });

  it('answers an outsider 404 on every route and shows them nothing', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    await answer(alex, spaceId, 'Outsider-must-not-see');
    const stranger = await signUp(t.app, 'Riley');
    for (const reply of await everythingVisibleTo(stranger, spaceId)) {
      expectError(reply, 404, 'not_found');
      expect(reply.text).not.toContain('Outsider-must-not-see');
    }
    expectError(
      await call(t.app, 'POST', `${checkinsPath(spaceId)}/current`, {
        cookie: stranger.cookie,
        json: checkinAnswers('x'),
      }),
      404,
      'not_found',
    );
    expectError(
      await call(t.app, 'PUT', `${checkinsPath(spaceId)}/schedule/proposal`, {
        cookie: stranger.cookie,
        json: { day: 3 },
      }),
      404,
      'not_found',
    );
    expectError(await call(t.app, 'GET', checkinsPath(spaceId)), 401, 'unauthenticated');
  });

  it('takes one answer per person per week, and it cannot be changed after the partner’s opens', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    await answer(alex, spaceId, 'first');
    const again = await call(t.app, 'POST', `${checkinsPath(spaceId)}/current`, {
      cookie: alex.cookie,
      json: checkinAnswers('second'),
    });
    expectError(again, 409, 'conflict');
  });

  it('refuses scores outside 0–10 and answers that are not words', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    for (const bad of [
      { ...checkinAnswers('x'), safe: 11 },
      { ...checkinAnswers('x'), trusting: -1 },
      { ...checkinAnswers('x'), connected: 2.5 },
      { ...checkinAnswers('x'), hard: 42 },
      { appreciations: 'only this' },
    ]) {
      expectError(
        await call(t.app, 'POST', `${checkinsPath(spaceId)}/current`, { cookie: alex.cookie, json: bad }),
        400,
        'invalid_input',
      );
    }
  });

  it('starts each week on the couple’s chosen day; a missed week leaves no mark, and an unanswered partner stays private', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    const schedule = await call(t.app, 'GET', `${checkinsPath(spaceId)}/schedule`, { cookie: sam.cookie });
    expect(schedule.body).toMatchObject({ day: null });

    // Sam proposes Wednesdays (day 3), Alex agrees; with nothing answered this week, Wednesdays
    // begin at the next Wednesday (or today, if it is one).
    const proposed = await call(t.app, 'PUT', `${checkinsPath(spaceId)}/schedule/proposal`, {
      cookie: sam.cookie,
      json: { day: 3 },
    });
    expect(proposed.status).toBe(200);
    const set = await call(t.app, 'POST', `${checkinsPath(spaceId)}/schedule/proposal/accept`, {
      cookie: alex.cookie,
    });
    expect(set.status).toBe(200);
    const { next } = set.body as { next: { day: number; from: string } | null; week: string };
    if (next) t.clock.advance(Date.parse(`${next.from}T09:00:00Z`) - t.clock.now());
    const { week: first } = (
      await call(t.app, 'GET', `${checkinsPath(spaceId)}/schedule`, { cookie: sam.cookie })
    ).body as { week: string };
    expect(new Date(`${first}T00:00:00Z`).getUTCDay()).toBe(3);
    expect(
      (await call(t.app, 'GET', `${checkinsPath(spaceId)}/schedule`, { cookie: alex.cookie })).body,
    ).toMatchObject({ day: 3, week: first });

    await answer(alex, spaceId, 'Lonely-week-words');
    t.clock.advance(14 * DAY); // two weeks later: one missed, nothing to catch up on
    const current = await call(t.app, 'GET', `${checkinsPath(spaceId)}/current`, { cookie: sam.cookie });
    const checkin = (current.body as { checkin: { week: string; entries: unknown[] } }).checkin;
    expect(checkin.week).not.toBe(first);
    expect(checkin.entries).toEqual([]);

    await answer(sam, spaceId, 'New-week-words');
    const history = await call(t.app, 'GET', checkinsPath(spaceId), { cookie: sam.cookie });
    expect(history.text).not.toContain('Lonely-week-words');
    const weeks = (history.body as { checkins: { week: string; answeredBy: string[] }[] }).checkins;
    expect(weeks.map((w) => w.week)).toEqual([checkin.week, first]);
    expect(weeks[1]?.answeredBy).toEqual([alex.id]);
    expect(history.text).not.toMatch(/streak|missed/i);

    const alexHistory = await call(t.app, 'GET', checkinsPath(spaceId), { cookie: alex.cookie });
    expect(alexHistory.text).toContain('Lonely-week-words');
    expect(alexHistory.text).not.toContain('New-week-words');
  });
});

describe('check-ins when a partner leaves', () => {
  it('withdraws the leaver’s unopened answers, so someone joining later can never open them', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    await answer(sam, spaceId, 'Opened-together');
    await answer(alex, spaceId, 'Opened-together-too');
    t.clock.advance(7 * DAY);
    await answer(sam, spaceId, 'Leaver-unopened-words');
    const left = await call(t.app, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: sam.cookie });
    expect(left.status, left.text).toBeLessThan(300);

    const riley = await signUp(t.app, 'Riley');
    const invite = await call(t.app, 'POST', `/api/spaces/${spaceId}/invites`, { cookie: alex.cookie });
    const code = (invite.body as { invite: { code: string } }).invite.code;
    expect((await call(t.app, 'POST', `/api/invites/${code}/accept`, { cookie: riley.cookie })).status).toBe(
      200,
    );
    const second = await answer(riley, spaceId, 'Riley-words');
    expect(second.text).not.toContain('Leaver-unopened-words');
    const history = await call(t.app, 'GET', checkinsPath(spaceId), { cookie: riley.cookie });
    expect(history.text).not.toContain('Leaver-unopened-words');
    const alexHistory = await call(t.app, 'GET', checkinsPath(spaceId), { cookie: alex.cookie });
    expect(alexHistory.text).toContain('Opened-together went well');
  });
});

describe('check-in trends', () => {
  type Trends = { series: { userId: string; points: { week: string; safe: number }[] }[]; shared: boolean };

  it('shows each member their own scores, and the partner’s only once shared and only for opened weeks', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    await answer(alex, spaceId, 'w1');
    await answer(sam, spaceId, 'w1');
    t.clock.advance(7 * DAY);
    await call(t.app, 'POST', `${checkinsPath(spaceId)}/current`, {
      cookie: sam.cookie,
      json: { ...checkinAnswers('w2'), safe: 3 },
    });

    const samOwn = (await call(t.app, 'GET', `${checkinsPath(spaceId)}/trends`, { cookie: sam.cookie }))
      .body as Trends;
    expect(samOwn.shared).toBe(false);
    expect(samOwn.series.map((s) => [s.userId, s.points.length])).toEqual([[sam.id, 2]]);

    const before = (await call(t.app, 'GET', `${checkinsPath(spaceId)}/trends`, { cookie: alex.cookie }))
      .body as Trends;
    expect(before.series.map((s) => s.userId)).toEqual([alex.id]);

    const shared = await call(t.app, 'PUT', `${checkinsPath(spaceId)}/trends/sharing`, {
      cookie: sam.cookie,
      json: { shared: true },
    });
    expect(shared.body).toEqual({ shared: true });
    const after = (await call(t.app, 'GET', `${checkinsPath(spaceId)}/trends`, { cookie: alex.cookie }))
      .body as Trends;
    expect(after.series.map((s) => s.userId)).toEqual([alex.id, sam.id]);
    // Week two has not opened (Alex has not answered it), so Sam's 3 is not in it.
    expect(after.series[1]?.points.map((p) => p.safe)).toEqual([7]);

    await call(t.app, 'PUT', `${checkinsPath(spaceId)}/trends/sharing`, {
      cookie: sam.cookie,
      json: { shared: false },
    });
    const unshared = (await call(t.app, 'GET', `${checkinsPath(spaceId)}/trends`, { cookie: alex.cookie }))
      .body as Trends;
    expect(unshared.series.map((s) => s.userId)).toEqual([alex.id]);
  });
});

describe('check-ins in the export', () => {
  it('exports one’s own answers, and the partner’s only once both answered (JSON and Markdown)', async () => {
    const { alex, sam, spaceId } = await pairUp(t.app);
    await answer(alex, spaceId, 'Exported-alex');
    const exportAs = async (cookie: string) =>
      [
        await call(t.app, 'GET', `/api/spaces/${spaceId}/export`, { cookie }),
        await call(t.app, 'GET', `/api/spaces/${spaceId}/export?format=markdown`, { cookie }),
      ].map((reply) => {
        expect(reply.status, reply.text).toBe(200);
        return reply.text;
      });

    for (const text of await exportAs(sam.cookie)) expect(text).not.toContain('Exported-alex');
    for (const text of await exportAs(alex.cookie)) expect(text).toContain('Exported-alex went well');

    await answer(sam, spaceId, 'Exported-sam');
    for (const text of await exportAs(sam.cookie)) {
      expect(text).toContain('Exported-alex went well');
      expect(text).toContain('Exported-sam went well');
    }
  });
});
