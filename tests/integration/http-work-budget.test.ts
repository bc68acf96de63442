import { historyPageSchema } from '@twofold/shared';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docKey } from '../../server/src/sync/rooms.ts';
import { call, expectError, pairUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

/**
 * HTTP requests that cost the main thread for a document are charged to the account that
 * asks, as its sockets' messages are (sync/account-limits.ts): a history page merges every row
 * older than itself into its base (store/history-base.ts), an export replays both documents
 * (exports/read-doc.ts). (The first copy's charge: first-copy.test.ts.) The budget here never
 * refills, so nothing depends on how fast the machine is.
 */
const t = createTestApp({ syncWorkMsPerSecond: 0, syncWorkBurstMs: 200 });
afterAll(() => t.close());

/** 2,000 small rows, as a room appends them between two compactions at the most (sync/room.ts). */
function writeLongLog(key: string, author: string) {
  const doc = new Y.Doc();
  const text = doc.getText('letter');
  for (let i = 0; i < 2_000; i++) {
    const before = Y.encodeStateVector(doc);
    text.insert(text.length, 'a');
    t.stores.docLog.append(key, Y.encodeStateAsUpdate(doc, before), { author, device: '', at: i });
  }
}

/** GETs `path` as `cookie` until it is refused (at most `tries` times); what was served and refused. */
async function untilRefused(path: string, cookie: string, tries: number) {
  let served = 0;
  for (let i = 0; i < tries; i++) {
    const reply = await call(t.app, 'GET', path, { cookie });
    if (reply.status !== 200) return { served, refused: reply };
    served++;
  }
  return { served, refused: undefined };
}

describe('a history page', () => {
  it('is work charged to the account: once its budget is spent, pages are refused (429)', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    // No snapshot yet: every page's base merges all the rows before it (about 100 ms here).
    writeLongLog(docKey.shared(spaceId), alex.id);
    const page = await call(t.app, 'GET', `/api/spaces/${spaceId}/history?doc=shared&limit=20`, {
      cookie: alex.cookie,
    });
    expect(historyPageSchema.parse(page.body).base).not.toBe('');

    const { served, refused } = await untilRefused(
      `/api/spaces/${spaceId}/history?doc=shared&limit=20`,
      alex.cookie,
      100,
    );
    expect(refused, `refused after ${served} more pages`).toBeDefined();
    expectError(refused!, 429, 'rate_limited');
  });
});

describe('an export', () => {
  it('is work charged to the account: once its budget is spent, exports are refused (429)', async () => {
    const { sam, spaceId } = await pairUp(t.app);
    writeLongLog(docKey.shared(spaceId), sam.id);
    const { served, refused } = await untilRefused(`/api/spaces/${spaceId}/export`, sam.cookie, 500);
    expect(served).toBeGreaterThan(0);
    expect(refused, `refused after ${served} exports`).toBeDefined();
    expectError(refused!, 429, 'rate_limited');
  });
});
