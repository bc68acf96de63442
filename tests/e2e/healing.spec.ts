import type { Page } from '@playwright/test';
import { editorText, openSection, pairCouple, tabDrafts } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

/** Walks one partner through the four steps of their side and seals it. */
async function writeSide(page: Page, words: string): Promise<void> {
  const steps = ['What I felt', 'What I think set it off', 'My part in it', 'What I need now'];
  for (const [index, step] of steps.entries()) {
    await page.getByLabel(step).fill(`${words}: ${step.toLowerCase()}`);
    await page.getByRole('button', { name: index === steps.length - 1 ? 'Seal my side' : 'Next' }).click();
  }
}

/** Writes a screenshot under test-results/ for a person to look at (never committed). */
async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/healing/${name}-${width}.png`, fullPage: true });
  }
}

test.describe('conversations that heal', () => {
  test('a repair written in turns stays sealed until both have written, then opens for both', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(alex, 'Repair after a hard moment', 'Repair after a hard moment');
    await alex.getByLabel('Which moment is this about?').fill('Saturday night, after the party');
    await alex.getByRole('button', { name: 'Start a repair' }).click();
    await expect(
      alex.getByRole('heading', { level: 1, name: 'Saturday night, after the party' }),
    ).toBeVisible();
    await expect(alex.getByText('Step 1 of 4')).toBeVisible();
    await writeSide(alex, 'ALEX-SIDE');
    await expect(alex.getByRole('status').filter({ hasText: 'Your side is sealed' })).toBeVisible();
    // Sealed, the tab keeps no draft of it, even though the steps were replaced before the
    // answer came back (callbacks given to `mutate` would have been skipped).
    expect(await tabDrafts(alex)).toEqual([]);
    await shoot(alex, 'repair-sealed');

    await openSection(sam, 'Repair after a hard moment', 'Repair after a hard moment');
    await sam.getByRole('link', { name: 'Saturday night, after the party' }).click();
    await expect(sam.getByText('Alex has written their side.')).toBeVisible();
    await expect(sam.getByText(/ALEX-SIDE/)).toHaveCount(0);
    await shoot(sam, 'repair-step');
    await writeSide(sam, 'SAM-SIDE');

    // Both open together: each sees both sides, the partner's one live on Alex's screen.
    for (const [page, other] of [
      [sam, 'Alex'],
      [alex, 'Sam'],
    ] as const) {
      await expect(page.getByText('You have both written.')).toBeVisible();
      await expect(page.getByRole('region', { name: `${other}’s side` })).toContainText(
        `${other.toUpperCase()}-SIDE: what i felt`,
      );
    }
    // "Next time" is written live by both (conversation-actions.spec.ts follows it further).
    const together = alex.getByRole('textbox', { name: 'What we’ll do differently next time' });
    await expect(together).toBeVisible();
    await together.click();
    await alex.keyboard.type('We pause and come back within the hour.');
    await expect
      .poll(() => editorText(sam.getByRole('textbox', { name: 'What we’ll do differently next time' })))
      .toContain('We pause and come back within the hour.');
    await sam.getByRole('button', { name: 'Propose it as a boundary' }).click();
    await sam.getByRole('link', { name: 'Open the boundary to sign it' }).click();
    await expect(sam.getByRole('textbox', { name: 'Title' })).toHaveValue(/We pause and come back/);
    await shoot(alex, 'repair-open');
    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a request for reassurance reaches the partner live, with the guidance they wrote', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(sam, 'Reassurance', 'Reassurance');
    await sam
      .getByLabel('What helps me when I feel unsure about us')
      .fill('Tell me where you are and when you’ll be home.');
    await sam.getByLabel('Words I’d like to hear').fill('I choose you, every day.');
    await sam.getByRole('button', { name: 'Save my guide' }).click();
    await expect(sam.getByText(/^Saved ·/)).toBeVisible();

    // Alex is elsewhere in the space, on Promises.
    await openSection(alex, 'Promises', 'Promises');
    await sam.getByRole('button', { name: 'I could use some reassurance' }).click();
    await expect(sam.getByText('Alex has been told')).toBeVisible();

    const notice = alex.getByTestId('reassurance-arrival');
    await expect(notice).toContainText('Sam could use some reassurance');
    await expect(notice).toContainText('Tell me where you are and when you’ll be home.');
    await expect(notice.getByLabel('A few words for Sam')).toHaveValue('I choose you, every day.');
    await shoot(alex, 'reassurance-arrival');
    await notice.getByLabel('A few words for Sam').fill('I’m on my way. I choose you, every day.');
    await notice.getByRole('button', { name: 'Send to Sam' }).click();
    await expect(alex.getByTestId('reassurance-arrival')).toHaveCount(0);

    await expect(sam.getByText('I’m on my way. I choose you, every day.')).toBeVisible();
    await shoot(sam, 'reassurance-answered');
    await sam.getByRole('link', { name: /Alex & Sam/ }).click();
    await openSection(sam, 'Small wins', 'Small wins');
    await expect(sam.getByTestId('wins-timeline')).toContainText('Alex reassured you');
    await Promise.all(contexts.map((context) => context.close()));
  });

  test('forgiveness is moved by the hurt partner only, and the other sees it change', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(alex, 'Forgiveness', 'Forgiveness');
    await openSection(sam, 'Forgiveness', 'Forgiveness');
    await expect(sam.getByText('Nothing named here')).toBeVisible();

    await alex.getByLabel('What happened, in a sentence').fill('I kept the messages from you');
    await alex.getByRole('radio', { name: 'Sam' }).click();
    await alex.getByRole('button', { name: 'Name it' }).click();

    const samCard = sam.getByRole('article', { name: 'I kept the messages from you' });
    const alexCard = alex.getByRole('article', { name: 'I kept the messages from you' });
    await expect(samCard.getByTestId('breach-state')).toHaveText('Still hurting');
    await expect(alexCard.getByText('Only Sam can say where this stands.')).toBeVisible();
    await expect(alexCard.getByRole('radio')).toHaveCount(0);

    await samCard.getByRole('radio', { name: 'Working on it' }).click();
    await expect(samCard.getByTestId('breach-state')).toHaveText('Working on it');
    await expect(alexCard.getByTestId('breach-state')).toHaveText('Working on it');

    // Even asked directly, the server refuses Alex's "forgiven", and nothing moves.
    const status = await alex.evaluate(
      async (url) => {
        const breaches = (await (await fetch(url)).json()) as { breaches: { id: string }[] };
        const id = breaches.breaches[0]?.id ?? '';
        const reply = await fetch(`${url}/${id}/state`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ state: 'forgiven' }),
        });
        return reply.status;
      },
      `/api${new URL(alex.url()).pathname.replace(/\/forgiveness$/, '')}/breaches`,
    );
    expect(status).toBe(403);
    await expect(samCard.getByTestId('breach-state')).toHaveText('Working on it');
    await shoot(sam, 'forgiveness-hurt');
    await shoot(alex, 'forgiveness-other');
    await Promise.all(contexts.map((context) => context.close()));
  });

  test('the reflection journal stays on its writer’s side: the partner’s journal never shows it', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(alex, 'Reflection journal', 'Reflection journal');
    await alex.getByRole('button', { name: 'What was mine to learn from this?' }).click();
    const editor = alex.getByRole('textbox', { name: 'What was mine to learn from this?' });
    await editor.click();
    await alex.keyboard.type('JOURNAL-WORDS: to say when I need a pause');
    await alex.getByRole('button', { name: 'Done' }).click();
    await expect(alex.getByText('JOURNAL-WORDS: to say when I need a pause')).toBeVisible();
    await shoot(alex, 'journal');
    await alex.reload();
    await expect(alex.getByText('JOURNAL-WORDS: to say when I need a pause')).toBeVisible();

    await openSection(sam, 'Reflection journal', 'Reflection journal');
    await expect(sam.getByText('Nothing written yet')).toBeVisible();
    await expect(sam.getByText(/JOURNAL-WORDS/)).toHaveCount(0);
    await Promise.all(contexts.map((context) => context.close()));
  });
});
