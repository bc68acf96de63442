import { pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

test.describe('announcements', () => {
  test('a partner’s new appreciation is announced politely to the other, and not to its sender', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    // Sam opens the space afresh: a change of Sam's own (joining) moments ago would make the
    // next event look like its echo, which is never announced.
    await sam.reload();
    const samNews = sam.getByTestId('live-announcer');
    await expect(samNews).toHaveAttribute('aria-live', 'polite');
    await expect(samNews).toHaveText('');

    await alex.getByRole('link', { name: 'Appreciations' }).click();
    await alex.getByLabel('I appreciated…').fill('you asking about my day and really listening');
    await alex.getByRole('button', { name: 'Send to Sam' }).click();
    await expect(alex.getByRole('article', { name: 'Appreciation from You' })).toBeVisible();

    // Sam hears where something changed, never the words themselves (discreet by default).
    await expect(samNews).toHaveText('Something new in Appreciations from Alex.');
    await expect(samNews).not.toContainText('listening');
    // Alex made the change; Alex's screen reader is not told about it.
    await expect(alex.getByTestId('live-announcer')).toHaveText('');

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('closing a dialog puts the focus back on the button that opened it, for Stay and for Escape', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await alex.goto(`${alex.url()}/settings`);
    const opener = alex.getByRole('button', { name: 'Leave this space…' });
    const dialog = alex.getByRole('dialog', { name: 'Leave this space?' });

    await opener.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Stay' }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    await opener.press('Enter');
    await expect(dialog).toBeVisible();
    await alex.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    // Nothing left: Sam is still a member.
    await expect(sam.getByTestId('partner-presence')).toContainText('Alex');

    await Promise.all(contexts.map((context) => context.close()));
  });
});
