import { historyPageSchema } from '@twofold/shared';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docKey } from '../../server/src/sync/rooms.ts';
import { call, expectError, pairUp } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

/**
 * A history page merges every row older than itself into its base (store/history-base.ts):
 * for a long log that is real main-thread time, charged to the account that asks, as its
 * sockets' messages are (sync/account-limits.ts). The budget here never refills, so nothing
 * depends on how fast the machine is.
 */
const t = createTestApp({ syncWorkMsPerSecond: 0, syncWorkBurstMs: 200 });
afterAll(() => t.close());

describe('a history page', () => {
  it('is work charged to the account: once its budget is spent, pages are refused (429)', async () => {
    const { alex, spaceId } = await pairUp(t.app);
    // 2,000 small rows, as a room appends them between two compactions at the most
    // (COMPACT_AFTER_ROWS × COMPACT_OVERDUE_FACTOR, sync/room.ts), with no snapshot yet: every
    // page's base merges all the rows before it (about 100 ms here).
    const key = docKey.shared(spaceId);
    const doc = new Y.Doc();
    const text = doc.getText('letter');
    for (let i = 0; i < 2_000; i++) {
      const before = Y.encodeStateVector(doc);
      text.insert(text.length, 'a');
      t.stores.docLog.append(key, Y.encodeStateAsUpdate(doc, before), { author: alex.id, device: '', at: i });
    }

    let served = 0;
    let refused;
    for (let i = 0; i < 100 && !refused; i++) {
      const reply = await call(t.app, 'GET', `/api/spaces/${spaceId}/history?doc=shared&limit=20`, {
        cookie: alex.cookie,
      });
      if (reply.status === 200) {
        expect(historyPageSchema.parse(reply.body).base).not.toBe('');
        served++;
      } else refused = reply;
    }
    expect(served).toBeGreaterThan(0);
    expect(refused, 'a page refused once the budget was spent').toBeDefined();
    expectError(refused!, 429, 'rate_limited');
  });
});
