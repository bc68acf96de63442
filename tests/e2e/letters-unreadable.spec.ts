import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openDb } from '@twofold/server/testing';
import { expect, test } from './fixtures.ts';
import { pairCouple } from './support/flows.ts';

function spaceIdOf(page: Page): string {
  const id = /\/spaces\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`no space in ${page.url()}`);
  return id;
}

/** A letter as an older server stored it, before the send-time limits existed. */
function insertOldLetter(
  dataDir: string,
  row: { id: string; spaceId: string; authorId: string; title: string; body: string; opensAt: number | null },
): void {
  const db = openDb(join(dataDir, 'twofold.sqlite'));
  db.prepare(
    `INSERT INTO letters (id, space_id, author_id, title, prompt, body, reply_to, seal_kind, pair_id, opens_at, sent_at)
     VALUES (@id, @spaceId, @authorId, @title, NULL, @body, NULL, @sealKind, NULL, @opensAt, @sentAt)`,
  ).run({ ...row, sealKind: row.opensAt === null ? null : 'date', sentAt: Date.now() });
  db.close();
}

test('letters an older server let through show as unreadable in place, and the rest still shows for both', async ({
  browser,
  app,
}) => {
  const { alex, sam, contexts } = await pairCouple(browser, app.url);
  const spaceId = spaceIdOf(alex);
  const sent = await alex.evaluate(async (id) => {
    const reply = await fetch(`/api/spaces/${id}/letters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'A letter that reads fine',
        body: {
          doc: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fine words' }] }],
          },
          text: 'Fine words',
        },
      }),
    });
    const body = (await reply.json()) as { letter: { authorId: string } };
    return body.letter.authorId;
  }, spaceId);

  let deep: Record<string, unknown> = { type: 'text', text: 'deep' };
  for (let i = 0; i < 2050; i++) deep = { type: 'paragraph', content: [deep] };
  await app.restart('SIGTERM', () => {
    const base = { spaceId, authorId: sent };
    insertOldLetter(app.dataDir, {
      ...base,
      id: 'old-deep-letter',
      title: 'Nested too deep',
      body: JSON.stringify({ doc: { type: 'doc', content: [deep] }, text: 'deep' }),
      opensAt: null,
    });
    insertOldLetter(app.dataDir, {
      ...base,
      id: 'old-far-sealed',
      title: 'Sealed for ever',
      body: JSON.stringify({ doc: { type: 'doc', content: [] }, text: 'later' }),
      opensAt: 9e15,
    });
  });

  for (const page of [alex, sam]) {
    await page.goto(`${app.url}/spaces/${spaceId}/letters`);
    await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await expect(
      page.getByTestId('letter-thread').filter({ hasText: 'A letter that reads fine' }),
    ).toBeVisible();
    // The author finds their dated letter under Sent; the partner under "Waiting for their day".
    const dated =
      page === alex
        ? page.getByTestId('letter-thread').filter({ hasText: 'Sealed for ever' })
        : page.getByTestId('letter-waiting');
    await expect(dated).toContainText('an unknown date');
  }
  for (const page of [alex, sam]) {
    await page.getByTestId('letter-thread').filter({ hasText: 'Nested too deep' }).getByRole('link').click();
    await expect(page.getByTestId('letter-unreadable')).toHaveText(/This letter can’t be shown here/);
  }
  await Promise.all(contexts.map((context) => context.close()));
});
