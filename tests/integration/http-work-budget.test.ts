import { BoundaryCategory, createBoundary, historyPageSchema } from '@twofold/shared';
import Database from 'better-sqlite3';
import { createDocLog } from '@twofold/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docKey } from '../../server/src/sync/rooms.ts';
import { call, expectError, pairUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

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

describe('exports asked all at once, over real connections', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ syncWorkMsPerSecond: 0, syncWorkBurstMs: 300 });
  });
  afterAll(() => server.close());

  /** 300 boundaries (each export digests every one: a wait on I/O midway) and 4,000 rows. */
  function seed(key: string, author: string) {
    const db = new Database(server.dbPath);
    try {
      const log = createDocLog(db);
      const doc = new Y.Doc();
      for (let k = 0; k < 300; k++) {
        createBoundary(doc, {
          id: `boundary-${k}`,
          title: 'Phones away at dinner',
          category: BoundaryCategory.communication,
          text: { meaning: ['We eat together.'], why: ['We listen.'], honouring: ['Phones in the hall.'] },
          userId: author,
          now: 1,
        });
      }
      log.append(key, Y.encodeStateAsUpdate(doc), { author, device: '', at: 1 });
      const text = doc.getText('letter');
      db.transaction(() => {
        for (let i = 0; i < 4000; i++) {
          const before = Y.encodeStateVector(doc);
          text.insert(text.length, 'a');
          log.append(key, Y.encodeStateAsUpdate(doc, before), { author, device: '', at: i + 2 });
        }
      })();
    } finally {
      db.close();
    }
  }

  it('take their turns: checked at the start alone, every export in flight passed before the first was charged', async () => {
    const one = await pairUp(server.url);
    const all = await pairUp(server.url);
    seed(docKey.shared(one.spaceId), one.alex.id);
    seed(docKey.shared(all.spaceId), all.alex.id);

    let oneByOne = 0;
    for (let i = 0; i < 100; i++) {
      const reply = await call(server.url, 'GET', `/api/spaces/${one.spaceId}/export`, {
        cookie: one.alex.cookie,
      });
      if (reply.status !== 200) break;
      oneByOne++;
    }
    const replies = await Promise.all(
      Array.from({ length: 40 }, () =>
        call(server.url, 'GET', `/api/spaces/${all.spaceId}/export`, { cookie: all.alex.cookie }),
      ),
    );
    const served = replies.filter((reply) => reply.status === 200).length;
    expect(oneByOne).toBeLessThan(40);
    // A turn's cost varies a little; the budget is the same for both accounts.
    expect(served, `${served} at once against ${oneByOne} one by one`).toBeLessThanOrEqual(oneByOne + 2);
    for (const reply of replies.filter((r) => r.status !== 200)) expectError(reply, 429, 'rate_limited');
  });
});
