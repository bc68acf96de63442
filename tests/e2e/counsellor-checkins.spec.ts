import Database from 'better-sqlite3';
import { join } from 'node:path';
import { pairCouple } from './support/flows.ts';
import { whoAndWhere } from './support/seed-checkins.ts';
import { expect, test } from './fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The Sunday-started week `ago` weeks before this one, as the server names it. */
function weekAgo(ago: number): { week: string; start: number } {
  const today = new Date();
  const sunday =
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - today.getUTCDay() * DAY;
  const start = sunday - ago * 7 * DAY;
  return { week: new Date(start).toISOString().slice(0, 10), start };
}

/** Writes one member's answers for a past week straight into the server's database. */
function answer(dataDir: string, spaceId: string, userId: string, ago: number, words: string, safe: number) {
  const { week, start } = weekAgo(ago);
  const db = new Database(join(dataDir, 'twofold.sqlite'));
  db.pragma('busy_timeout = 5000');
  db.prepare(
    'INSERT INTO checkin_answers (space_id, week, user_id, answers, answered_at) VALUES (?, ?, ?, ?, ?)',
  ).run(
    spaceId,
    week,
    userId,
    JSON.stringify({
      appreciations: words,
      wentWell: `${words}, going well`,
      hard: '',
      needNextWeek: `${words}, next week`,
      safe,
      trusting: 6,
      connected: 7,
    }),
    start + DAY + (safe % 5) * 60_000,
  );
  db.close();
}

test.describe('check-ins in the counsellor copy', () => {
  test('a week both answered prints with both partners’ answers on its own page; a partner’s unopened week never does', async ({
    browser,
    app,
  }, testInfo) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const a = await whoAndWhere(alex, app.url);
    const b = await whoAndWhere(sam, app.url);
    // Two weeks both answered, one only Alex answered, one only Sam answered (never Alex's to see).
    answer(app.dataDir, a.spaceId, a.userId, 1, 'Alex on the walk', 8);
    answer(app.dataDir, a.spaceId, b.userId, 1, 'Sam on the walk', 4);
    answer(app.dataDir, a.spaceId, a.userId, 2, 'Alex on the dinner', 7);
    answer(app.dataDir, a.spaceId, b.userId, 2, 'Sam on the dinner', 5);
    answer(app.dataDir, a.spaceId, a.userId, 3, 'Alex alone that week', 6);
    answer(app.dataDir, a.spaceId, b.userId, 4, 'Sam kept this to himself', 3);

    await alex.goto(`${app.url}/spaces/${a.spaceId}/print`);
    await expect(alex.getByRole('heading', { level: 1, name: 'For a counsellor' })).toBeVisible();
    const doc = alex.getByTestId('print-doc');
    const weeks = alex.getByRole('checkbox', { name: /^Week of / });
    await expect(weeks).toHaveCount(3);
    await expect(weeks.nth(0)).toHaveAccessibleName(/both of you answered/);
    await expect(weeks.nth(2)).toHaveAccessibleName(/only your answers/);
    // Nothing is picked until someone chooses: there are no boundaries here.
    await expect(doc.locator('.print-item')).toHaveCount(0);

    await weeks.nth(0).check();
    const week = doc.locator('.print-item');
    await expect(week).toHaveCount(1);
    await expect(week.getByRole('heading', { level: 2 })).toHaveText(/^Week of /);
    await expect(week).toContainText(
      /Sunday.* to Saturday.*\. Alex and Sam both answered; their answers opened together on/,
    );
    await expect(week.getByRole('heading', { level: 3 })).toHaveText([
      /^Alex’s answers · answered on/,
      /^Sam’s answers · answered on/,
    ]);
    await expect(week).toContainText('Alex on the walk, going well');
    await expect(week).toContainText('Sam on the walk, next week');
    const scores = week.getByRole('table', { name: /from 0 to 10/ });
    await expect(scores.getByRole('row', { name: /Safe/ })).toHaveText('Safe8 / 104 / 10');

    await alex.emulateMedia({ media: 'print' });
    await expect(alex.locator('.header')).toBeHidden();
    const pagesOf = async () => {
      const pdf = await alex.pdf({ format: 'A4' });
      return { pdf, pages: pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0 };
    };
    expect((await pagesOf()).pages).toBe(1);

    await alex.emulateMedia({ media: 'screen' });
    await alex.getByRole('checkbox', { name: /^Check-ins from the last month/ }).check();
    await expect(weeks.nth(1)).toBeChecked();
    await expect(weeks.nth(2)).toBeChecked();
    // Oldest first, one to a page; Alex's lone week has only Alex's answers.
    await expect(doc.locator('.print-item')).toHaveCount(3);
    const lone = doc.locator('.print-item').nth(0);
    await expect(lone).toContainText('Only Alex answered this week.');
    await expect(lone.getByRole('heading', { level: 3 })).toHaveText([/^Alex’s answers/]);
    await expect(doc.locator('.print-item').nth(1)).toContainText('Sam on the dinner');
    await expect(alex.locator('body')).not.toContainText('Sam kept this to himself');

    await alex.emulateMedia({ media: 'print' });
    const { pdf, pages } = await pagesOf();
    expect(pages).toBe(3);
    await testInfo.attach('counsellor-checkins.pdf', { body: pdf, contentType: 'application/pdf' });

    await Promise.all(contexts.map((context) => context.close()));
  });
});
