import { draftFromPrompt, openLetters } from './support/letters.ts';
import { pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

const PROMPT = 'What trust means to me';

test.describe('history of a letter draft', () => {
  test('Alex sees the history of a draft; Sam, at the same address, sees nothing of it, nor that it exists', async ({
    browser,
    app,
  }, testInfo) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openLetters(alex);
    await openLetters(sam);
    await draftFromPrompt(alex, PROMPT, 'I trust you when you tell me the small things.');
    await alex.getByLabel('Title').fill('For Sam, one day');

    await alex.getByRole('link', { name: 'History of this draft' }).click();
    await expect(
      alex.getByRole('heading', { level: 1, name: 'History of your draft “For Sam, one day”' }),
    ).toBeVisible();
    const sessions = alex.getByTestId('history-session');
    await expect(sessions).toHaveCount(1);
    await expect(sessions.first()).toContainText('You');
    await expect(sessions.first()).toContainText('words added');
    await sessions
      .first()
      .getByRole('button', { name: /^Open the version after You/ })
      .click();
    await expect(alex.getByTestId('history-point-text')).toContainText('tell me the small things');
    for (const width of [390, 1280]) {
      await alex.setViewportSize({ width, height: 900 });
      await alex.screenshot({ path: testInfo.outputPath(`draft-history-${width}.png`), fullPage: true });
    }

    // Sam opens the very address: Sam's own private document has no such draft, so there is
    // no history to show and not a word of Alex's.
    await sam.goto(alex.url());
    await expect(sam.getByRole('heading', { level: 1, name: 'History of your draft' })).toBeVisible();
    await expect(sam.getByText('No changes yet')).toBeVisible();
    await expect(sam.getByTestId('history-session')).toHaveCount(0);
    await expect(sam.getByText('tell me the small things')).toHaveCount(0);
    await expect(sam.getByText('For Sam, one day')).toHaveCount(0);

    // Back to the draft: its words are as they were.
    await alex.getByRole('link', { name: 'Back to your draft' }).click();
    await expect(alex.getByRole('textbox', { name: 'Your letter' })).toContainText(
      'tell me the small things',
    );

    await Promise.all(contexts.map((context) => context.close()));
  });
});
