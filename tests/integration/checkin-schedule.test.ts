import { afterAll, describe, expect, it } from 'vitest';
import { call, createSpace, expectError, pairUp, signUp, type SignedUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { testClock } from '../helpers/test-clock.ts';
import { checkinAnswers, checkinsPath } from '../helpers/checkins.ts';

const DAY = 24 * 60 * 60 * 1000;

interface Schedule {
  day: number | null;
  week: string;
  lastDay: string;
  next: { day: number; from: string } | null;
  proposal: { day: number; proposedBy: string } | null;
}

/** Each test has its own app and clock, starting on Sunday 22 November 2026. */
function fresh() {
  const t = createTestApp({}, testClock(Date.UTC(2026, 10, 22, 9)));
  apps.push(t);
  return t;
}
const apps: ReturnType<typeof createTestApp>[] = [];
afterAll(() => apps.forEach((t) => t.close()));

describe('changing the check-in day', () => {
  it('is proposed by one partner and takes effect only when the other agrees', async () => {
    const t = fresh();
    const { alex, sam, spaceId } = await pairUp(t.app);
    const schedule = async (who: SignedUp) =>
      (await call(t.app, 'GET', `${checkinsPath(spaceId)}/schedule`, { cookie: who.cookie }))
        .body as Schedule;

    const proposed = await call(t.app, 'PUT', `${checkinsPath(spaceId)}/schedule/proposal`, {
      cookie: alex.cookie,
      json: { day: 3 },
    });
    expect(proposed.status, proposed.text).toBe(200);
    // Nothing has changed yet, for either of them: only the proposal is new.
    for (const who of [alex, sam]) {
      expect(await schedule(who)).toMatchObject({
        day: null,
        week: '2026-11-22',
        lastDay: '2026-11-28',
        next: null,
        proposal: { day: 3, proposedBy: alex.id },
      });
    }

    // Alex cannot agree on Sam's behalf, and an outsider can do nothing at all.
    expectError(
      await call(t.app, 'POST', `${checkinsPath(spaceId)}/schedule/proposal/accept`, { cookie: alex.cookie }),
      403,
      'not_yours',
    );
    const stranger = await signUp(t.app, 'Riley');
    for (const [method, path] of [
      ['PUT', '/schedule/proposal'],
      ['POST', '/schedule/proposal/accept'],
      ['DELETE', '/schedule/proposal'],
    ] as const) {
      expectError(
        await call(t.app, method, `${checkinsPath(spaceId)}${path}`, {
          cookie: stranger.cookie,
          ...(method === 'PUT' ? { json: { day: 1 } } : {}),
        }),
        404,
        'not_found',
      );
    }
    expect((await schedule(sam)).proposal).toMatchObject({ day: 3, proposedBy: alex.id });

    // Sam agrees. Nobody has answered this week, so Wednesdays begin at the first one: this
    // week ends the day before it.
    const agreed = await call(t.app, 'POST', `${checkinsPath(spaceId)}/schedule/proposal/accept`, {
      cookie: sam.cookie,
    });
    expect(agreed.status, agreed.text).toBe(200);
    expect(agreed.body).toMatchObject({
      week: '2026-11-22',
      lastDay: '2026-11-24',
      next: { day: 3, from: '2026-11-25' },
      proposal: null,
    });
    t.clock.advance(3 * DAY);
    expect(await schedule(alex)).toMatchObject({
      day: 3,
      week: '2026-11-25',
      lastDay: '2026-12-01',
      next: null,
    });
  });

  it('right after both answered never opens a second check-in, nor a week overlapping theirs', async () => {
    const t = fresh();
    const { alex, sam, spaceId } = await pairUp(t.app);
    t.clock.advance(3 * DAY); // Wednesday 25 November, in the week that began on Sunday 22
    for (const [who, words] of [
      [alex, 'Alex-answered'],
      [sam, 'Sam-answered'],
    ] as const) {
      const reply = await call(t.app, 'POST', `${checkinsPath(spaceId)}/current`, {
        cookie: who.cookie,
        json: checkinAnswers(words),
      });
      expect(reply.status, reply.text).toBe(201);
    }

    await call(t.app, 'PUT', `${checkinsPath(spaceId)}/schedule/proposal`, {
      cookie: sam.cookie,
      json: { day: 2 },
    });
    const agreed = await call(t.app, 'POST', `${checkinsPath(spaceId)}/schedule/proposal/accept`, {
      cookie: alex.cookie,
    });
    expect(agreed.status, agreed.text).toBe(200);
    // Tuesday 24 November has passed and this week is answered: Tuesdays begin on 1 December.
    expect(agreed.body).toMatchObject({ week: '2026-11-22', next: { day: 2, from: '2026-12-01' } });

    // The same day: still the week they both answered, opened, and nothing new to answer.
    const current = await call(t.app, 'GET', `${checkinsPath(spaceId)}/current`, { cookie: alex.cookie });
    expect(current.body).toMatchObject({
      checkin: { week: '2026-11-22', lastDay: '2026-11-28', openedAt: expect.any(Number) },
    });
    expectError(
      await call(t.app, 'POST', `${checkinsPath(spaceId)}/current`, {
        cookie: alex.cookie,
        json: checkinAnswers('again'),
      }),
      409,
      'conflict',
    );

    // The weeks that follow touch end to end: a short one until the new day, then Tuesdays.
    const weeks: { week: string; lastDay: string }[] = [];
    for (let i = 0; i < 14; i++) {
      const reply = await call(t.app, 'GET', `${checkinsPath(spaceId)}/schedule`, { cookie: sam.cookie });
      const { week, lastDay } = reply.body as Schedule;
      if (weeks.at(-1)?.week !== week) weeks.push({ week, lastDay });
      t.clock.advance(DAY);
    }
    expect(weeks).toEqual([
      { week: '2026-11-22', lastDay: '2026-11-28' },
      { week: '2026-11-29', lastDay: '2026-11-30' },
      { week: '2026-12-01', lastDay: '2026-12-07' },
      { week: '2026-12-08', lastDay: '2026-12-14' },
    ]);
    const history = await call(t.app, 'GET', checkinsPath(spaceId), { cookie: sam.cookie });
    expect(history.body).toMatchObject({ checkins: [{ week: '2026-11-22', lastDay: '2026-11-28' }] });
  });

  it('lets either partner let a proposal go, and lets a member alone choose at once', async () => {
    const t = fresh();
    const { alex, sam, spaceId } = await pairUp(t.app);
    await call(t.app, 'PUT', `${checkinsPath(spaceId)}/schedule/proposal`, {
      cookie: alex.cookie,
      json: { day: 5 },
    });
    const declined = await call(t.app, 'DELETE', `${checkinsPath(spaceId)}/schedule/proposal`, {
      cookie: sam.cookie,
    });
    expect(declined.body).toMatchObject({ day: null, proposal: null, next: null });
    expectError(
      await call(t.app, 'POST', `${checkinsPath(spaceId)}/schedule/proposal/accept`, { cookie: sam.cookie }),
      409,
      'conflict',
    );

    const solo = await signUp(t.app, 'Jo');
    const soloSpace = await createSpace(t.app, solo.cookie, 'Just me for now');
    const chosen = await call(t.app, 'PUT', `${checkinsPath(soloSpace)}/schedule/proposal`, {
      cookie: solo.cookie,
      json: { day: 0 },
    });
    expect(chosen.body).toMatchObject({ day: 0, week: '2026-11-22', proposal: null });
  });

  it('refuses a day that is not 0–6', async () => {
    const t = fresh();
    const { alex, spaceId } = await pairUp(t.app);
    for (const day of [7, -1, 'monday', 1.5]) {
      expectError(
        await call(t.app, 'PUT', `${checkinsPath(spaceId)}/schedule/proposal`, {
          cookie: alex.cookie,
          json: { day },
        }),
        400,
        'invalid_input',
      );
    }
  });
});
