import { openSection, pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

test('private notes stay with their author: the partner never receives a byte of them', async ({
  browser,
  app,
}) => {
  const { alex, sam, contexts } = await pairCouple(browser, app.url);

  // Record every WebSocket frame Sam's browser receives from now on.
  const received: string[] = [];
  sam.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => received.push(Buffer.from(payload).toString('latin1'))),
  );
  await sam.reload();
  await openSection(sam, 'Private notes');
  await openSection(alex, 'Private notes');

  const secret = 'A private thought only Alex may read';
  await alex.getByRole('textbox', { name: 'Private notes' }).click();
  await alex.keyboard.type(secret);
  await expect(alex.getByTestId('sync-status')).toHaveText('Synced');

  // Sam's private notes are Sam's own, and empty.
  await expect(sam.getByRole('textbox', { name: 'Private notes' })).not.toContainText(secret);
  await sam.getByRole('link', { name: 'What trust means to us' }).first().click();
  await expect(sam.getByRole('textbox', { name: 'What trust means to us' })).toBeVisible();
  expect(received.length).toBeGreaterThan(0);
  expect(received.some((frame) => frame.includes('A private thought'))).toBe(false);

  // Alex's notes are still there after a reload.
  await alex.reload();
  await expect(alex.getByRole('textbox', { name: 'Private notes' })).toContainText(secret);

  await Promise.all(contexts.map((context) => context.close()));
});
