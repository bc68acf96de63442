import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { createSpace, fillSignup, inviteLink, pairCouple, person, signUp } from './support/flows.ts';

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test.describe('paths in', () => {
  test('a first visit to / says what Twofold is and offers sign-up, with log in one click away', async ({
    browser,
    app,
  }) => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/`);
    await expect(page).toHaveURL(`${app.url}/`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'A shared space for the two of you' }),
    ).toBeVisible();
    await expect(page.getByText(/Twofold is a private place for two partners/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Create account' })).toBeVisible();

    await page.getByRole('link', { name: 'Log in' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeVisible();

    // Signing up from the front door leads on to making the space.
    await page.goto(`${app.url}/`);
    await fillSignup(page, person('Robin'));
    await expect(page.getByLabel('Name of your space')).toBeVisible();
    await page.context().close();
  });

  test('the invite says what the space holds, signing up joins at once, and an invite opened again leads home', async ({
    browser,
    app,
  }) => {
    const contexts = [await browser.newContext(), await browser.newContext()];
    const [alex, sam] = await Promise.all(contexts.map((context) => context.newPage()));
    if (!alex || !sam) throw new Error('no pages');
    await signUp(alex, app.url, person('Alex'));
    await createSpace(alex, 'Alex & Sam');
    const link = await inviteLink(alex);

    await sam.goto(link);
    const intro = sam.locator('.join__header');
    await expect(
      sam.getByRole('heading', { level: 1, name: 'Alex invited you to join “Alex & Sam”' }),
    ).toBeVisible();
    for (const part of ['boundaries', 'future', 'letters', 'check in', 'private notes']) {
      await expect(intro).toContainText(part);
    }

    // One step: the account, and Sam is in the space; Alex sees Sam arrive without reloading.
    await fillSignup(sam, person('Sam'));
    await expect(sam).toHaveURL(/\/spaces\//);
    await expect(sam.getByRole('heading', { level: 1, name: 'Alex & Sam', exact: true })).toBeVisible();
    await expect(sam.getByText('You and Alex share this space.')).toBeVisible();
    await expect(alex.getByText('You and Sam share this space.')).toBeVisible();

    // Back, to the invite: Sam is told they are in already, and is taken to the space.
    await sam.goBack();
    await expect(sam).toHaveURL(/\/spaces\//);
    await expect(sam.getByTestId('already-member')).toContainText('You are already in “Alex & Sam”');
    await expect(sam.getByText('This invite can no longer be used')).toHaveCount(0);

    // The link opened again later, by either of them: the same, never "ask for a new one".
    for (const page of [sam, alex]) {
      await page.goto(link);
      await expect(page).toHaveURL(/\/spaces\//);
      await expect(page.getByTestId('already-member')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'Alex & Sam', exact: true })).toBeVisible();
    }

    // Someone else with the spent link still learns only that it is spent.
    const eve = await newPage(browser);
    await signUp(eve, app.url, person('Eve'));
    await expect(eve.getByLabel('Name of your space')).toBeVisible();
    await eve.goto(link);
    await expect(eve.getByRole('heading', { name: 'This invite can no longer be used' })).toBeVisible();
    await eve.context().close();
    await Promise.all(contexts.map((context) => context.close()));
  });
});

test.describe('paths out', () => {
  test('leaving ends on a page that says what happened, and the account page leads back to the space', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const spaceUrl = sam.url();

    await sam.getByRole('link', { name: 'Sam', exact: true }).click();
    await expect(sam.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await sam.getByRole('link', { name: 'Back to “Alex & Sam”' }).click();
    expect(sam.url()).toBe(spaceUrl);

    await sam.goto(`${spaceUrl}/settings`);
    await sam.getByRole('button', { name: 'Leave this space…' }).click();
    await sam.getByRole('dialog').getByRole('button', { name: 'Leave this space' }).click();
    await expect(sam.getByRole('heading', { level: 1, name: 'You have left “Alex & Sam”' })).toBeVisible();
    await expect(sam.getByText('What you shared stays with Alex')).toBeVisible();
    await expect(sam.getByRole('link', { name: 'Make a new space' })).toBeVisible();
    await expect(alex.getByTestId('partner-left')).toContainText('Sam left this space');

    // Alone, Alex closes the space: the page says it is closed and everything in it deleted.
    await alex.goto(`${spaceUrl}/settings`);
    await alex.getByRole('button', { name: 'Close this space…' }).click();
    await alex.getByRole('dialog').getByRole('button', { name: 'Close this space' }).click();
    await expect(alex.getByRole('heading', { level: 1, name: '“Alex & Sam” is closed' })).toBeVisible();
    await expect(alex.getByText('Everything in it has been deleted')).toBeVisible();
    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a device signed out from another device says so on its login page', async ({ browser, app }) => {
    const robin = person('Robin');
    const laptop = await newPage(browser);
    await signUp(laptop, app.url, robin);
    await createSpace(laptop, 'Robin & Kai');
    const phone = await newPage(browser);
    await phone.goto(`${app.url}/login`);
    await phone.getByLabel('Email').fill(robin.email);
    await phone.getByLabel('Password').fill(robin.password);
    await phone.getByRole('button', { name: 'Log in' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Robin & Kai' })).toBeVisible();

    await phone.getByRole('link', { name: 'Robin', exact: true }).click();
    await phone.getByRole('button', { name: 'Sign out Chrome on Linux', exact: true }).click();
    await expect(phone.getByText('You are signed in on this device only.')).toBeVisible();

    await expect(laptop).toHaveURL(/\/login/);
    await expect(laptop.getByRole('heading', { level: 1, name: 'You have been signed out' })).toBeVisible();
    await expect(laptop.getByText(/signed out from another device/)).toBeVisible();
    await expect(laptop.getByRole('button', { name: 'Log in' })).toBeVisible();

    // Logging out on purpose, on the phone, is no surprise: it says "Welcome back".
    await phone.getByRole('button', { name: 'Log out' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeVisible();
    await laptop.context().close();
    await phone.context().close();
  });
});

test.describe('quick exit', () => {
  test('Escape that closes a dialog is not half of the quick exit; two Escapes with nothing open still leave', async ({
    browser,
    app,
  }) => {
    const page = await newPage(browser);
    await signUp(page, app.url, person('Robin'));
    await createSpace(page, 'Robin & Kai');
    await page.getByRole('link', { name: 'Robin', exact: true }).click();

    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account for good?' });
    await expect(dialog).toBeVisible();
    // The first Escape closes the dialog; the second, right after it, is only the first of two.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    // Still here: the page was not blanked, nor replaced by the neutral page.
    expect(await page.evaluate(() => document.body.hidden)).toBe(false);
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    expect(page.url()).toMatch(/\/account$/);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/recipes\.html$/);
    await page.context().close();
  });
});
