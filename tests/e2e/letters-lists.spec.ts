import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { pairCouple } from './support/flows.ts';
import { draftFromPrompt, openLetters, writeWords } from './support/letters.ts';

const TOGETHER = 'A moment I felt fully trusted';

function list(page: Page, name: 'Inbox' | 'Sent') {
  return page.getByRole('region', { name });
}

test.describe('letters lists', () => {
  test('replies and both halves of an opened pair are listed and counted in the inbox and Sent of both partners', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openLetters(alex);
    await openLetters(sam);

    // Alex writes; Sam answers under Alex's letter.
    await draftFromPrompt(alex, 'What trust means to me', 'Trust is the small things, told.');
    await alex.getByRole('button', { name: 'Send to Sam' }).click();
    await expect(alex.getByTestId('letter-delivery')).toHaveText('Delivered');
    await list(sam, 'Inbox')
      .getByRole('link', { name: /What trust means to me/ })
      .click();
    await sam.getByRole('button', { name: 'Write a reply' }).click();
    await writeWords(sam, 'I will tell you the small things.');
    await sam.getByRole('button', { name: 'Send to Alex' }).click();
    await expect(sam.getByTestId('letter-sheet')).toHaveCount(2);

    // Alex's inbox holds Sam's reply under Alex's letter, and Sam's Sent holds it too, each counted.
    await alex.getByRole('link', { name: 'All letters' }).click();
    const alexInbox = list(alex, 'Inbox');
    await expect(alexInbox).not.toContainText('Nothing from Sam yet');
    await expect(alexInbox.getByTestId('letter-thread')).toHaveCount(1);
    await expect(alexInbox.getByTestId('letter-thread')).toContainText('Sam’s reply');
    await expect(alexInbox.getByTestId('letters-inbox-count')).toHaveText('1 letter');
    await expect(list(alex, 'Sent').getByTestId('letters-sent-count')).toHaveText('1 letter');
    await sam.getByRole('link', { name: 'All letters' }).click();
    const samSent = list(sam, 'Sent');
    await expect(samSent).not.toContainText('You have not sent a letter yet');
    await expect(samSent.getByTestId('letter-thread')).toContainText('Your reply');
    await expect(samSent.getByTestId('letters-sent-count')).toHaveText('1 letter');

    // A pair sealed together: Alex's sealed half is in Alex's Sent at once, not in Sam's inbox.
    await alex.getByRole('link', { name: 'Write a letter' }).click();
    await alex.getByRole('button', { name: `Write together on “${TOGETHER}” with Sam` }).click();
    await writeWords(alex, 'The night you drove me home without a word.');
    await alex.getByRole('button', { name: 'Seal my letter' }).click();
    await expect(alex.getByText(/When Sam seals theirs, both letters open here/)).toBeVisible();
    await expect(list(sam, 'Inbox').getByTestId('letter-thread')).toHaveCount(1);
    await expect(sam.getByText('The night you drove me home')).toHaveCount(0);

    // Sam seals the second half: both see the moment, each led to the other's words first.
    await sam
      .getByTestId('letter-pair')
      .filter({ hasText: TOGETHER })
      .getByRole('button', { name: 'Write yours' })
      .click();
    await writeWords(sam, 'When you gave me your keys on our second date.');
    await sam.getByRole('button', { name: 'Seal my letter' }).click();
    for (const [page, theirs, mine] of [
      [alex, 'When you gave me your keys', 'The night you drove me home'],
      [sam, 'The night you drove me home', 'When you gave me your keys'],
    ] as const) {
      await expect(page.getByRole('heading', { level: 1, name: 'Your letters have opened' })).toBeVisible();
      await expect(page.getByTestId('letter-sheet')).toHaveCount(2);
      await expect(page.getByTestId('letter-sheet').first()).toContainText(theirs);
      await expect(page.getByTestId('letter-sheet').nth(1)).toContainText(mine);
    }

    // Both lists now hold both kinds of letter, on both screens.
    for (const [page, partner] of [
      [alex, 'Sam'],
      [sam, 'Alex'],
    ] as const) {
      await page.getByRole('link', { name: 'All letters' }).click();
      const inbox = list(page, 'Inbox');
      await expect(inbox.getByTestId('letters-inbox-count')).toHaveText('2 letters');
      await expect(inbox.getByTestId('letter-thread').filter({ hasText: TOGETHER })).toContainText(
        `Written together · From ${partner}`,
      );
      await expect(list(page, 'Sent').getByTestId('letters-sent-count')).toHaveText('2 letters');
      await expect(
        list(page, 'Sent').getByTestId('letter-thread').filter({ hasText: TOGETHER }),
      ).toBeVisible();
    }
    await Promise.all(contexts.map((context) => context.close()));
  });

  test('the first to seal, reading their own sealed letter, is shown the way to the partner’s the moment it opens', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openLetters(alex);
    await openLetters(sam);
    await alex.getByRole('link', { name: 'Write a letter' }).click();
    await alex.getByRole('button', { name: `Write together on “${TOGETHER}” with Sam` }).click();
    await writeWords(alex, 'The night you drove me home without a word.');
    await alex.getByRole('button', { name: 'Seal my letter' }).click();
    await alex.getByRole('link', { name: 'All letters' }).click();
    await alex.getByTestId('letter-pair').getByRole('link', { name: 'Your sealed letter' }).click();
    await expect(alex.getByTestId('letter-sealed')).toBeVisible();
    await expect(alex.getByRole('link', { name: 'Read Sam’s letter' })).toHaveCount(0);

    await sam.getByTestId('letter-pair').getByRole('button', { name: 'Write yours' }).click();
    await writeWords(sam, 'When you gave me your keys on our second date.');
    await sam.getByRole('button', { name: 'Seal my letter' }).click();

    await alex.getByRole('link', { name: 'Read Sam’s letter' }).click();
    await expect(alex.getByRole('heading', { level: 1, name: 'Your letters have opened' })).toBeVisible();
    await expect(alex.getByTestId('letter-sheet').first()).toContainText('When you gave me your keys');
    await Promise.all(contexts.map((context) => context.close()));
  });
});
