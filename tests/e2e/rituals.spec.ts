import type { Browser, Page } from '@playwright/test';
import { logIn, openSection, pairCouple, tabDrafts } from './support/flows.ts';
import { seedCheckinWeeks, whoAndWhere } from './support/seed-checkins.ts';
import { expect, test } from './fixtures.ts';

/** A couple paired by `pairCouple`, both on this week's check-in. */
async function coupleOnCheckin(browser: Browser, baseUrl: string) {
  const couple = await pairCouple(browser, baseUrl);
  await openSection(couple.alex, 'Weekly check-in', 'Weekly check-in');
  await openSection(couple.sam, 'Weekly check-in', 'Weekly check-in');
  return couple;
}

async function answerCheckin(page: Page, words: string, safe: string): Promise<void> {
  await page.getByLabel('What I appreciated about you this week').fill(`${words}: thank you for listening`);
  await page.getByLabel('What went well').fill(`${words}: our Sunday walk`);
  await page.getByLabel('What was hard').fill(`${words}: the phone call on Tuesday`);
  await page.getByLabel('What I need next week').fill(`${words}: an evening without screens`);
  await page.getByLabel('How safe I felt').fill(safe);
  await page.getByRole('button', { name: 'Hand in my check-in' }).click();
}

test.describe('rituals', () => {
  test('a weekly check-in: answered privately, the partner sees only that it is answered, then both open together', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await coupleOnCheckin(browser, app.url);

    await answerCheckin(alex, 'Alex-words', '7');
    await expect(alex.getByTestId('checkin-status')).toContainText('Your answers are in');
    await expect(alex.getByRole('article', { name: 'Your answers' })).toContainText(
      'Alex-words: our Sunday walk',
    );

    // Sam's screen updates by itself: Alex has answered, but none of Alex's words are here.
    await expect(sam.getByTestId('checkin-status')).toContainText('Alex has answered');
    await expect(sam.getByText(/Alex-words/)).toHaveCount(0);
    expect(await sam.content()).not.toContain('Alex-words');

    await answerCheckin(sam, 'Sam-words', '4');
    for (const page of [alex, sam]) {
      await expect(page.getByTestId('checkin-status')).toContainText('You have both answered');
      await expect(page.getByRole('article', { name: 'Your answers' })).toBeVisible();
    }
    await expect(alex.getByRole('article', { name: 'Sam’s answers' })).toContainText(
      'Sam-words: an evening without screens',
    );
    await expect(sam.getByRole('article', { name: 'Alex’s answers' })).toContainText(
      'Alex-words: the phone call on Tuesday',
    );
    await expect(sam.getByRole('article', { name: 'Alex’s answers' })).toContainText('7');

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a check-in handed in offline keeps every answer on the form; handed in again online, Sam sees it', async ({
    browser,
    app,
  }, testInfo) => {
    const { alex, sam, contexts } = await coupleOnCheckin(browser, app.url);

    // Handing in fails offline, and so does asking for this week again afterwards: the form and
    // everything typed into it stay, with a quiet note, instead of an error in their place.
    await contexts[0]!.setOffline(true);
    await answerCheckin(alex, 'Alex-words', '7');
    await expect(alex.getByRole('alert').filter({ hasText: 'could not reach Twofold' })).toBeVisible();
    await expect(alex.getByText('Twofold could not be reached just now')).toBeVisible({ timeout: 15_000 });
    await expect(alex.getByText('This week’s check-in could not be loaded')).toHaveCount(0);
    await expect(alex.getByLabel('What went well')).toHaveValue('Alex-words: our Sunday walk');
    await expect(alex.getByLabel('What was hard')).toHaveValue('Alex-words: the phone call on Tuesday');
    await expect(alex.getByLabel('How safe I felt')).toHaveValue('7');
    await expect(sam.getByTestId('checkin-status')).not.toContainText('Alex has answered');
    for (const width of [390, 1280]) {
      await alex.setViewportSize({ width, height: 900 });
      await alex.screenshot({ path: testInfo.outputPath(`checkin-offline-${width}.png`), fullPage: true });
    }

    await contexts[0]!.setOffline(false);
    await alex.getByRole('button', { name: 'Hand in my check-in' }).click();
    await expect(alex.getByTestId('checkin-status')).toContainText('Your answers are in');
    await expect(alex.getByRole('article', { name: 'Your answers' })).toContainText(
      'Alex-words: our Sunday walk',
    );
    await expect(sam.getByTestId('checkin-status')).toContainText('Alex has answered');
    // Handed in, the tab keeps no draft of it.
    expect(await tabDrafts(alex)).toEqual([]);

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a check-in being written survives a reload of the tab, reaches nobody until handed in, and signing out forgets it', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await coupleOnCheckin(browser, app.url);
    await alex.getByLabel('What was hard').fill('Half-written: the phone call on Tuesday');
    await alex.getByLabel('How connected I felt').fill('3');

    // A reload (or a phone discarding the tab in the background) keeps what was written.
    await alex.reload();
    await expect(alex.getByLabel('What was hard')).toHaveValue('Half-written: the phone call on Tuesday');
    await expect(alex.getByLabel('How connected I felt')).toHaveValue('3');
    await expect(sam.getByTestId('checkin-status')).not.toContainText('Alex has answered');
    expect(await sam.content()).not.toContain('Half-written');

    // A score the slider cannot hold (kept by another version of the app, say) is not taken
    // back; the words beside it are.
    expect(await tabDrafts(alex)).toHaveLength(1);
    await alex.evaluate(
      (key) => {
        const kept = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>;
        sessionStorage.setItem(key, JSON.stringify({ ...kept, safe: 99, trusting: 2.5 }));
      },
      (await tabDrafts(alex))[0]!,
    );
    await alex.reload();
    await expect(alex.getByLabel('What was hard')).toHaveValue('Half-written: the phone call on Tuesday');
    await expect(alex.getByLabel('How safe I felt')).toHaveValue('5');
    await expect(alex.getByLabel('How trusting I felt')).toHaveValue('5');
    await expect(alex.getByLabel('How connected I felt')).toHaveValue('3');

    // Signing out drops it from the tab: the next person on this computer finds nothing.
    await alex.getByRole('button', { name: 'Log out' }).click();
    await expect(alex.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeVisible();
    expect(await tabDrafts(alex)).toEqual([]);

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('words left unsent are never shown to whoever signs in next in the tab, however the session ended', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts, people } = await coupleOnCheckin(browser, app.url);
    await alex.getByLabel('What was hard').fill('ALEX-UNSENT: the phone call on Tuesday');
    await expect.poll(() => tabDrafts(alex)).toHaveLength(1);

    // Alex's session ends without the Log out button (expired, or signed out from another
    // device); Sam then signs in on this same tab.
    await contexts[0]!.clearCookies();
    await alex.reload();
    await expect(alex).toHaveURL(/\/login/);
    expect(await tabDrafts(alex)).toEqual([]);
    await logIn(alex, app.url, people.sam);
    await expect(alex.getByRole('heading', { level: 1, name: 'Alex & Sam', exact: true })).toBeVisible();
    await openSection(alex, 'Weekly check-in', 'Weekly check-in');
    await expect(alex.getByLabel('What was hard')).toHaveValue('');
    expect(await alex.content()).not.toContain('ALEX-UNSENT');
    await expect(sam.getByTestId('checkin-status')).not.toContainText('Alex has answered');

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a check-in handed in while asking again fails shows the answers as in, and another tab drops its draft', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await coupleOnCheckin(browser, app.url);
    // Alex has the check-in open in a second tab too, with words of its own in it.
    const otherTab = await contexts[0]!.newPage();
    await otherTab.goto(alex.url());
    await otherTab.getByLabel('What went well').fill('OTHER-TAB: the dinner');
    await expect.poll(() => tabDrafts(otherTab)).toHaveLength(1);

    // Handing in succeeds, but asking for the week again after it is refused.
    const current = /\/api\/spaces\/[^/]+\/checkins\/current$/;
    await alex.route(current, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'restarting' })
        : route.fallback(),
    );
    await answerCheckin(alex, 'Alex-words', '6');
    await expect(alex.getByTestId('checkin-status')).toContainText('Your answers are in');
    await expect(alex.getByRole('button', { name: 'Hand in my check-in' })).toHaveCount(0);
    expect(await tabDrafts(alex)).toEqual([]);
    await expect(sam.getByTestId('checkin-status')).toContainText('Alex has answered');

    // The other tab hears of it and lets its draft go: there is nothing left to hand in.
    await expect(otherTab.getByTestId('checkin-status')).toContainText('Your answers are in');
    await expect.poll(() => tabDrafts(otherTab)).toEqual([]);
    await alex.unroute(current);

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('the check-in day changes only when both agree, and never opens a second check-in the same week', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await coupleOnCheckin(browser, app.url);
    await answerCheckin(alex, 'Alex-words', '7');
    await answerCheckin(sam, 'Sam-words', '5');
    for (const page of [alex, sam]) {
      await expect(page.getByTestId('checkin-status')).toContainText('You have both answered');
    }

    // Today's weekday (the server counts days in UTC), unless today is already the day in force.
    const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const today = new Date().getUTCDay();
    const day = WEEKDAYS[today === 0 ? 6 : today]!;
    const before = await alex.getByTestId('checkin-day').textContent();

    await alex.getByLabel('Check-in day').selectOption(day);
    await alex.getByRole('button', { name: `Ask Sam about ${day}` }).click();
    await expect(alex.getByTestId('checkin-day-proposal')).toContainText(
      `You asked to move your check-ins to ${day}. They move once Sam agrees.`,
    );
    // Nothing changes until Sam agrees; Sam sees the request live.
    await expect(sam.getByTestId('checkin-day-proposal')).toContainText(
      `Alex would like your check-ins to begin on ${day}.`,
    );
    await expect(alex.getByTestId('checkin-day')).toHaveText(before ?? '');
    await expect(alex.getByRole('button', { name: `Agree to ${day}` })).toHaveCount(0);

    await sam.getByRole('button', { name: `Agree to ${day}` }).click();
    for (const page of [alex, sam]) {
      await expect(page.getByTestId('checkin-day-proposal')).toHaveCount(0);
      // The week they both answered stays theirs: the new day begins after it, not today.
      await expect(page.getByTestId('checkin-day')).toContainText(new RegExp(`they begin on ${day}\\.`));
      await expect(page.getByTestId('checkin-status')).toContainText('You have both answered');
      await expect(page.getByRole('button', { name: 'Hand in my check-in' })).toHaveCount(0);
    }

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('a promise made by Alex is confirmed kept by Sam; Alex has no way to confirm their own', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(alex, 'Promises', 'Promises');
    await openSection(sam, 'Promises', 'Promises');
    await expect(sam.getByText('No promises yet')).toBeVisible();

    await alex.getByLabel('I promise…').fill('I will text when I am running late this week');
    await alex.getByRole('button', { name: 'Make this promise' }).click();

    const onAlex = alex.getByRole('article', { name: /I will text when I am running late/ });
    const onSam = sam.getByRole('article', { name: /I will text when I am running late/ });
    await expect(onAlex).toBeVisible();
    await expect(onSam).toContainText('Alex promised');
    await expect(onAlex.getByRole('button', { name: /kept this/ })).toHaveCount(0);
    await expect(onAlex.getByRole('button', { name: 'I didn’t manage this one' })).toBeVisible();
    await expect(onSam.getByRole('button', { name: 'I didn’t manage this one' })).toHaveCount(0);

    await onSam.getByRole('button', { name: 'Alex kept this' }).click();
    await expect(onSam.getByTestId('promise-outcome')).toContainText('Kept · confirmed by you');
    await expect(onAlex.getByTestId('promise-outcome')).toContainText('Kept · confirmed by Sam');
    await expect(onAlex.getByRole('button')).toHaveCount(0);

    // The kept promise is a small win on the timeline, for both.
    for (const [page, who] of [
      [alex, 'You'],
      [sam, 'Alex'],
    ] as const) {
      await page.getByRole('link', { name: 'Alex & Sam' }).first().click();
      await openSection(page, 'Small wins', 'Small wins');
      await expect(page.getByTestId('wins-timeline')).toContainText(`${who} kept a promise`);
      await expect(page.getByTestId('wins-timeline')).toContainText(
        'I will text when I am running late this week',
      );
    }

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('an appreciation appears live on the partner’s screen, and their heart shows back', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    await openSection(alex, 'Appreciations', 'Appreciations');
    await expect(sam.getByTestId('latest-appreciation')).toHaveCount(0);

    await alex.getByLabel('I appreciated…').fill('you asking about my day and really listening');
    await alex.getByRole('button', { name: 'Send to Sam' }).click();
    await expect(alex.getByRole('article', { name: 'Appreciation from You' })).toContainText(
      'really listening',
    );

    // Sam, still on the space home, sees it arrive without reloading.
    await expect(sam.getByTestId('latest-appreciation')).toContainText(
      'Alex appreciated: you asking about my day',
    );

    // On any other page of the space, a new one arrives as a quiet notice.
    await openSection(sam, 'Weekly check-in', 'Weekly check-in');
    await alex.getByLabel('I appreciated…').fill('the walk after dinner');
    await alex.getByRole('button', { name: 'Send to Sam' }).click();
    const notice = sam.getByTestId('appreciation-arrival');
    await expect(notice).toContainText('Alex appreciated: the walk after dinner');
    await notice.getByRole('link', { name: 'Open' }).click();
    await expect(sam.getByRole('heading', { level: 1, name: 'Appreciations' })).toBeVisible();
    await expect(notice).toHaveCount(0);

    const received = sam
      .getByRole('article', { name: 'Appreciation from Alex' })
      .filter({ hasText: 'really listening' });
    await expect(received).toContainText('really listening');
    await expect(alex.getByRole('button', { name: 'Send a heart' })).toHaveCount(0);
    await received.getByRole('button', { name: 'Send a heart' }).click();
    await expect(received.getByTestId('appreciation-heart')).toContainText('You sent a heart');
    await expect(
      alex
        .getByRole('article', { name: 'Appreciation from You' })
        .filter({ hasText: 'really listening' })
        .getByTestId('appreciation-heart'),
    ).toContainText('Sam sent a heart');

    await Promise.all(contexts.map((context) => context.close()));
  });

  test('the trend chart draws seeded weeks for its owner, and the partner sees it only once shared', async ({
    browser,
    app,
  }) => {
    const { alex, sam, contexts } = await pairCouple(browser, app.url);
    const a = await whoAndWhere(alex, app.url);
    const b = await whoAndWhere(sam, app.url);
    seedCheckinWeeks(app.dataDir, a.spaceId, [a.userId, b.userId], 12);

    await openSection(alex, 'Weekly check-in', 'Weekly check-in');
    await openSection(sam, 'Weekly check-in', 'Weekly check-in');
    const alexChart = alex.getByRole('figure', { name: 'Your weeks' });
    await expect(alexChart.locator('.recharts-line')).toHaveCount(3);
    await expect(alexChart.getByRole('table')).toContainText('Safe');
    await expect(alex.getByRole('figure', { name: /Sam’s weeks/ })).toHaveCount(0);

    await sam.getByLabel('Show my trend to Alex').check();
    const shared = alex.getByRole('figure', { name: 'Sam’s weeks, shared with you' });
    await expect(shared.locator('.recharts-line')).toHaveCount(3);

    await sam.getByLabel('Show my trend to Alex').uncheck();
    await expect(alex.getByRole('figure', { name: /Sam’s weeks/ })).toHaveCount(0);

    await Promise.all(contexts.map((context) => context.close()));
  });
});
