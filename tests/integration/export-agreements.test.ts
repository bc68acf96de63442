import {
  boundaryContent,
  boundaryHash,
  boundariesMap,
  createBoundary,
  readBoundaries,
  recordAgreedVersion,
  spaceExportSchema,
  type Boundary,
} from '@twofold/shared';
import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, pairUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function write(client: SyncClient, change: () => void): Promise<void> {
  await client.synced();
  change();
  await waitFor(() => client.provider.synced && client.provider.wsconnected, { message: 'written' });
}

function boundaryIn(doc: Y.Doc): Boundary {
  const entry = readBoundaries(doc).find((e) => e.id === 'b1');
  if (!entry?.readable) throw new Error('b1 is not readable');
  return entry;
}

const sign = (spaceId: string, cookie: string, contentHash: string) =>
  call(server.url, 'POST', `/api/spaces/${spaceId}/attestations`, {
    cookie,
    json: { subjectType: 'boundary', subjectId: 'b1', kind: 'agree', contentHash },
  });

describe('agreements in the export', () => {
  it('does not present a version pushed into the document without signatures as agreed', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const shared = connect(server.url, spaceId, sam.cookie);
    await write(shared, () =>
      createBoundary(shared.doc, {
        id: 'b1',
        title: 'Phones',
        category: 'privacy',
        text: { meaning: ['I will never read your phone without asking.'] },
        userId: alex.id,
        now: Date.now(),
      }),
    );
    const content = boundaryContent(boundaryIn(shared.doc));
    const hash = await boundaryHash(content);
    // Only Sam signs; Sam's client then writes an "agreed" version nobody but Sam signed.
    expect((await sign(spaceId, sam.cookie, hash)).status).toBe(201);
    await write(shared, () =>
      recordAgreedVersion(shared.doc, { id: 'b1', version: { hash, content, agreedAt: Date.now() } }),
    );
    expect(boundariesMap(shared.doc).size).toBe(1);

    const exportOf = async () => {
      const json = await call(server.url, 'GET', `/api/spaces/${spaceId}/export`, { cookie: alex.cookie });
      const markdown = await call(server.url, 'GET', `/api/spaces/${spaceId}/export?format=markdown`, {
        cookie: alex.cookie,
      });
      return { json: spaceExportSchema.parse(json.body), markdown: markdown.text };
    };
    const forged = await exportOf();
    expect(forged.json.boundaries[0]?.versions).toEqual([]);
    expect(forged.markdown).toContain('### Phones');
    expect(forged.markdown).not.toContain('Agreed by both');

    // Once Alex signs too, the same version is genuine and the export says so.
    expect((await sign(spaceId, alex.cookie, hash)).status).toBe(201);
    const genuine = await exportOf();
    expect(genuine.json.boundaries[0]?.versions.map((v) => v.hash)).toEqual([hash]);
    expect(genuine.markdown).toContain('Agreed by both: version 1');
    shared.destroy();
  });
});
