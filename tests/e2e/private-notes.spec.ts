import { openSection, pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

test('private notes stay with their author: the partner never receives a byte of them', async ({
  browser,
  app,
}) => {
  const couple = await pairCouple(browser, app.url);
  const { alex, contexts } = couple;

  // Sam opens the space in a new tab that records every WebSocket frame it receives.
  const received: string[] = [];
  const sam = await contexts[1]!.newPage();
  sam.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => received.push(Buffer.from(payload).toString('latin1'))),
  );
  await sam.goto(couple.sam.url());
  await couple.sam.close();
  await expect(sam.getByRole('heading', { level: 1, name: couple.spaceName, exact: true })).toBeVisible();
  await openSection(sam, 'Private notes');
  await openSection(alex, 'Private notes');

  const secret = 'A private thought only Alex may read';
  await alex.getByRole('textbox', { name: 'Private notes' }).click();
  await alex.keyboard.type(secret);
  await expect(alex.getByTestId('sync-status')).toHaveText('Synced');

  // Sam's private notes are Sam's own. Sam writes one and waits until the server has it:
  // anything the server would (wrongly) relay from Alex's notes has arrived by then.
  const samNotes = sam.getByRole('textbox', { name: 'Private notes' });
  await samNotes.click();
  await sam.keyboard.type('A note of my own');
  await expect(sam.getByTestId('sync-status')).toHaveText('Synced');
  await expect(samNotes).toHaveText('A note of my own');
  expect(received.length).toBeGreaterThan(0);
  expect(received.some((frame) => frame.includes('A private thought'))).toBe(false);

  // Alex's notes are still there after a reload.
  await alex.reload();
  await expect(alex.getByRole('textbox', { name: 'Private notes' })).toHaveText(secret);

  await Promise.all(contexts.map((context) => context.close()));
});
