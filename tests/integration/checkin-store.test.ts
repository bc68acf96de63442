import {
  agreeDayChange,
  answerCurrentWeek,
  createCheckinStore,
  createSpaceStore,
  createUserStore,
  type Sql,
} from '@twofold/server/testing';
import { expect, it } from 'vitest';
import { describeOnEachEngine } from '../helpers/sql-engines.ts';

// Wednesday 2026-06-03, noon UTC: with the default Sunday, the week in progress is 2026-05-31.
const NOW = Date.parse('2026-06-03T12:00:00Z');
const WEDNESDAY = 3;

async function couple(sql: Sql, spaceId = 'space') {
  const users = createUserStore(sql);
  for (const id of [`${spaceId}-alex`, `${spaceId}-sam`]) {
    await users.create({ id, email: `${id}@example.com`, name: id, passwordHash: 'h', createdAt: NOW });
  }
  await createSpaceStore(sql).create({ id: spaceId, name: 'Us', createdAt: NOW }, `${spaceId}-alex`);
}

describeOnEachEngine('the check-in store', (sql) => {
  it('keeps one answer per member per week, in order, and never replaces it', async () => {
    await couple(sql());
    const checkins = createCheckinStore(sql());
    const row = (userId: string, week: string, at: number) => ({
      spaceId: 'space',
      week,
      userId,
      answers: JSON.stringify({ mood: at }),
      answeredAt: at,
    });
    expect(await checkins.answer(row('space-sam', '2026-05-31', NOW + 2))).toBe(true);
    expect(await checkins.answer(row('space-alex', '2026-05-31', NOW + 1))).toBe(true);
    expect(await checkins.answer(row('space-alex', '2026-05-31', NOW + 3))).toBe(false);
    expect(await checkins.answer(row('space-alex', '2026-05-24', NOW))).toBe(true);
    expect(await checkins.week('space', '2026-05-31')).toEqual([
      row('space-alex', '2026-05-31', NOW + 1),
      row('space-sam', '2026-05-31', NOW + 2),
    ]);
    expect((await checkins.all('space')).map((r) => [r.week, r.userId])).toEqual([
      ['2026-05-31', 'space-alex'],
      ['2026-05-31', 'space-sam'],
      ['2026-05-24', 'space-alex'],
    ]);
    expect(await checkins.week('space', '2026-05-17')).toEqual([]);
  });

  it('keeps the day, proposals, agreed changes and trend sharing', async () => {
    await couple(sql());
    const checkins = createCheckinStore(sql());
    expect(await checkins.day('space')).toBeNull();
    await checkins.setDay('space', 2, 'space-alex', NOW);
    await checkins.setDay('space', 4, 'space-sam', NOW + 1);
    expect(await checkins.day('space')).toBe(4);

    expect(await checkins.proposal('space')).toBeNull();
    await checkins.propose('space', { day: 1, proposedBy: 'space-alex', proposedAt: NOW });
    await checkins.propose('space', { day: 5, proposedBy: 'space-sam', proposedAt: NOW + 1 });
    expect(await checkins.proposal('space')).toEqual({
      day: 5,
      proposedBy: 'space-sam',
      proposedAt: NOW + 1,
    });
    await checkins.dropProposal('space');
    expect(await checkins.proposal('space')).toBeNull();

    const change = { proposedBy: 'space-sam', agreedBy: 'space-alex', at: NOW };
    await checkins.agreeChange('space', { ...change, day: 5, from: '2026-06-05', today: '2026-06-03' });
    await checkins.propose('space', { day: 1, proposedBy: 'space-sam', proposedAt: NOW });
    // A change agreed later replaces the one that had not begun yet, and clears the proposal.
    await checkins.agreeChange('space', { ...change, day: 1, from: '2026-06-08', today: '2026-06-03' });
    expect(await checkins.dayChanges('space')).toEqual([{ day: 1, from: '2026-06-08' }]);
    expect(await checkins.proposal('space')).toBeNull();
    // One that has begun stays.
    await checkins.agreeChange('space', { ...change, day: 3, from: '2026-06-10', today: '2026-06-09' });
    expect(await checkins.dayChanges('space')).toEqual([
      { day: 1, from: '2026-06-08' },
      { day: 3, from: '2026-06-10' },
    ]);

    expect(await checkins.trendSharers('space')).toEqual([]);
    await checkins.setTrendShared('space', 'space-sam', true, NOW);
    await checkins.setTrendShared('space', 'space-sam', true, NOW + 1);
    expect(await checkins.trendSharers('space')).toEqual(['space-sam']);
    await checkins.setTrendShared('space', 'space-sam', false, NOW + 2);
    expect(await checkins.trendSharers('space')).toEqual([]);
  });

  it('starts an agreed day after a week already answered, never inside it', async () => {
    await couple(sql());
    const agreed = { day: WEDNESDAY, proposedBy: 'space-alex', agreedBy: 'space-sam', now: NOW };
    const week = await answerCurrentWeek(sql(), 'space', { userId: 'space-alex', answers: '{}', now: NOW });
    expect(week).toBe('2026-05-31');
    expect(
      await answerCurrentWeek(sql(), 'space', { userId: 'space-alex', answers: '{}', now: NOW }),
    ).toBeNull();
    // The Sunday week runs to Saturday 06-06; the first Wednesday after it is 06-10.
    expect(await agreeDayChange(sql(), 'space', agreed)).toBe('2026-06-10');
  });

  it('never lets an answer and an agreed day interleave, even when they arrive together', async () => {
    // Unanswered, a Wednesday agreed on a Wednesday starts today and ends the Sunday week early;
    // an answer given at the same instant must land in whichever week the other left in force.
    const spaces = Array.from({ length: 12 }, (_, i) => `s${i}`);
    for (const id of spaces) await couple(sql(), id);
    await Promise.all(
      spaces.map((id) =>
        Promise.all([
          answerCurrentWeek(sql(), id, { userId: `${id}-alex`, answers: '{}', now: NOW }),
          agreeDayChange(sql(), id, {
            day: WEDNESDAY,
            proposedBy: `${id}-sam`,
            agreedBy: `${id}-sam`,
            now: NOW,
          }),
        ]),
      ),
    );
    for (const id of spaces) {
      const checkins = createCheckinStore(sql());
      const [answer] = await checkins.all(id);
      const [change] = await checkins.dayChanges(id);
      // Either the answer came first (the change waits for the next Wednesday after its week)
      // or the change did (the answer is in the week that starts today).
      expect([
        ['2026-05-31', '2026-06-10'],
        ['2026-06-03', '2026-06-03'],
      ]).toContainEqual([answer?.week, change?.from]);
    }
  });
});
