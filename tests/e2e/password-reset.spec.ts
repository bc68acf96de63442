import type { Page } from '@playwright/test';
import { editorText, openSection, pairCouple } from './support/flows.ts';
import { expect, onServer, test } from './support/mail-fixtures.ts';

const FIELD = 'What trust means to us';

async function emailOf(page: Page, appUrl: string): Promise<string> {
  const reply = await page.request.get(`${appUrl}/api/me`);
  return ((await reply.json()) as { user: { email: string } }).user.email;
}

test('Alex forgets the password, resets it from the email, is signed in, and Sam still sees Alex’s words live', async ({
  browser,
  app,
  mailbox,
}) => {
  // Two partners and a third device, each page its own lazy chunk, on a shared two-core machine.
  test.setTimeout(180_000);
  const { alex, sam, contexts } = await pairCouple(browser, app.url);
  const email = await emailOf(alex, app.url);
  const spaceUrl = alex.url();
  await openSection(alex, FIELD);
  await openSection(sam, FIELD);
  await alex.getByRole('textbox', { name: FIELD }).click();
  await alex.keyboard.type('Before the reset.');
  await expect(sam.getByRole('textbox', { name: FIELD })).toContainText('Before the reset.');

  // On another device, Alex cannot remember the password.
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await phone.goto(`${app.url}/login`);
  await phone.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(phone.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await phone.getByLabel('Email').fill(email);
  await phone.getByRole('button', { name: 'Send me a link' }).click();
  await expect(phone.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();

  const mail = await mailbox.waitForMail(email, /reset your twofold password/i);
  expect(mail.text).not.toContain('Before the reset');
  await phone.goto(onServer(app.url, mail.links[0]));
  await expect(phone.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await phone.getByLabel('New password').fill('a brand new calm password');
  await phone.getByRole('button', { name: 'Set new password' }).click();

  // Signed in on the phone, straight back into the space.
  await expect(phone.getByRole('heading', { level: 1, name: 'Alex & Sam', exact: true })).toBeVisible();
  // The laptop, signed in with the old password, has been signed out.
  await alex.reload();
  await expect(alex).toHaveURL(/\/login/);

  // Alex writes again from the phone; Sam, who never left, sees it arrive.
  await phone.goto(spaceUrl);
  await openSection(phone, FIELD);
  const phoneEditor = phone.getByRole('textbox', { name: FIELD });
  await expect(phoneEditor).toContainText('Before the reset.');
  await phoneEditor.click();
  await phone.keyboard.press('Control+End');
  await phone.keyboard.type(' After the reset.');
  await expect(sam.getByRole('textbox', { name: FIELD })).toContainText('After the reset.');
  expect(await editorText(sam.getByRole('textbox', { name: FIELD }))).toBe(await editorText(phoneEditor));

  // The link was single use.
  await phone.goto(onServer(app.url, mail.links[0]));
  await phone.getByLabel('New password').fill('yet another calm password');
  await phone.getByRole('button', { name: 'Set new password' }).click();
  await expect(phone.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();

  await Promise.all([...contexts, phoneContext].map((context) => context.close()));
});

test('a new account confirms its address from the email; until then the account page reminds calmly', async ({
  browser,
  app,
  mailbox,
}) => {
  const { alex, sam, contexts } = await pairCouple(browser, app.url);
  const email = await emailOf(sam, app.url);
  await sam.goto(`${app.url}/account`);
  await expect(sam.getByText('This address is not confirmed yet.')).toBeVisible();
  await sam.getByRole('button', { name: 'Send the link again' }).click();
  await expect(sam.getByText(`A new link is on its way to ${email}.`)).toBeVisible();

  const mail = await mailbox.waitForMail(email, /confirm your email/i, 2);
  await sam.goto(onServer(app.url, mail.links[0]));
  await expect(sam.getByRole('heading', { name: 'Your email address is confirmed' })).toBeVisible();
  await sam.getByRole('link', { name: 'Go to your account' }).click();
  await expect(sam.getByText('· confirmed')).toBeVisible();
  await expect(sam.getByText('This address is not confirmed yet.')).toHaveCount(0);

  // Alex's page is Alex's own: still unconfirmed.
  await alex.goto(`${app.url}/account`);
  await expect(alex.getByText('This address is not confirmed yet.')).toBeVisible();
  await Promise.all(contexts.map((context) => context.close()));
});
