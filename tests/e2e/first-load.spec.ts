// A space's page opened straight away (a reload, a link, the home screen icon) on a device with
// no service worker yet: who is signed in is asked at boot, beside the page's chunks (not after
// them), and the service worker, which downloads the whole app shell, starts only after the
// space's first sync, so on a phone's 3G the two never share the bandwidth. Order, not time.
import { createSpace, person, signUp } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

test('a space opened cold asks /api/me before its page’s chunk arrives, and installs the worker after the first sync', async ({
  browser,
  app,
}) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signUp(page, app.url, person('Alex'));
  await createSpace(page, 'Alex & Sam');
  const spaceUrl = page.url();
  const signedIn = await first.storageState();
  await first.close();

  // Same cookie, nothing else: no service worker, no cache, no IndexedDB.
  const context = await browser.newContext({ storageState: { cookies: signedIn.cookies, origins: [] } });
  const events: string[] = [];
  const cold = await context.newPage();
  cold.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/me') events.push('me asked');
  });
  cold.on('requestfinished', (request) => {
    if (/\/assets\/us-letter-route-[^/]+\.js$/.test(request.url())) events.push('page chunk arrived');
  });
  cold.on('websocket', (socket) => {
    if (!socket.url().endsWith('/sync') || socket.url().endsWith('/private/sync')) return;
    socket.once('framereceived', () => events.push('shared socket answered'));
  });
  const workerStarted = context.waitForEvent('serviceworker');
  void workerStarted.then(() => events.push('service worker'));

  await cold.goto(`${spaceUrl}/us-letter`);
  const editor = cold.getByRole('textbox', { name: 'What trust means to us' });
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await workerStarted;

  const at = (event: string) => {
    const index = events.indexOf(event);
    expect(index, `${event} in ${events.join(', ')}`).toBeGreaterThanOrEqual(0);
    return index;
  };
  expect(at('me asked'), events.join(', ')).toBeLessThan(at('page chunk arrived'));
  expect(at('shared socket answered'), events.join(', ')).toBeLessThan(at('service worker'));
  await context.close();
});
