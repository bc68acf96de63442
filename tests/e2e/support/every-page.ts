import { expect, type Browser, type Page } from '@playwright/test';
import { pairCouple, type Couple } from './flows.ts';

/** A couple whose space has one of everything, and the address of every page of the app. */
export interface FurnishedSpace extends Couple {
  /** Every route in client/src/app/router.tsx, with real ids filled in (for Alex). */
  pages: { name: string; path: string }[];
  /** The pages that look different from the partner's side (a received letter, a boundary to sign). */
  partnerPages: { name: string; path: string }[];
}

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/**
 * Pairs Alex and Sam and gives their space a boundary, a goal, a draft and a sent letter, so
 * every route (including the ones that take an id) has something real to show. Returns the
 * list of pages a layout or accessibility check should visit; the sign-up, log-in, join and
 * not-found pages need no session and are listed too.
 */
export async function furnishedSpace(browser: Browser, baseUrl: string): Promise<FurnishedSpace> {
  const couple = await pairCouple(browser, baseUrl);
  const { alex } = couple;
  const home = pathOf(alex);

  await alex.getByRole('link', { name: 'Boundaries' }).click();
  await alex.getByRole('button', { name: 'Write your first boundary' }).click();
  await alex.getByRole('button', { name: 'Start from “Phones and privacy”' }).click();
  await expect(alex.getByLabel('Title')).toHaveValue('Phones and privacy');
  const boundary = pathOf(alex);

  await alex.goto(`${baseUrl}${home}/goals`);
  await alex.getByRole('button', { name: 'Plan your first goal' }).click();
  await alex.getByLabel('What would you like to do together?').fill('Walk the coast path');
  await alex.getByLabel('When').selectOption({ label: 'This year' });
  await alex.getByRole('button', { name: 'Create goal' }).click();
  await expect(alex.getByLabel('Title')).toHaveValue('Walk the coast path');
  const goal = pathOf(alex);

  await alex.goto(`${baseUrl}${home}/letters`);
  await alex.getByRole('link', { name: 'Write a letter' }).click();
  await alex.getByRole('button', { name: 'Write “What trust means to me”', exact: true }).click();
  await alex.getByRole('textbox', { name: 'Your letter' }).click();
  await alex.keyboard.type('Trust, to me, is being told the small things.');
  await alex.getByRole('button', { name: 'Send to Sam' }).click();
  await expect(alex.getByTestId('letter-delivery')).toHaveText('Delivered');
  const letter = pathOf(alex);
  await alex.goto(`${baseUrl}${home}/letters`);
  await alex.getByRole('link', { name: 'Write a letter' }).click();
  await alex.getByRole('button', { name: 'Write “A moment I felt fully trusted”', exact: true }).click();
  await alex.getByRole('textbox', { name: 'Your letter' }).click();
  await alex.keyboard.type('A draft, only mine for now.');
  await expect(alex.getByText('Draft — only you can see it until you send it')).toBeVisible();
  const draft = pathOf(alex);

  const pages = [
    { name: 'home', path: '/' },
    { name: 'account', path: '/account' },
    { name: 'help', path: '/help' },
    { name: 'space home', path: home },
    { name: 'us-letter', path: `${home}/us-letter` },
    { name: 'us-letter history', path: `${home}/us-letter/history` },
    { name: 'notes', path: `${home}/notes` },
    { name: 'notes history', path: `${home}/notes/history` },
    { name: 'boundaries', path: `${home}/boundaries` },
    { name: 'boundary', path: boundary },
    { name: 'boundary history', path: `${boundary}/history` },
    { name: 'goals', path: `${home}/goals` },
    { name: 'goal', path: goal },
    { name: 'goal history', path: `${goal}/history` },
    { name: 'letters', path: `${home}/letters` },
    { name: 'new letter', path: `${home}/letters/new` },
    { name: 'draft', path: draft },
    { name: 'draft history', path: `${draft}/history` },
    { name: 'letter', path: letter },
    { name: 'check-ins', path: `${home}/checkins` },
    { name: 'promises', path: `${home}/promises` },
    { name: 'appreciations', path: `${home}/appreciations` },
    { name: 'talks', path: `${home}/talks` },
    { name: 'repair', path: `${home}/repair` },
    { name: 'forgiveness', path: `${home}/forgiveness` },
    { name: 'reassurance', path: `${home}/reassurance` },
    { name: 'journal', path: `${home}/journal` },
    { name: 'wins', path: `${home}/wins` },
    { name: 'settings', path: `${home}/settings` },
    { name: 'print', path: `${home}/print` },
    { name: 'not found', path: '/no-such-page' },
  ];
  const partnerPages = pages.filter((p) =>
    ['space home', 'boundaries', 'boundary', 'letters', 'letter'].includes(p.name),
  );
  return { ...couple, pages, partnerPages };
}

/** The pages a person sees before signing in (visited in a fresh, signed-out context). */
export const SIGNED_OUT_PAGES = [
  { name: 'log in', path: '/login' },
  { name: 'sign up', path: '/signup' },
  { name: 'help (signed out)', path: '/help' },
  { name: 'unknown invite', path: '/join/not-a-real-code' },
  { name: 'forgot password', path: '/forgot-password' },
  { name: 'reset link incomplete', path: '/reset-password' },
  { name: 'confirm link incomplete', path: '/verify-email' },
];

/** Opens a page and waits until it has settled: a heading in its main column, nothing loading. */
export async function visit(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  // A boundary's and a goal's page lead with their editable title, not a heading of level 1.
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}
