import { CloseCode } from '@twofold/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  backOffAfterRefusals,
  MAX_RETRY_MS,
  refusalRetryDelayMs,
} from '../../client/src/lib/yjs/refusal-backoff.ts';
import { statusOf, type SyncStatus } from '../../client/src/lib/yjs/sync-status.ts';
import { SyncTracker } from '../../client/src/lib/yjs/sync-tracker.ts';
import { pairUp } from '../helpers/http.ts';
import { connect, socketClassWith } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const FRAME_LIMIT = 64 * 1024;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ maxFrameBytes: FRAME_LIMIT });
});
afterAll(() => server.close());

it('waits longer after each refusal of an oversized pending change, says so steadily, and never loops on its own', async () => {
  const { alex, sam, spaceId } = await pairUp(server.url);
  // A device wedged before the paste limit existed: its local copy holds an edit larger than
  // the server takes in one frame, loaded (as from IndexedDB) before it connects.
  const doc = new Y.Doc();
  const fromDisk = Symbol('indexeddb');

  const wsBase = server.url.replace(/^http/, 'ws') + `/api/spaces/${spaceId}`;
  const provider = new WebsocketProvider(wsBase, 'sync', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: socketClassWith({ cookie: alex.cookie }) as unknown as typeof globalThis.WebSocket,
  });
  const tracker = new SyncTracker(provider, [fromDisk]);
  const stored = new Y.Doc();
  stored.getText('big').insert(0, 'x'.repeat(FRAME_LIMIT * 2));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored), fromDisk);
  const waits: number[] = [];
  const retries: (() => void)[] = [];
  const backoff = backOffAfterRefusals(provider, tracker, {
    mayConnect: () => true,
    schedule: (run, ms) => {
      waits.push(ms);
      retries.push(run);
      return () => {};
    },
  });
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  const statuses: SyncStatus[] = [];
  tracker.subscribe(() => statuses.push(statusOf(tracker.getState(), true)));
  const partner = connect(server.url, spaceId, sam.cookie);
  try {
    provider.connect();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await waitFor(() => closes.length === attempt, { message: `refusal ${attempt}` });
      expect(closes.at(-1)).toBe(CloseCode.frameTooLarge);
      expect(tracker.getState().refused).toEqual({ code: CloseCode.frameTooLarge, count: attempt });
      // The provider does not reconnect by itself: only the scheduled retry does.
      expect(provider.shouldConnect).toBe(false);
      expect(provider.ws).toBeNull();
      expect(waits).toEqual([2_000, 4_000, 8_000].slice(0, attempt));
      expect(tracker.getState().ended).toBeNull();
      retries.shift()?.();
    }
    // From the first refusal on, every change of state reads the same, steady status.
    const fromFirstRefusal = statuses.slice(statuses.indexOf('refused'));
    expect(new Set(fromFirstRefusal)).toEqual(new Set(['refused']));
    // The couple's room is unharmed: the partner is still connected and synced.
    await partner.synced();
    expect(partner.closes).toEqual([]);
  } finally {
    backoff.destroy();
    tracker.destroy();
    provider.destroy();
    partner.destroy();
  }
});

it('caps the wait between retries at five minutes', () => {
  expect(refusalRetryDelayMs(1)).toBe(2_000);
  expect(refusalRetryDelayMs(2)).toBe(4_000);
  expect(refusalRetryDelayMs(30)).toBe(MAX_RETRY_MS);
  expect(MAX_RETRY_MS).toBe(300_000);
});
