import { expect, test } from './fixtures.ts';
import { pairCouple } from './support/flows.ts';

test('deleting an account explains what happens, asks for the password, and the partner sees the space become theirs', async ({
  browser,
  app,
}) => {
  const { alex, sam, contexts } = await pairCouple(browser, app.url);
  const spaceUrl = alex.url();
  const samEmail = await sam.evaluate(async () => {
    const me = (await (await fetch('/api/me')).json()) as { user: { email: string } };
    return me.user.email;
  });

  await sam.getByRole('link', { name: 'Sam', exact: true }).click();
  const section = sam.getByRole('region', { name: 'Delete your account' });
  await expect(section).toContainText('Letters you sealed that Alex has not opened yet are withdrawn.');
  await expect(section.getByRole('link', { name: 'download everything that is yours' })).toBeVisible();

  // A wrong password deletes nothing; "Keep my account" closes the question.
  await section.getByRole('button', { name: 'Delete my account…' }).click();
  const dialog = sam.getByRole('dialog', { name: 'Delete your account for good?' });
  await dialog.getByLabel('Your password').fill('not my password at all');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep my account' }).click();
  await expect(dialog).toBeHidden();

  await section.getByRole('button', { name: 'Delete my account…' }).click();
  await dialog.getByLabel('Your password').fill('a calm long password');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  // Sam lands on a page that says what happened and what Sam can do next.
  await expect(sam).toHaveURL(/\/goodbye$/);
  await expect(sam.getByRole('heading', { level: 1, name: 'Your account has been deleted' })).toBeVisible();
  await expect(sam.getByText('what you shared stays with your partner')).toBeVisible();
  await expect(sam.getByRole('link', { name: 'Create a new account' })).toBeVisible();

  // Alex is told, live; Sam's account is gone, so the password no longer opens anything.
  await expect(alex.getByTestId('partner-left')).toContainText('Sam');
  expect(alex.url()).toBe(spaceUrl);
  await sam.goto(`${app.url}/login`);
  await sam.getByLabel('Email').fill(samEmail);
  await sam.getByLabel('Password').fill('a calm long password');
  await sam.getByRole('button', { name: 'Log in' }).click();
  await expect(sam.getByRole('alert')).toBeVisible();
  await expect(sam).toHaveURL(/\/login$/);

  await Promise.all(contexts.map((context) => context.close()));
});
