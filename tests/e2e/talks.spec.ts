import type { Page } from '@playwright/test';
import { editorText, pairCouple } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

async function openFromHome(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Types into a shared box (a TipTap editor) once it is there and editable. */
async function write(page: Page, box: string, words: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: box });
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.type(words);
}

test.describe('talks for two', () => {
  test('a weekly talk, live on both screens: one speaker/listener round, a promise made from the agenda, a shared summary, then "we talked"', async ({
    browser,
    app,
  }) => {
    // A long flow for two browsers on a shared machine: each step waits for its own condition.
    test.setTimeout(240_000);
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const home = new URL(alex.url()).pathname;

    // Something from their week, for the agenda.
    await openFromHome(alex, 'Appreciations', 'Appreciations');
    await alex.getByLabel('I appreciated…').fill('you making tea when I was tired');
    await alex.getByRole('button', { name: 'Send to Sam' }).click();
    await expect(alex.getByRole('article', { name: 'Appreciation from You' })).toBeVisible();

    // Alex starts the weekly talk; Sam, on the space home, sees it and joins.
    await alex.goto(`${app.url}${home}/talks`);
    await expect(alex.getByRole('heading', { level: 1, name: 'Talks' })).toBeVisible();
    await expect(alex.getByText('No talks yet')).toBeVisible();
    await alex.getByLabel('A gentle timer for each turn').selectOption({ label: 'About 5 minutes' });
    await expect(alex.getByRole('radio', { name: /Our weekly talk/ })).toBeChecked();
    const start = alex.getByRole('button', { name: 'Start the talk' });
    await expect(start).toBeEnabled();
    await start.click();
    await expect(alex.getByRole('heading', { level: 1, name: 'Our weekly talk' })).toBeVisible();
    await expect(alex.getByTestId('talk-presence')).toHaveText(/Sam hasn’t joined yet/);

    const notice = sam.getByTestId('live-talk-notice');
    await expect(notice).toContainText('Alex started “Our weekly talk”');
    await notice.getByRole('link', { name: 'Join' }).click();
    await expect(sam.getByRole('heading', { level: 1, name: 'Our weekly talk' })).toBeVisible();
    await expect(alex.getByTestId('talk-presence')).toHaveText('Sam is here with you');
    await expect(sam.getByTestId('talk-presence')).toHaveText('Alex is here with you');

    // Alex has the floor, on both screens; the gentle timer is running.
    await expect(alex.getByTestId('talk-floor-holder')).toHaveText('You have the floor');
    await expect(sam.getByTestId('talk-floor-holder')).toHaveText('Alex has the floor');
    await expect(alex.getByText('A gentle 5-minute turn has begun.')).toBeVisible();

    // "You never…" gets a quiet hint, which never stops Alex.
    await write(alex, 'What I want you to hear', 'You never ask about my day.');
    await expect(alex.getByTestId('rephrase-hint')).toContainText('“You never…” can be hard to hear');
    await expect
      .poll(() => editorText(sam.getByRole('textbox', { name: 'What Alex wants you to hear' })))
      .toContain('You never ask about my day.');
    await alex.getByRole('button', { name: 'I’ve said it for now' }).click();

    // Sam writes back what they heard; Alex watches it arrive, then confirms.
    await expect(sam.getByText('Write back what you heard Alex say')).toBeVisible();
    await write(sam, 'What I heard you say is…', 'You would like me to ask how your day was.');
    await expect
      .poll(() => editorText(alex.getByRole('textbox', { name: 'What I heard you say is…' })))
      .toContain('ask how your day was');
    await expect(alex.getByRole('button', { name: 'Yes, that’s it' })).toHaveCount(0);
    await sam.getByRole('button', { name: 'Share what I heard' }).click();
    await alex.getByRole('button', { name: 'Yes, that’s it' }).click();

    // The floor passes to Sam, and the round is kept on both screens.
    await expect(sam.getByTestId('talk-floor-holder')).toHaveText('You have the floor');
    await expect(alex.getByTestId('talk-floor-holder')).toHaveText('Sam has the floor');
    for (const [page, who] of [
      [alex, 'You were heard'],
      [sam, 'Alex was heard'],
    ] as const) {
      const round = page.getByTestId('talk-round');
      await expect(round).toHaveCount(1);
      await expect(round).toContainText(who);
      await expect(round).toContainText('You would like me to ask how your day was.');
    }

    // The week's appreciation is on the agenda; Sam turns it into a promise.
    const samItem = sam.getByTestId('agenda-item').filter({ hasText: 'you making tea' });
    await expect(samItem).toContainText('Alex appreciated');
    await expect(alex.getByTestId('agenda-item').filter({ hasText: 'you making tea' })).toContainText(
      'You appreciated',
    );
    await samItem.getByRole('button', { name: 'Make a promise' }).click();
    await samItem.getByLabel('I promise…').fill('to ask about your day every evening this week');
    await samItem.getByRole('button', { name: 'Make this promise' }).click();
    for (const page of [alex, sam]) {
      await expect(page.getByTestId('agenda-item').filter({ hasText: 'you making tea' })).toContainText(
        'Turned into an action',
      );
      await expect(page.getByTestId('talk-actions')).toContainText(
        'to ask about your day every evening this week',
      );
    }
    await expect(alex.getByTestId('talk-actions')).toContainText('Sam promised');

    // The summary is written together, then Sam ends the talk; Alex sees it end.
    await write(alex, 'Our summary', 'We want to check in with each other every evening.');
    await expect
      .poll(() => editorText(sam.getByRole('textbox', { name: 'Our summary' })))
      .toContain('check in with each other every evening');
    await sam.getByRole('button', { name: 'End our talk' }).click();
    await expect(alex.getByText(/^You talked on /)).toBeVisible();
    await expect(alex.getByTestId('talk-floor-holder')).toHaveCount(0);

    // The promise is an ordinary promise, which Alex can confirm later.
    await alex.goto(`${app.url}${home}/promises`);
    await expect(alex.getByText('to ask about your day every evening this week')).toBeVisible();

    // The small wins say "you talked together", and nothing of what was said.
    await sam.goto(`${app.url}${home}/wins`);
    const timeline = sam.getByTestId('wins-timeline');
    await expect(timeline).toContainText('You talked together');
    await expect(timeline).not.toContainText('every evening');

    await Promise.all(contexts.map((context) => context.close()));
  });
});
