import type { Page } from '@playwright/test';
import { openSection, pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

/** Goes back to the space home through its own link. */
async function home(page: Page, spaceName: string): Promise<void> {
  await page.getByRole('link', { name: spaceName }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: spaceName, exact: true })).toBeVisible();
}

test('presence names shared places only: in private places the partner sees only “online”', async ({
  browser,
  app,
}) => {
  const couple = await pairCouple(browser, app.url);
  const { sam, contexts, spaceName } = couple;

  // Alex's page records every frame it receives, so what Sam's client publishes is checked
  // at the wire, not only on the screen.
  const received: string[] = [];
  const alex = await contexts[0]!.newPage();
  alex.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => received.push(Buffer.from(payload).toString('latin1'))),
  );
  await alex.goto(couple.alex.url());
  await couple.alex.close();
  const presence = alex.getByTestId('partner-presence');

  // A shared place is named on the partner's screen, and Sam sees Alex the same way.
  await sam.getByRole('link', { name: /^Boundaries/ }).click();
  await expect(presence).toHaveText('Sam is here · in Boundaries');
  await expect(sam.getByTestId('partner-presence')).toHaveText('Alex is here · on the space home');

  // Private notes: Alex sees only that Sam is online, and no frame Alex received says where.
  await home(sam, spaceName);
  await expect(presence).toHaveText('Sam is here · on the space home');
  await openSection(sam, 'Private notes');
  await expect(presence).toHaveText('Sam is online');

  // The weekly check-in holds Sam's own answers: private too.
  await home(sam, spaceName);
  await sam.getByRole('link', { name: /^Weekly check-in/ }).click();
  await expect(sam.getByRole('heading', { level: 1, name: /check-in/i })).toBeVisible();
  await expect(presence).toHaveText('Sam is online');

  // A letter being written is private until it is sent; the letters themselves are shared.
  await home(sam, spaceName);
  await sam.getByRole('link', { name: /^Letters/ }).click();
  await expect(presence).toHaveText('Sam is here · in Letters');
  await sam.getByRole('link', { name: 'Write a letter' }).click();
  await expect(sam.getByRole('heading', { level: 1, name: 'A new letter' })).toBeVisible();
  await expect(presence).toHaveText('Sam is online');
  await sam.getByRole('button', { name: 'Start on a blank page' }).click();
  await expect(sam).toHaveURL(/\/letters\/drafts\//);
  await expect(presence).toHaveText('Sam is online');

  const wire = received.join('\n');
  expect(wire).toContain('"view":"boundaries"');
  for (const privatePlace of ['"view":"notes"', '"view":"checkins"', '"view":"letter-draft"'])
    expect(wire).not.toContain(privatePlace);

  await Promise.all(contexts.map((context) => context.close()));
});
