import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createSpace, pairCouple, person, signUp, syncStatus } from './support/flows.ts';
import { expect, test } from './fixtures.ts';

function spaceIdOf(page: Page): string {
  const id = /\/spaces\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not in a space: ${page.url()}`);
  return id;
}

async function startFromTemplate(page: Page, template: string): Promise<void> {
  await page.getByRole('link', { name: 'Boundaries' }).click();
  const first = page.getByRole('button', { name: 'Write your first boundary' });
  const another = page.getByRole('button', { name: 'New boundary' });
  // Wait for the list to be drawn (its page loads as a chunk of its own) before choosing.
  await expect(first.or(another).first()).toBeVisible();
  if (await first.isVisible()) await first.click();
  else await another.click();
  await page.getByRole('button', { name: `Start from “${template}”` }).click();
  await expect(page.getByLabel('Title')).toHaveValue(template);
}

/**
 * Plans a goal from the space home with two steps: the first for Sam alone, the second for both,
 * ticked by the planner. Waits until the server has stored it, so an export made next has it.
 */
async function planGoal(page: Page, title: string, steps: [string, string]): Promise<void> {
  await page.getByRole('link', { name: 'Shared goals' }).click();
  await page.getByRole('button', { name: 'Plan your first goal' }).click();
  await page.getByLabel('What would you like to do together?').fill(title);
  await page.getByLabel('When').selectOption({ label: 'This year' });
  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByLabel('Title')).toHaveValue(title);
  for (const [i, step] of steps.entries()) {
    await page.getByLabel('New step').fill(step);
    await page.getByLabel('Who').selectOption({ label: i === 0 ? 'Sam' : 'Both of us' });
    await page.getByRole('button', { name: 'Add step' }).click();
    await expect(page.getByRole('checkbox', { name: step, exact: true })).toBeVisible();
  }
  await page.getByRole('checkbox', { name: steps[1], exact: true }).check();
  await expect(syncStatus(page)).toHaveText('Synced');
}

/** Sends a letter through the API with the page's own session (the letters screens are their own spec). */
async function sendLetter(page: Page, baseUrl: string, title: string, text: string): Promise<void> {
  const reply = await page.request.post(`${baseUrl}/api/spaces/${spaceIdOf(page)}/letters`, {
    headers: { origin: baseUrl },
    data: { title, body: { doc: { type: 'doc', content: [] }, text } },
  });
  expect(reply.status()).toBe(201);
}

async function openSettings(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/spaces/${spaceIdOf(page)}`);
  await page.getByRole('link', { name: /This space: download your words/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This space' })).toBeVisible();
}

test.describe('keeping your words and leaving', () => {
  test('an export downloaded by one partner imports into a new space with its boundaries, goals and letters', async ({
    browser,
    app,
  }, testInfo) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await planGoal(alex, 'Walk the coast path', ['Book the cottage', 'Buy boots']);
    await alex.goto(`${app.url}/spaces/${spaceIdOf(alex)}`);
    await startFromTemplate(alex, 'Money decisions');
    await sendLetter(sam, app.url, 'For Alex', 'Thank you for listening last night.');
    // Alex's private note is Alex's alone: it must never become the importer's.
    await alex.goto(`${app.url}/spaces/${spaceIdOf(alex)}/notes`);
    await alex.getByRole('textbox', { name: 'Private notes' }).click();
    await alex.keyboard.type('Only Alex may ever read this.');
    await expect(syncStatus(alex)).toHaveText('Synced');

    await openSettings(alex, app.url);
    const [download] = await Promise.all([
      alex.waitForEvent('download'),
      alex.getByRole('button', { name: 'Download to import (JSON)' }).click(),
    ]);
    const file = join(testInfo.outputDir, 'export.json');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain('Thank you for listening last night.');

    // Someone starting again in a new space brings the file in.
    const fresh = await browser.newContext();
    const kim = await fresh.newPage();
    await signUp(kim, app.url, person('Kim'));
    await createSpace(kim, 'Starting again');
    await openSettings(kim, app.url);
    await kim.getByLabel('Twofold export file').setInputFiles(file);
    const preview = kim.getByTestId('import-preview');
    await expect(preview.getByRole('list', { name: 'Will come in' }).getByRole('listitem')).toHaveText([
      '1 boundary, each with who wrote it, as drafts to sign again here',
      '1 shared goal with their steps, each with who wrote it',
      '1 letter, each with who wrote it and when',
    ]);
    await expect(preview.getByRole('list', { name: 'Will stay out' })).toContainText(
      'Alex’s private notes and unsent letters: they are Alex’s alone',
    );
    await kim.getByRole('button', { name: 'Add to this space' }).click();
    const done = kim.getByTestId('import-done');
    await expect(done.getByRole('list', { name: 'Brought in' }).getByRole('listitem')).toHaveText([
      '1 boundary, each with who wrote it, as drafts to sign again here',
      '1 shared goal with their steps, each with who wrote it',
      '1 letter, each with who wrote it and when',
    ]);
    await expect(done.getByRole('list', { name: 'Left out' })).toContainText('Alex’s private notes');

    // Sam's letter is still Sam's: never "You", never delivered by Kim.
    await kim.goto(`${app.url}/spaces/${spaceIdOf(kim)}/letters`);
    const imported = kim.getByTestId('letter-thread').filter({ hasText: 'For Alex' });
    await expect(imported).toContainText('Written by Sam, imported');
    await expect(imported).not.toContainText('You ·');
    await expect(imported).not.toContainText('Delivered');
    await expect(kim.getByText('Nothing from your partner yet.')).toBeVisible();
    // And Alex's private note stayed with Alex.
    await kim.goto(`${app.url}/spaces/${spaceIdOf(kim)}/notes`);
    await expect(kim.getByRole('textbox', { name: 'Private notes' })).toBeVisible();
    await expect(kim.getByRole('textbox', { name: 'Private notes' })).not.toContainText('Only Alex');

    await kim.goto(`${app.url}/spaces/${spaceIdOf(kim)}/boundaries`);
    const row = kim.getByTestId('boundary-row').filter({ hasText: 'Money decisions' });
    await expect(row.getByTestId('boundary-status')).toHaveText('Draft');
    // Alex wrote it, and Alex is not here: it is never Kim's own words.
    await expect(row).toContainText('Written by Alex, imported');
    const letters = await kim.request.get(`${app.url}/api/spaces/${spaceIdOf(kim)}/letters`);
    expect(await letters.text()).toContain('Thank you for listening last night.');

    // The goal comes back with its steps in order: Sam's step is Kim's now (Sam is not here),
    // the step for both stays with both, and the tick is kept.
    await kim.goto(`${app.url}/spaces/${spaceIdOf(kim)}/goals`);
    await expect(kim.getByTestId('goal-card')).toContainText('Written by Alex, imported');
    await kim.getByTestId('goal-card').getByRole('link', { name: 'Walk the coast path' }).click();
    await expect(kim.getByLabel('Title')).toHaveValue('Walk the coast path');
    await expect(kim.getByTestId('goal-progress')).toHaveText('1 of 2 done');
    await expect
      .poll(() => kim.getByTestId('step-row').locator('.step-row__title').allTextContents())
      .toEqual(['Book the cottage', 'Buy boots']);
    await expect(kim.getByRole('checkbox', { name: 'Buy boots', exact: true })).toBeChecked();
    await expect(kim.getByRole('checkbox', { name: 'Book the cottage', exact: true })).not.toBeChecked();
    await expect(kim.getByLabel('Owner of “Book the cottage”').locator('option:checked')).toHaveText('Me');
    await expect(kim.getByLabel('Owner of “Buy boots”').locator('option:checked')).toHaveText('Both of us');

    await Promise.all([...contexts, fresh].map((context) => context.close()));
  });

  test('a download that cannot start says so in the app; once online, the file holds the partner’s letter', async ({
    browser,
    app,
  }, testInfo) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await sendLetter(sam, app.url, 'For Alex', 'Thank you for listening last night.');
    await openSettings(alex, app.url);

    // Offline: no broken file, no download at all, and a sentence saying what happened.
    let downloads = 0;
    alex.on('download', () => downloads++);
    await contexts[0]!.setOffline(true);
    await alex.getByRole('button', { name: 'Download to read (Markdown)' }).click();
    await expect(alex.getByRole('alert').filter({ hasText: 'The download did not start.' })).toContainText(
      'could not reach Twofold',
    );
    expect(downloads).toBe(0);
    for (const width of [390, 1280]) {
      await alex.setViewportSize({ width, height: 900 });
      await alex.screenshot({ path: testInfo.outputPath(`export-offline-${width}.png`), fullPage: true });
    }

    await contexts[0]!.setOffline(false);
    const [download] = await Promise.all([
      alex.waitForEvent('download'),
      alex.getByRole('button', { name: 'Download to read (Markdown)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('twofold-alex-sam.md');
    const file = join(testInfo.outputDir, 'export.md');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain('Thank you for listening last night.');
    await expect(alex.getByText('The download did not start.')).toHaveCount(0);

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a couple starting again in a new space both see who wrote each imported boundary and goal', async ({
    browser,
    app,
  }, testInfo) => {
    // Two couples, four browser pages, an export and an import: longer than one couple's spec.
    test.setTimeout(240_000);
    const first = await pairCouple(browser, app.url);
    await startFromTemplate(first.sam, 'Money decisions');
    await expect(syncStatus(first.sam)).toHaveText('Synced');
    await planGoal(first.alex, 'Walk the coast path', ['Book the cottage', 'Buy boots']);
    await openSettings(first.alex, app.url);
    const [download] = await Promise.all([
      first.alex.waitForEvent('download'),
      first.alex.getByRole('button', { name: 'Download to import (JSON)' }).click(),
    ]);
    const file = join(testInfo.outputDir, 'export.json');
    await download.saveAs(file);

    // The same two people, with new accounts, in a new space. Sam watches the boundaries.
    const again = await pairCouple(browser, app.url, 'Starting again');
    await again.sam.getByRole('link', { name: 'Boundaries' }).click();
    await expect(again.sam.getByRole('button', { name: 'Write your first boundary' })).toBeVisible();
    await openSettings(again.alex, app.url);
    await again.alex.getByLabel('Twofold export file').setInputFiles(file);
    await again.alex.getByRole('button', { name: 'Add to this space' }).click();
    await expect(again.alex.getByTestId('import-done')).toBeVisible();

    // Sam sees the boundary arrive live, as Sam's own words, brought in by an import.
    const samsRow = again.sam.getByTestId('boundary-row').filter({ hasText: 'Money decisions' });
    await expect(samsRow).toContainText('Written by you, imported');
    await expect(samsRow).toContainText('Last changed by you');
    await again.alex.goto(`${app.url}/spaces/${spaceIdOf(again.alex)}/boundaries`);
    const alexsRow = again.alex.getByTestId('boundary-row').filter({ hasText: 'Money decisions' });
    await expect(alexsRow).toContainText('Written by Sam, imported');
    await expect(alexsRow).toContainText('Last changed by Sam');

    // The goal is Alex's, and the step that was Sam's is Sam's again.
    for (const [page, writer] of [
      [again.alex, 'you'],
      [again.sam, 'Alex'],
    ] as const) {
      await page.goto(`${app.url}/spaces/${spaceIdOf(page)}/goals`);
      await expect(page.getByTestId('goal-card')).toContainText(`Written by ${writer}, imported`);
    }
    await again.alex.getByTestId('goal-card').getByRole('link', { name: 'Walk the coast path' }).click();
    await expect(again.alex.getByLabel('Owner of “Book the cottage”').locator('option:checked')).toHaveText(
      'Sam',
    );

    await Promise.all([...first.contexts, ...again.contexts].map((context) => context.close()));
  });

  test('the counsellor copy prints only what was chosen, one item to a page, without the app around it', async ({
    browser,
    app,
  }, testInfo) => {
    const { alex, contexts } = await pairCouple(browser, app.url);
    await planGoal(alex, 'Walk the coast path', ['Book the cottage', 'Buy boots']);
    await alex.goto(`${app.url}/spaces/${spaceIdOf(alex)}`);
    await startFromTemplate(alex, 'Phones and privacy');
    await alex.getByRole('link', { name: 'All boundaries' }).click();
    await alex.getByRole('button', { name: 'New boundary' }).click();
    await alex.getByRole('button', { name: 'Start from “Money decisions”' }).click();
    await sendLetter(alex, app.url, 'A letter to keep', 'Words for the counsellor.');

    await openSettings(alex, app.url);
    await alex.getByRole('link', { name: 'Choose what to print' }).click();
    await expect(alex.getByRole('heading', { level: 1, name: 'For a counsellor' })).toBeVisible();
    const doc = alex.getByTestId('print-doc');
    await expect(doc.locator('.print-item')).toHaveCount(2);
    await alex.getByRole('checkbox', { name: /Money decisions/ }).uncheck();
    await alex.getByRole('checkbox', { name: /A letter to keep/ }).check();
    await expect(doc.locator('.print-item')).toHaveCount(2);
    await expect(doc).toContainText('Phones and privacy');
    await expect(doc).toContainText('From Alex, sent on');
    await expect(doc).not.toContainText('Money decisions');
    await expect(doc).not.toContainText('Walk the coast path');
    await alex.getByRole('checkbox', { name: 'Walk the coast path (in the plan)' }).check();
    const goal = doc.locator('.print-item').filter({ hasText: 'Walk the coast path' });
    await expect(goal).toContainText('Started by Alex on');
    await expect(goal).toContainText('Steps · 1 of 2 done');
    await expect(goal.getByRole('listitem')).toHaveText([
      /Not done: Book the cottageSam$/,
      /Done: Buy boots.*Both of us · done by Alex on/,
    ]);

    await alex.emulateMedia({ media: 'print' });
    await expect(alex.locator('.header')).toBeHidden();
    await expect(alex.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    const pdf = await alex.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBe(3);
    await testInfo.attach('counsellor.pdf', { body: pdf, contentType: 'application/pdf' });

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a partner leaves while the other watches the space become theirs alone', async ({ browser, app }) => {
    const { alex, sam, contexts, spaceName } = await pairCouple(browser, app.url);
    await startFromTemplate(sam, 'Time with friends');
    await alex.goto(`${app.url}/spaces/${spaceIdOf(sam)}`);
    await expect(alex.getByTestId('partner-presence')).toContainText('Sam');

    await openSettings(sam, app.url);
    await expect(
      sam.getByText('Letters you sealed that Alex has not opened yet are withdrawn.'),
    ).toBeVisible();
    await sam.getByRole('button', { name: 'Leave this space…' }).click();
    await sam.getByRole('dialog').getByRole('button', { name: 'Leave this space' }).click();

    // Sam is told what happened and what next, with no space; Alex is told, without reloading.
    await expect(sam.getByRole('heading', { level: 1, name: 'You have left “Alex & Sam”' })).toBeVisible();
    await expect(sam.getByText('What you shared stays with Alex')).toBeVisible();
    await sam.getByRole('link', { name: 'Make a new space' }).click();
    await expect(sam.getByLabel('Name of your space')).toBeVisible();
    await expect(alex.getByTestId('partner-left')).toContainText('Sam left this space');
    await expect(alex.getByRole('button', { name: 'Invite your partner' })).toBeVisible();
    await alex.getByRole('link', { name: 'Boundaries' }).click();
    await expect(alex.getByRole('link', { name: 'Time with friends' })).toBeVisible();

    // Sam cannot open the space any more.
    await sam.goto(`${app.url}/spaces/${spaceIdOf(alex)}`);
    await expect(sam.getByText('This space is not available')).toBeVisible();
    expect(spaceName).toBe('Alex & Sam');

    await Promise.all(contexts.map((context) => context.close()));
  });
});
