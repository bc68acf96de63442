import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

export interface Person {
  name: string;
  email: string;
  password: string;
}

let counter = 0;
/** A new person with a unique email, so specs never collide on one database. */
export function person(name: string): Person {
  counter += 1;
  return {
    name,
    email: `${name.toLowerCase()}.${Date.now().toString(36)}.${counter}@example.test`,
    password: 'a calm long password',
  };
}

/** Fills the signup form that is on the page (the signup page, or the join page). */
export async function fillSignup(page: Page, who: Person): Promise<void> {
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export async function signUp(page: Page, baseUrl: string, who: Person): Promise<void> {
  await page.goto(`${baseUrl}/signup`);
  await fillSignup(page, who);
}

/** Logs `who` in from the login page. */
export async function logIn(page: Page, baseUrl: string, who: Person): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function createSpace(page: Page, name: string): Promise<void> {
  await page.getByLabel('Name of your space').fill(name);
  await page.getByRole('button', { name: 'Create space' }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

/** Creates an invite from the space home and returns the link to send. */
export async function inviteLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite your partner' }).click();
  const field = page.getByLabel('Invite link');
  await expect(field).toHaveValue(/\/join\//);
  return field.inputValue();
}

export interface Couple {
  alex: Page;
  sam: Page;
  contexts: BrowserContext[];
  spaceName: string;
  /** How each signed up, for a spec that signs one of them in again. */
  people: { alex: Person; sam: Person };
}

/**
 * Two people, two browser contexts: Alex signs up and creates a space, invites Sam, and Sam
 * signs up on the invite link, which joins the space. Both end on the space home.
 */
export async function pairCouple(
  browser: Browser,
  baseUrl: string,
  spaceName = 'Alex & Sam',
): Promise<Couple> {
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [alex, sam] = await Promise.all(contexts.map((context) => context.newPage()));
  if (!alex || !sam) throw new Error('no pages');

  const people = { alex: person('Alex'), sam: person('Sam') };
  await signUp(alex, baseUrl, people.alex);
  await createSpace(alex, spaceName);
  const link = await inviteLink(alex);

  await sam.goto(link);
  await expect(sam.getByText(/Alex invited you/)).toBeVisible();
  // Signing up on the invite joins the space at once: there is no "Join space" click.
  await fillSignup(sam, people.sam);
  // The invitation's own heading ("Alex invited you to join “Alex & Sam”") holds the name too:
  // wait for the space's page itself, and match its heading exactly.
  await expect(sam).toHaveURL(/\/spaces\//);
  await expect(sam.getByRole('heading', { level: 1, name: spaceName, exact: true })).toBeVisible();
  return { alex, sam, contexts, spaceName, people };
}

export function syncStatus(page: Page) {
  return page.getByTestId('sync-status');
}

/**
 * Opens a section from the space home by its link, and waits for it: for `heading`, the page's
 * h1 of that name; without one, the editor named like the link (the us-letter, private notes).
 */
export async function openSection(page: Page, name: string, heading?: string): Promise<void> {
  await page.getByRole('link', { name }).first().click();
  await expect(
    heading === undefined
      ? page.getByRole('textbox', { name })
      : page.getByRole('heading', { level: 1, name: heading }),
  ).toBeVisible();
}

/** The us-letter's name: its link on the space home and its editor's label. */
export const LETTER = 'What trust means to us';

/** A couple paired by `pairCouple`, both on the us-letter, with each partner's editor. */
export async function coupleOnLetter(browser: Browser, baseUrl: string) {
  const couple = await pairCouple(browser, baseUrl);
  await openSection(couple.alex, LETTER);
  await openSection(couple.sam, LETTER);
  return {
    ...couple,
    alexEditor: couple.alex.getByRole('textbox', { name: LETTER }),
    samEditor: couple.sam.getByRole('textbox', { name: LETTER }),
  };
}

/** The keys of the tab drafts (lib/tab-draft.ts) this page's tab keeps in sessionStorage. */
export function tabDrafts(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('twofold:draft:')));
}

/** The words in an editor, without the partner's caret label that sits inside it. */
export function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.innerText;
  });
}

/**
 * Alex again, in a fresh tab of the same browser profile (signed in, the same device data),
 * without the service worker: the worker would answer chunks from its cache, and the specs
 * using this hold or fail chunks on their way from the server. `documents` lists the pages it
 * loaded (a reload shows as a second one).
 */
export async function alexWithoutServiceWorker(browser: Browser, couple: Couple) {
  const state = await couple.contexts[0]!.storageState({ indexedDB: true });
  const context = await browser.newContext({ storageState: state, serviceWorkers: 'block' });
  const page = await context.newPage();
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.resourceType() === 'document') documents.push(request.url());
  });
  return { context, page, documents };
}
