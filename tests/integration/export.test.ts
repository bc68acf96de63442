import {
  addStep,
  BOTH_OWNERS,
  createBoundary,
  createGoal,
  privateNotesFragment,
  createLetterDraft,
  readLetterDrafts,
  setStepDone,
  spaceExportSchema,
  usLetterFragment,
  writePlainParagraphs,
} from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp, signUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DAY = 24 * 60 * 60 * 1000;
const body = (text: string) => ({
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  text,
});

/** Writes through a real sync client and waits until the server has stored it. */
async function write(client: SyncClient, change: () => void): Promise<void> {
  await client.synced();
  change();
  await waitFor(() => client.provider.synced && client.provider.wsconnected, { message: 'written' });
}

describe('export', () => {
  it('gives each partner their words and the shared ones, never the other’s private notes or unrevealed letters', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const alexShared = connect(server.url, spaceId, alex.cookie);
    const alexPrivate = connect(server.url, spaceId, alex.cookie, { private: true });
    const samPrivate = connect(server.url, spaceId, sam.cookie, { private: true });
    await write(alexShared, () => {
      writePlainParagraphs(usLetterFragment(alexShared.doc), ['Trust is a promise kept.']);
      createBoundary(alexShared.doc, {
        id: 'b1',
        title: 'Phones and privacy',
        category: 'privacy',
        text: { meaning: ['We ask before we look.'] },
        userId: alex.id,
        now: Date.now(),
      });
    });
    await write(alexPrivate, () => {
      writePlainParagraphs(privateNotesFragment(alexPrivate.doc), ['Alex alone']);
      createLetterDraft(alexPrivate.doc, { id: 'd1', title: 'Not sent yet', prompt: 'An apology', now: 1 });
      const draft = readLetterDrafts(alexPrivate.doc)[0];
      if (draft?.readable) writePlainParagraphs(draft.body, ['Alex is still writing']);
    });
    await write(samPrivate, () => {
      writePlainParagraphs(privateNotesFragment(samPrivate.doc), ['Sam alone']);
      createLetterDraft(samPrivate.doc, { id: 'd2', title: 'Sam draft', now: 1 });
    });

    const letters = `/api/spaces/${spaceId}/letters`;
    for (const json of [
      { title: 'Open', body: body('You can read this now') },
      {
        title: 'Later',
        body: body('Words for next month'),
        seal: { kind: 'date', opensAt: Date.now() + 30 * DAY },
      },
    ]) {
      expect((await call(server.url, 'POST', letters, { cookie: sam.cookie, json })).status).toBe(201);
    }
    // The server stores each update before it answers the next sync step; give it the round trip.
    await waitFor(
      async () => {
        const reply = await call(server.url, 'GET', `/api/spaces/${spaceId}/export`, { cookie: alex.cookie });
        return reply.text.includes('Alex alone') && reply.text.includes('We ask before we look.');
      },
      { message: 'export has the stored words' },
    );

    const json = await call(server.url, 'GET', `/api/spaces/${spaceId}/export`, { cookie: alex.cookie });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="twofold-alex-sam\.json"/);
    const data = spaceExportSchema.parse(json.body);
    expect(data.account).toMatchObject({ id: alex.id, name: 'Alex' });
    expect(data.usLetter).toBe('Trust is a promise kept.');
    expect(data.boundaries).toMatchObject([
      {
        id: 'b1',
        status: 'Draft',
        content: { title: 'Phones and privacy', meaning: 'We ask before we look.' },
      },
    ]);
    expect(data.privateNotes).toBe('Alex alone');
    expect(data.letterDrafts).toEqual([
      { title: 'Not sent yet', prompt: 'An apology', text: 'Alex is still writing', updatedAt: 1 },
    ]);
    expect(data.letters.map((l) => l.title)).toEqual(['Open']);
    expect(json.text).not.toContain('Sam alone');
    expect(json.text).not.toContain('Words for next month');

    const markdown = await call(server.url, 'GET', `/api/spaces/${spaceId}/export?format=markdown`, {
      cookie: alex.cookie,
    });
    expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(markdown.text).toContain('## What trust means to us');
    expect(markdown.text).toContain('### Phones and privacy');
    expect(markdown.text).toContain('You can read this now');
    expect(markdown.text).toContain('## My unsent letters');
    expect(markdown.text).toContain('Alex is still writing');
    expect(markdown.text).not.toContain('Sam draft');
    expect(markdown.text).not.toContain('Sam alone');
    expect(markdown.text).not.toContain('Words for next month');

    // Sam's export has Sam's notes and Sam's own sealed letter, and not Alex's notes.
    const samExport = await call(server.url, 'GET', `/api/spaces/${spaceId}/export`, { cookie: sam.cookie });
    expect(samExport.text).toContain('Sam alone');
    expect(samExport.text).toContain('Words for next month');
    expect(samExport.text).not.toContain('Alex alone');
    expect(samExport.text).toContain('Sam draft');
    expect(samExport.text).not.toContain('Alex is still writing');

    for (const client of [alexShared, alexPrivate, samPrivate]) client.destroy();
  });

  it('carries shared goals with their why, steps, owners and who ticked what, in JSON and Markdown', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const alexShared = connect(server.url, spaceId, alex.cookie);
    const at = Date.UTC(2026, 10, 20, 12);
    await write(alexShared, () => {
      const doc = alexShared.doc;
      createGoal(doc, {
        id: 'g1',
        title: 'Walk the coast path',
        horizon: 'this-year',
        targetOn: '2027-06-01',
        values: ['adventure', 'health'],
        why: ['Time outdoors, just us.'],
        proposed: false,
        userId: alex.id,
        now: at,
      });
      addStep(doc, {
        goalId: 'g1',
        id: 's1',
        title: 'Book the cottage',
        owner: sam.id,
        dueOn: '2027-03-01',
        userId: alex.id,
        now: at,
      });
      addStep(doc, {
        goalId: 'g1',
        id: 's2',
        title: 'Halfway there',
        kind: 'milestone',
        owner: BOTH_OWNERS,
        userId: alex.id,
        now: at,
      });
      setStepDone(doc, { goalId: 'g1', stepId: 's1', done: true, userId: alex.id, now: at });
      createGoal(doc, {
        id: 'g2',
        title: 'Learn to cook',
        horizon: 'someday',
        proposed: true,
        userId: alex.id,
        now: at,
      });
    });
    await waitFor(
      async () =>
        (
          await call(server.url, 'GET', `/api/spaces/${spaceId}/export`, { cookie: sam.cookie })
        ).text.includes('Learn to cook'),
      { message: 'export has the stored goals' },
    );

    const data = spaceExportSchema.parse(
      (await call(server.url, 'GET', `/api/spaces/${spaceId}/export`, { cookie: sam.cookie })).body,
    );
    expect(data.goals).toMatchObject([
      {
        id: 'g1',
        title: 'Walk the coast path',
        why: 'Time outdoors, just us.',
        horizon: 'this-year',
        targetOn: '2027-06-01',
        values: ['adventure', 'health'],
        status: 'active',
        createdByName: 'Alex',
        steps: [
          {
            title: 'Book the cottage',
            owner: sam.id,
            ownerName: 'Sam',
            dueOn: '2027-03-01',
            done: true,
            doneBy: alex.id,
            doneByName: 'Alex',
            doneAt: at,
          },
          {
            title: 'Halfway there',
            kind: 'milestone',
            owner: BOTH_OWNERS,
            ownerName: 'Both of us',
            done: false,
          },
        ],
      },
      { id: 'g2', status: 'proposed', proposedBy: alex.id, proposedByName: 'Alex', steps: [] },
    ]);

    const markdown = (
      await call(server.url, 'GET', `/api/spaces/${spaceId}/export?format=markdown`, { cookie: sam.cookie })
    ).text;
    const goals = markdown.slice(markdown.indexOf('## Shared goals'), markdown.indexOf('## Letters'));
    expect(goals).toContain('### Walk the coast path');
    expect(goals).toContain('This year · target 2027-06-01 · In our plan.');
    expect(goals).toContain('Values: adventure, health.');
    expect(goals).toContain('Time outdoors, just us.');
    expect(goals).toContain('**Steps** (1 of 2 done)');
    expect(goals).toContain('- [x] Book the cottage · Sam · due 2027-03-01 · done by Alex on 2026-11-20');
    expect(goals).toContain('- [ ] Milestone: Halfway there · Both of us');
    expect(goals).toContain('Suggested by Alex; not yet added to the plan.');

    alexShared.destroy();
  });

  it('refuses an outsider and a bad format', async () => {
    const { alex, spaceId } = await pairUp(server.url);
    const stranger = await signUp(server.url, 'Kim');
    expectError(
      await call(server.url, 'GET', `/api/spaces/${spaceId}/export`, { cookie: stranger.cookie }),
      404,
      'not_found',
    );
    expectError(await call(server.url, 'GET', `/api/spaces/${spaceId}/export`), 401, 'unauthenticated');
    expectError(
      await call(server.url, 'GET', `/api/spaces/${spaceId}/export?format=pdf`, { cookie: alex.cookie }),
      400,
      'invalid_input',
    );
  });
});
