import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { createSpace, logIn, pairCouple, person, signUp } from './support/flows.ts';

const NEUTRAL_HEADING = 'Simple tomato soup';
// Device A looks like a Windows laptop, so the devices list names the two devices differently.
const LAPTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

async function newPage(browser: Browser, userAgent?: string): Promise<Page> {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  return context.newPage();
}

async function expectOnNeutralPage(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/recipes\.html$/);
  await expect(page.getByRole('heading', { level: 1, name: NEUTRAL_HEADING })).toBeVisible();
  await expect(page.getByText('Twofold')).toHaveCount(0);
}

test.describe('safety', () => {
  test('quick exit, by the button or by Escape twice, lands on a neutral page and Back does not return into the space', async ({
    browser,
    app,
  }) => {
    const page = await newPage(browser);
    await signUp(page, app.url, person('Robin'));
    await createSpace(page, 'Robin & Kai');
    await page.getByRole('link', { name: 'Get help' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Get help' })).toBeVisible();

    await page.getByRole('button', { name: 'Quick exit' }).click();
    await expectOnNeutralPage(page);
    await page.goBack();
    await expectOnNeutralPage(page);

    // Opening Twofold again on purpose works as usual; Escape twice leaves again.
    await page.goto(`${app.url}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Robin & Kai' })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expectOnNeutralPage(page);
    await page.goBack();
    await expectOnNeutralPage(page);
    await expect(page.getByRole('heading', { name: 'Robin & Kai' })).toHaveCount(0);
    await page.context().close();
  });

  test('the Help page is one click away signed out and signed in, with what to do when unsafe', async ({
    browser,
    app,
  }) => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/login`);
    await page.getByRole('link', { name: 'Get help' }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Get help' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'If you feel unsafe' })).toBeVisible();
    await expect(page.getByText(/contact your local emergency services/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Twofold is not therapy' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Quick exit' })).toBeVisible();

    await signUp(page, app.url, person('Robin'));
    await createSpace(page, 'Robin & Kai');
    await page.getByRole('link', { name: 'Get help' }).click();
    await expect(page.getByRole('heading', { name: 'How to find one' })).toBeVisible();
    await page.context().close();
  });
});

test.describe('devices', () => {
  test('from a second device, signing out the first sends the first back to login', async ({
    browser,
    app,
  }) => {
    const robin = person('Robin');
    const laptop = await newPage(browser, LAPTOP_UA);
    await signUp(laptop, app.url, robin);
    await createSpace(laptop, 'Robin & Kai');
    await expect(laptop.getByTestId('sync-status')).toHaveText('Synced');

    const phone = await newPage(browser);
    await logIn(phone, app.url, robin);
    await expect(phone.getByRole('heading', { level: 1, name: 'Robin & Kai' })).toBeVisible();

    // The laptop hears about the new sign-in the next time it opens the app.
    await laptop.reload();
    await expect(laptop.getByRole('complementary', { name: 'New sign-in' })).toContainText(
      /A new sign-in on Chrome on Linux on .+\. If this wasn’t you, sign it out and change your password\./,
    );
    await expect(laptop.getByTestId('sync-status')).toHaveText('Synced');
    // The phone is not warned about its own sign-in.
    await expect(phone.getByRole('complementary', { name: 'New sign-in' })).toHaveCount(0);

    await phone.getByRole('link', { name: robin.name }).click();
    const devices = phone.getByRole('list', { name: 'Your devices' });
    await expect(devices.getByRole('listitem')).toHaveCount(2);
    await expect(devices.getByRole('listitem', { name: 'Chrome on Linux, this device' })).toContainText(
      'This device',
    );
    await devices.getByRole('button', { name: 'Sign out Firefox on Windows' }).click();
    await expect(devices.getByRole('listitem')).toHaveCount(1);
    await expect(phone.getByText('You are signed in on this device only.')).toBeVisible();

    // The laptop's socket was closed with 4401, and the app takes it back to login.
    await expect(laptop).toHaveURL(/\/login/);
    await expect(laptop.getByRole('button', { name: 'Log in' })).toBeVisible();
    await expect(phone.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await laptop.context().close();
    await phone.context().close();
  });

  test('each partner sees only their own sessions', async ({ browser, app }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url, 'Alex & Sam');
    await alex.getByRole('link', { name: 'Alex' }).click();
    await expect(alex.getByRole('list', { name: 'Your devices' }).getByRole('listitem')).toHaveCount(1);

    await sam.getByRole('link', { name: 'Sam' }).click();
    const samDevices = sam.getByRole('list', { name: 'Your devices' });
    await expect(samDevices.getByRole('listitem')).toHaveCount(1);
    await expect(samDevices.getByRole('listitem').first()).toContainText('This device');
    await expect(sam.getByRole('button', { name: /^Sign out / })).toHaveCount(0);
    await expect(sam.getByRole('complementary', { name: 'New sign-in' })).toHaveCount(0);
    for (const context of contexts) await context.close();
  });
});
