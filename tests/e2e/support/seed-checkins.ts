import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const DAY = 24 * 60 * 60 * 1000;

/** The signed-in person's user id and the space open in this page. */
export async function whoAndWhere(page: Page, baseUrl: string): Promise<{ userId: string; spaceId: string }> {
  // Joining ends on the space home, but the address can follow a moment after the heading.
  await page.waitForURL(/\/spaces\/[^/]+/);
  const me = (await (await page.request.get(`${baseUrl}/api/me`)).json()) as { user: { id: string } };
  const spaceId = /\/spaces\/([^/]+)/.exec(page.url())?.[1];
  if (!spaceId) throw new Error(`not in a space: ${page.url()}`);
  return { userId: me.user.id, spaceId };
}

/**
 * Writes `weeks` past check-ins answered by both members straight into the server's database
 * (the server reads answers per request, so nothing needs restarting), with scores that drift
 * gently upwards, so a trends chart has months to draw.
 */
export function seedCheckinWeeks(
  dataDir: string,
  spaceId: string,
  userIds: readonly string[],
  weeks: number,
): void {
  const db = new Database(join(dataDir, 'twofold.sqlite'));
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(
    'INSERT INTO checkin_answers (space_id, week, user_id, answers, answered_at) VALUES (?, ?, ?, ?, ?)',
  );
  const today = new Date();
  const sunday =
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - today.getUTCDay() * DAY;
  db.transaction(() => {
    for (let ago = weeks; ago >= 1; ago--) {
      const start = sunday - ago * 7 * DAY;
      const week = new Date(start).toISOString().slice(0, 10);
      userIds.forEach((userId, index) => {
        const step = weeks - ago;
        const score = (base: number) =>
          Math.max(0, Math.min(10, base + Math.round(step / 2) - ((step + index) % 3)));
        const answers = {
          appreciations: `Seeded week ${week}`,
          wentWell: '',
          hard: '',
          needNextWeek: '',
          safe: score(3 + index),
          trusting: score(2),
          connected: score(4 - index),
        };
        insert.run(spaceId, week, userId, JSON.stringify(answers), start + DAY + index * 60_000);
      });
    }
  })();
  db.close();
}
