import { SESSION_COOKIE, syncBasePath } from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SyncTracker } from '../../client/src/lib/yjs/sync-tracker.ts';
import { pairUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * The client's SyncTracker (what the status line's "Synced" rests on) with a real y-websocket
 * provider against a real server: a device opening a space it holds in IndexedDB.
 */
let server: TestServer;
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const cleanup of cleanups) cleanup();
  await server.close();
});

/** Stands in for y-indexeddb: the origin of what a device loads from its own storage. */
const fromIndexedDb = { name: 'IndexedDB' };

/**
 * A device that loads `stored` (its IndexedDB copy) before connecting, as space-docs.ts does,
 * and records every sync step 1 it sends (a probe is one).
 */
function deviceWith(spaceId: string, cookie: string, stored: Uint8Array) {
  const doc = new Y.Doc();
  const step1s: number[] = [];
  class RecordingSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    }
    override send(data: Uint8Array, ...rest: unknown[]) {
      if (data[0] === 0 && data[1] === 0) step1s.push(Date.now());
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  const provider = new WebsocketProvider(
    server.url.replace(/^http/, 'ws') + syncBasePath(spaceId),
    'sync',
    doc,
    {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: RecordingSocket as unknown as typeof globalThis.WebSocket,
    },
  );
  const tracker = new SyncTracker(provider, [fromIndexedDb]);
  // Whether the status line ever showed "synced" while something still waited for the server.
  const seen = { syncedWithPending: false };
  tracker.subscribe(() => {
    const state = tracker.getState();
    if (state.initialSynced && state.pending) seen.syncedWithPending = true;
  });
  Y.applyUpdate(doc, stored, fromIndexedDb);
  provider.connect();
  cleanups.push(() => {
    tracker.destroy();
    provider.destroy();
  });
  return { doc, tracker, step1s, seen };
}

/** A partner's space whose letter was written and partly taken back, and Sam watching it. */
async function writtenSpace() {
  const { alex, sam, spaceId } = await pairUp(server.url);
  const writer = connect(server.url, spaceId, alex.cookie);
  const watcher: SyncClient = connect(server.url, spaceId, sam.cookie);
  cleanups.push(
    () => writer.destroy(),
    () => watcher.destroy(),
  );
  await Promise.all([writer.synced(), watcher.synced()]);
  const t = writer.doc.getText('t');
  t.insert(0, 'What we promised, and what we took back. '.repeat(10));
  writer.doc.transact(() => {
    for (let i = 0; i < 20; i++) t.delete(i * 4, 2);
  });
  await waitFor(() => watcher.doc.getText('t').toString() === t.toString(), { message: 'Sam to see it' });
  return { alex, spaceId, writer, watcher };
}

/**
 * Longer than the tracker's probe delay (150 ms), so a probe scheduled by what IndexedDB
 * loaded would have gone out by then. Not a timing asserted: a window waited out.
 */
const pastProbeDelay = () => new Promise((resolve) => setTimeout(resolve, 400));

const settled = (device: ReturnType<typeof deviceWith>) =>
  waitFor(() => device.tracker.getState().initialSynced && !device.tracker.getState().pending, {
    message: 'the device to be synced with nothing pending',
  });

describe('a device opening a space it already holds', () => {
  it('is synced once the server answers its first step 1, with no second round trip', async () => {
    const { alex, spaceId, writer } = await writtenSpace();
    const device = deviceWith(spaceId, alex.cookie, Y.encodeStateAsUpdate(writer.doc));
    await settled(device);
    await pastProbeDelay();
    // Only the provider's own step 1: the server's answer showed it had everything.
    expect(device.step1s).toHaveLength(1);
    expect(device.seen.syncedWithPending).toBe(false);
    expect(device.doc.getText('t').toString()).toBe(writer.doc.getText('t').toString());
  });

  it('is synced in one round trip when its copy is behind the server (the answer brings the rest)', async () => {
    const { alex, spaceId, writer } = await writtenSpace();
    const older = Y.encodeStateAsUpdate(writer.doc);
    writer.doc.getText('t').insert(0, 'Since you last looked: ');
    writer.doc.getText('t').delete(30, 3);
    const device = deviceWith(spaceId, alex.cookie, older);
    await settled(device);
    await waitFor(() => device.doc.getText('t').toString() === writer.doc.getText('t').toString(), {
      message: 'the device to catch up',
    });
    await pastProbeDelay();
    expect(device.step1s).toHaveLength(1);
    expect(device.seen.syncedWithPending).toBe(false);
  });

  it('waits for the server to store words written offline, and the partner gets them', async () => {
    const { alex, spaceId, writer, watcher } = await writtenSpace();
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc));
    offline.getText('t').insert(0, 'Written on the train. ');
    const device = deviceWith(spaceId, alex.cookie, Y.encodeStateAsUpdate(offline));
    await settled(device);
    // Pending past the first answer, until a probe sent after the offline words was answered.
    expect(device.seen.syncedWithPending).toBe(true);
    await pastProbeDelay();
    expect(device.step1s).toHaveLength(2);
    await waitFor(() => watcher.doc.getText('t').toString().startsWith('Written on the train. '), {
      message: 'Sam to get the offline words',
    });
  });

  it('waits for the server to store a deletion made offline, though it adds no structs', async () => {
    const { alex, spaceId, writer, watcher } = await writtenSpace();
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc));
    const before = offline.getText('t').toString();
    offline.getText('t').delete(0, 5);
    const device = deviceWith(spaceId, alex.cookie, Y.encodeStateAsUpdate(offline));
    await settled(device);
    expect(device.seen.syncedWithPending).toBe(true);
    await pastProbeDelay();
    expect(device.step1s).toHaveLength(2);
    await waitFor(() => watcher.doc.getText('t').toString() === before.slice(5), {
      message: 'Sam to see the offline deletion',
    });
  });
});
