import { SyncMessageType } from '@twofold/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SyncTracker } from '../../client/src/lib/yjs/sync-tracker.ts';

type Handler = (...args: never[]) => void;

/**
 * The parts of y-websocket's provider the tracker uses: its events, its sync message handler,
 * its socket (recording what is sent) and its doc. Nothing goes over a network.
 */
function fakeProvider() {
  const handlers = new Map<string, Set<Handler>>();
  const sent: Uint8Array[] = [];
  const doc = new Y.Doc();
  const provider = {
    doc,
    wsconnected: false,
    wsUnsuccessfulReconnects: 0,
    synced: false,
    ws: { readyState: 1, OPEN: 1, send: (frame: Uint8Array) => sent.push(frame) },
    messageHandlers: [() => {}] as Array<(...args: unknown[]) => void>,
    on(name: string, handler: Handler) {
      if (!handlers.has(name)) handlers.set(name, new Set());
      handlers.get(name)?.add(handler);
    },
    off(name: string, handler: Handler) {
      handlers.get(name)?.delete(handler);
    },
    emit(name: string, arg: unknown) {
      for (const handler of handlers.get(name) ?? []) (handler as (a: unknown) => void)(arg);
    },
  };
  /** The server's answer to one sync step 1, as the provider hands it to its sync handler. */
  const receiveStep2 = () => {
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep2(encoder, new Y.Doc());
    const handler = provider.messageHandlers[SyncMessageType.sync];
    handler?.(
      encoding.createEncoder(),
      decoding.createDecoder(encoding.toUint8Array(encoder)),
      provider,
      true,
      0,
    );
  };
  const connect = () => {
    provider.wsconnected = true;
    provider.emit('status', { status: 'connected' });
  };
  return { provider, sent, doc, receiveStep2, connect };
}

function trackerFor(fake: ReturnType<typeof fakeProvider>) {
  return new SyncTracker(fake.provider as unknown as WebsocketProvider);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SyncTracker', () => {
  it('says synced only once the server answered the first sync step 1 of the connection', () => {
    const fake = fakeProvider();
    const tracker = trackerFor(fake);
    expect(tracker.getState().connection).toBe('connecting');
    fake.connect();
    expect(tracker.getState()).toMatchObject({ connection: 'connected', initialSynced: false });
    fake.receiveStep2();
    expect(tracker.getState()).toMatchObject({ initialSynced: true, pending: false });
    tracker.destroy();
  });

  it('never waits for the server to confirm the server’s own words (the first copy, in the provider’s name)', () => {
    vi.useFakeTimers();
    const fake = fakeProvider();
    const edits: number[] = [];
    const tracker = new SyncTracker(fake.provider as unknown as WebsocketProvider, [], () => edits.push(1));
    const server = new Y.Doc();
    server.getText('t').insert(0, 'What the server holds');
    // first-copy.ts applies the copy with the provider as its origin, as the socket's answers are.
    Y.applyUpdate(fake.doc, Y.encodeStateAsUpdate(server), fake.provider);
    fake.connect();
    // The answer to the first step 1 is empty (the server's room saw the copy was whole).
    fake.receiveStep2();
    vi.runAllTimers();
    expect(tracker.getState()).toMatchObject({ initialSynced: true, pending: false });
    expect(fake.sent).toHaveLength(0);
    expect(edits).toHaveLength(0);
    tracker.destroy();
  });

  it('says synced once the first copy is in and the socket connected, unless an edit waits', () => {
    const fake = fakeProvider();
    const tracker = trackerFor(fake);
    tracker.syncedByFirstCopy();
    expect(tracker.getState().initialSynced).toBe(false);
    fake.connect();
    fake.doc.getText('t').insert(0, 'typed before the copy came');
    tracker.syncedByFirstCopy();
    expect(tracker.getState()).toMatchObject({ initialSynced: false, pending: true });

    const clean = fakeProvider();
    const cleanTracker = trackerFor(clean);
    clean.connect();
    Y.applyUpdate(clean.doc, Y.encodeStateAsUpdate(new Y.Doc()), clean.provider);
    cleanTracker.syncedByFirstCopy();
    expect(cleanTracker.getState()).toMatchObject({ initialSynced: true, pending: false });
    tracker.destroy();
    cleanTracker.destroy();
  });

  it('keeps an edit pending until the answer to the probe sent after it comes back', () => {
    vi.useFakeTimers();
    const fake = fakeProvider();
    const tracker = trackerFor(fake);
    fake.connect();
    fake.receiveStep2();

    fake.doc.getText('t').insert(0, 'words');
    expect(tracker.getState().pending).toBe(true);
    vi.runAllTimers();
    // The probe is a sync step 1 frame.
    const probe = fake.sent.at(-1);
    if (!probe) throw new Error('no probe sent');
    const decoder = decoding.createDecoder(probe);
    expect(decoding.readVarUint(decoder)).toBe(SyncMessageType.sync);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep1);
    expect(tracker.getState().pending).toBe(true);

    fake.receiveStep2();
    expect(tracker.getState().pending).toBe(false);
    tracker.destroy();
  });

  it('keeps an edit pending across a disconnect, even if an old answer arrives late', () => {
    vi.useFakeTimers();
    const fake = fakeProvider();
    const tracker = trackerFor(fake);
    fake.connect();
    fake.receiveStep2();
    fake.doc.getText('t').insert(0, 'words');
    vi.runAllTimers();

    fake.provider.wsconnected = false;
    fake.provider.emit('connection-close', null);
    fake.receiveStep2();
    expect(tracker.getState()).toMatchObject({ connection: 'disconnected', pending: true });
    tracker.destroy();
  });

  it('remembers a refusal across reconnects and a final close as ended', () => {
    const fake = fakeProvider();
    const tracker = trackerFor(fake);
    fake.connect();
    fake.provider.emit('connection-close', { code: 1009, reason: '' });
    fake.provider.emit('connection-close', { code: 1009, reason: '' });
    expect(tracker.getState().refused).toEqual({ code: 1009, count: 2 });
    fake.provider.emit('closed', { code: 4403, reason: 'membership lost' });
    expect(tracker.getState().ended).toEqual({ code: 4403, reason: 'membership lost' });
    tracker.destroy();
  });
});
