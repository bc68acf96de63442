// A space's page opened straight away (a reload, a link, the home screen icon) on a device with
// no service worker yet: who is signed in is asked at boot, beside the page's chunks (not after
// them), the editor's chunks are listed in the page itself, and the service worker, which
// downloads the whole app shell, starts only after the space's first sync, so on a phone's 3G
// the two never share the bandwidth. Order, not time.
import { createSpace, openSection, pairCouple, person, signUp, syncStatus } from './support/flows.ts';
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
    const path = new URL(request.url()).pathname;
    if (path === '/api/me') events.push('me asked');
    if (/^\/assets\/collab-editor-[^/]+\.js$/.test(path)) events.push('editor asked');
    if (/^\/assets\/us-letter-route-[^/]+\.js$/.test(path)) events.push('page chunk asked');
  });
  cold.on('requestfinished', (request) => {
    if (/\/assets\/us-letter-route-[^/]+\.js$/.test(request.url())) events.push('page chunk arrived');
  });
  cold.on('websocket', (socket) => {
    const path = new URL(socket.url()).pathname;
    if (!path.endsWith('/sync') || path.endsWith('/private/sync')) return;
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
  // The space's page lists the editor's chunks itself (space.html): they are asked for while
  // the entry chunk downloads, before it has run and asked for the page's own chunk.
  expect(at('editor asked'), events.join(', ')).toBeLessThan(at('page chunk asked'));
  expect(at('shared socket answered'), events.join(', ')).toBeLessThan(at('service worker'));
  await context.close();
});

test('a new phone of Sam’s takes the letter’s first copy over HTTP, then writes live with Alex, and asks only once', async ({
  browser,
  app,
}) => {
  const couple = await pairCouple(browser, app.url);
  const { alex } = couple;
  await openSection(alex, 'What trust means to us');
  const alexEditor = alex.getByRole('textbox', { name: 'What trust means to us' });
  await alexEditor.click();
  await alex.keyboard.type('Trust, for us, is saying the hard thing early.');
  await expect(syncStatus(alex)).toHaveAttribute('data-status', 'synced');

  // Sam's session on a device that holds nothing: no IndexedDB, no cache, no service worker.
  const signedIn = await couple.contexts[1]!.storageState();
  const phone = await browser.newContext({ storageState: { cookies: signedIn.cookies, origins: [] } });
  const page = await phone.newPage();
  const copies: { path: string; status: number; encoding: string | undefined }[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('/sync/snapshot'))
      copies.push({ path, status: response.status(), encoding: response.headers()['content-encoding'] });
  });
  await page.goto(`${alex.url().replace(/\/us-letter$/, '')}/us-letter`);
  const editor = page.getByRole('textbox', { name: 'What trust means to us' });
  await expect(editor).toContainText('Trust, for us, is saying the hard thing early.');
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  // One copy of each of its documents, compressed; the shared one held Alex's words.
  await expect
    .poll(() => copies.map((copy) => copy.path).sort())
    .toEqual([
      expect.stringMatching(/\/private\/sync\/snapshot$/),
      expect.stringMatching(/^\/api\/spaces\/[^/]+\/sync\/snapshot$/),
    ]);
  for (const copy of copies) {
    expect(copy.status).toBe(200);
    expect(['br', 'gzip']).toContain(copy.encoding);
  }

  // Live both ways from there.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' And keeping small promises.');
  await expect(alexEditor).toContainText('And keeping small promises.');
  await alex.keyboard.press('Control+End');
  await alex.keyboard.type(' Together.');
  await expect(editor).toContainText('Together.');

  // The next visit opens from the phone's own copy: nothing is asked for again, not even the
  // private document that was empty.
  copies.length = 0;
  await page.reload();
  await expect(editor).toContainText('Together.');
  await expect(syncStatus(page)).toHaveAttribute('data-status', 'synced');
  expect(copies).toEqual([]);
  await Promise.all([phone, ...couple.contexts].map((context) => context.close()));
});
