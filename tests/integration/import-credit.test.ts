import {
  createBoundary,
  createGoal,
  importIntoDocs,
  privateNotesFragment,
  spaceExportSchema,
  spaceSchema,
  writePlainParagraphs,
  type SpaceExport,
} from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createSpace, pairUp, signUp, type SignedUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Writes through a real sync client and waits until the server has it. */
async function write(client: SyncClient, change: () => void): Promise<void> {
  await client.synced();
  change();
  await waitFor(() => client.provider.synced && client.provider.wsconnected, { message: 'written' });
}

/** The export the server gives this person, once it holds what `ready` looks for. */
async function exportOf(spaceId: string, who: SignedUp, ready: (text: string) => boolean) {
  let data: SpaceExport | null = null;
  await waitFor(
    async () => {
      const reply = await call(server.url, 'GET', `/api/spaces/${spaceId}/export`, { cookie: who.cookie });
      if (!ready(reply.text)) return false;
      data = spaceExportSchema.parse(reply.body);
      return true;
    },
    { message: 'the export holds the stored words' },
  );
  if (!data) throw new Error('no export');
  return data as SpaceExport;
}

/** Brings an export into a space as `who` would from the settings page, through real sync clients. */
async function importAs(who: SignedUp, spaceId: string, data: SpaceExport): Promise<void> {
  const me = (await call(server.url, 'GET', '/api/me', { cookie: who.cookie })).body as { spaces: unknown[] };
  const members = me.spaces.map((s) => spaceSchema.parse(s)).find((s) => s.id === spaceId)?.members ?? [];
  const shared = connect(server.url, spaceId, who.cookie);
  const mine = connect(server.url, spaceId, who.cookie, { private: true });
  await mine.synced();
  await write(shared, () => {
    importIntoDocs({
      shared: shared.doc,
      private: mine.doc,
      data,
      userId: who.id,
      members,
      now: Date.now(),
      newId: () => crypto.randomUUID(),
    });
  });
  await waitFor(() => mine.provider.synced, { message: 'private written' });
  shared.destroy();
  mine.destroy();
}

describe('importing boundaries and goals', () => {
  /** Alex writes a boundary and a private note, Sam suggests a goal; Alex exports. */
  async function alexsExport() {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const alexShared = connect(server.url, spaceId, alex.cookie);
    const alexPrivate = connect(server.url, spaceId, alex.cookie, { private: true });
    const samShared = connect(server.url, spaceId, sam.cookie);
    await write(alexShared, () => {
      createBoundary(alexShared.doc, {
        id: 'b1',
        title: 'Phones and privacy',
        category: 'privacy',
        text: { meaning: ['We ask before we look.'] },
        userId: alex.id,
        now: Date.UTC(2026, 0, 5),
      });
    });
    await write(alexPrivate, () =>
      writePlainParagraphs(privateNotesFragment(alexPrivate.doc), ['Alex alone']),
    );
    await write(samShared, () => {
      createGoal(samShared.doc, {
        id: 'g1',
        title: 'Learn to cook together',
        horizon: 'someday',
        proposed: true,
        userId: sam.id,
        now: Date.UTC(2026, 1, 1),
      });
    });
    const data = await exportOf(
      spaceId,
      alex,
      (text) =>
        text.includes('Learn to cook') && text.includes('We ask before') && text.includes('Alex alone'),
    );
    for (const client of [alexShared, alexPrivate, samShared]) client.destroy();
    return data;
  }

  it('keeps who wrote each one and when, marked imported, when the couple starts again in a new space', async () => {
    const data = await alexsExport();
    expect(data.boundaries[0]).toMatchObject({ createdByName: 'Alex', updatedByName: 'Alex' });

    // The same two people, with new accounts, in a new space: matched by name.
    const again = await pairUp(server.url);
    await importAs(again.alex, again.spaceId, data);

    const samSees = await exportOf(again.spaceId, again.sam, (text) => text.includes('Learn to cook'));
    expect(samSees.boundaries).toMatchObject([
      {
        content: { title: 'Phones and privacy' },
        status: 'Draft',
        createdAt: Date.UTC(2026, 0, 5),
        createdBy: again.alex.id,
        createdByName: 'Alex',
      },
    ]);
    expect(samSees.goals).toMatchObject([
      {
        title: 'Learn to cook together',
        status: 'proposed',
        createdBy: again.sam.id,
        createdByName: 'Sam',
        proposedBy: again.sam.id,
        createdAt: Date.UTC(2026, 1, 1),
      },
    ]);
    // A new account is not the exporter's: the old account's private notes stay out.
    expect(JSON.stringify(samSees)).not.toContain('Alex alone');
    const alexSees = await exportOf(again.spaceId, again.alex, () => true);
    expect(alexSees.privateNotes).toBe('');
  });

  it('never credits an import to the importer as their own words when the writer is not here', async () => {
    const data = await alexsExport();
    const kim = await signUp(server.url, 'Kim');
    const spaceId = await createSpace(server.url, kim.cookie, 'Starting again');
    await importAs(kim, spaceId, data);

    const kimSees = await exportOf(spaceId, kim, (text) => text.includes('Learn to cook'));
    // Kept under Kim (the only member), under the name it came with.
    expect(kimSees.boundaries).toMatchObject([{ createdBy: kim.id, createdByName: 'Alex' }]);
    expect(kimSees.goals).toMatchObject([{ createdBy: kim.id, createdByName: 'Sam', proposedBy: kim.id }]);
    expect(kimSees.privateNotes).toBe('');
  });
});
