import { SESSION_COOKIE } from '@twofold/shared';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openWhenReady } from '../../client/src/lib/yjs/open-when-ready-socket.ts';
import { logIn, pairUp, signUp } from '../helpers/http.ts';
import { connect, openGreetedSocket, type SyncClient } from '../helpers/sync-client.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/test-postgres.ts';
import { startTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * A device that holds nothing takes its first copy of a document over HTTP (brotli) while its
 * sync socket waits (server http/routes/snapshots.ts, client lib/yjs/first-copy.ts), and a
 * socket connects before IndexedDB has loaded but speaks only after (open-when-ready-socket.ts).
 */
let server: TestServer;
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

/**
 * Runs `body` against a server on SQLite and against one on PostgreSQL and Redis (shared
 * rooms, loaded asynchronously), each started for it and stopped after.
 */
function onEachEngine(body: () => void) {
  describe('on SQLite', () => {
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => server.close());
    body();
  });
  describe('on PostgreSQL and Redis', () => {
    let postgres: TestPostgres;
    let redis: TestRedis;
    beforeAll(async () => {
      [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
      server = await startTestServer({ databaseUrl: await postgres.createDatabase(), redisUrl: redis.url });
    });
    afterAll(async () => {
      await server.close();
      await Promise.all([postgres.stop(), redis.stop()]);
    });
    body();
  });
}

const socketUrl = (spaceId: string, which: 'shared' | 'private' = 'shared') =>
  server.syncUrl(spaceId, which === 'private' ? 'private/sync' : 'sync');

/** The `?copy=` a device's socket carries (a UUID in the client, lib/yjs/space-docs.ts). */
const DEVICE = 'this-device-socket';
const withCopy = (url: string, copy = DEVICE) => `${url}?copy=${copy}`;

/**
 * A device's raw socket, once the server has greeted it (its sync step 1): on PostgreSQL a room
 * loads asynchronously and gives no copy before it is whole (the client then syncs over the
 * socket alone, as Room.snapshotFor says).
 */
async function greetedSocket(url: string, cookie: string) {
  const socket = await openGreetedSocket(url, cookie);
  cleanups.push(() => socket.close());
  return socket;
}

/** GET a document's first copy as the holder of `cookie`; the body decoded as fetch does. */
async function firstCopy(
  spaceId: string,
  cookie: string | null,
  {
    which = 'shared',
    encoding = 'br, gzip',
    copy = DEVICE,
  }: { which?: 'shared' | 'private'; encoding?: string; copy?: string } = {},
) {
  const address = socketUrl(spaceId, which).replace(/^ws/, 'http') + '/snapshot';
  const response = await fetch(copy ? withCopy(address, copy) : address, {
    headers: {
      'accept-encoding': encoding,
      ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
    },
  });
  const body = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body };
}

/** What a document holds, read the way the writer wrote it. */
const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
};

/** Alex's space with a letter written and partly taken back; Alex's writer holds its room open. */
async function writtenSpace() {
  const { alex, sam, spaceId } = await pairUp(server.url);
  const writer: SyncClient = connect(server.url, spaceId, alex.cookie);
  cleanups.push(() => writer.destroy());
  await writer.synced();
  const t = writer.doc.getText('t');
  t.insert(0, 'Trust, for us, is saying the hard thing early. '.repeat(40));
  t.delete(10, 30);
  // The server relays an update only once it is stored: a second device of Alex's seeing it is enough.
  const check = connect(server.url, spaceId, alex.cookie);
  await waitFor(() => check.doc.getText('t').toString() === t.toString(), { message: 'the letter stored' });
  check.destroy();
  return { alex, sam, spaceId, writer };
}

onEachEngine(() => {
  describe('a first copy over HTTP', () => {
    it('goes, once, to the session whose socket to the document is open, compressed with brotli', async () => {
      const { sam, spaceId, writer } = await writtenSpace();
      await greetedSocket(withCopy(socketUrl(spaceId)), sam.cookie);

      const first = await firstCopy(spaceId, sam.cookie);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-encoding')).toBe('br');
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(textOf(first.body)).toBe(writer.doc.getText('t').toString());

      // One per socket: asking again, or for the same socket from anywhere, gets nothing.
      const again = await firstCopy(spaceId, sam.cookie);
      expect(again.status).toBe(409);
      expect(JSON.parse(new TextDecoder().decode(again.body))).toEqual({
        error: { code: 'conflict', message: expect.any(String) },
      });
    });

    it('is not spent by a HEAD request (405): the GET after it still gets the copy', async () => {
      const { sam, spaceId, writer } = await writtenSpace();
      await greetedSocket(withCopy(socketUrl(spaceId)), sam.cookie);
      const address = withCopy(socketUrl(spaceId).replace(/^ws/, 'http') + '/snapshot');
      const head = await fetch(address, {
        method: 'HEAD',
        headers: { cookie: `${SESSION_COOKIE}=${sam.cookie}` },
      });
      expect(head.status).toBe(405);
      expect(head.headers.get('allow')).toBe('GET');

      const copy = await firstCopy(spaceId, sam.cookie);
      expect(copy.status).toBe(200);
      expect(textOf(copy.body)).toBe(writer.doc.getText('t').toString());
    });

    it('goes to the socket its request names: another tab of the same session gets its own, no name gets none', async () => {
      const { sam, spaceId, writer } = await writtenSpace();
      await Promise.all(
        ['first-tab-socket', 'second-tab-socket'].map((copy) =>
          greetedSocket(withCopy(socketUrl(spaceId), copy), sam.cookie),
        ),
      );
      for (const copy of ['', 'no-such-socket', 'bad key!', 'x'.repeat(65)]) {
        expect((await firstCopy(spaceId, sam.cookie, { copy })).status, copy).toBe(409);
      }
      for (const copy of ['second-tab-socket', 'first-tab-socket']) {
        const taken = await firstCopy(spaceId, sam.cookie, { copy });
        expect(taken.status, copy).toBe(200);
        expect(textOf(taken.body)).toBe(writer.doc.getText('t').toString());
      }
    });

    it('is gzip, or plain, for a client that does not take brotli', async () => {
      const { sam, spaceId, writer } = await writtenSpace();
      const words = writer.doc.getText('t').toString();
      for (const [encoding, expected] of [
        ['gzip', 'gzip'],
        ['br;q=0, gzip', 'gzip'],
        ['identity', null],
      ] as const) {
        await greetedSocket(withCopy(socketUrl(spaceId)), sam.cookie);
        const copy = await firstCopy(spaceId, sam.cookie, { encoding });
        expect(copy.status).toBe(200);
        expect(copy.headers.get('content-encoding')).toBe(expected);
        expect(textOf(copy.body)).toBe(words);
      }
    });

    it('is refused (409) to a member whose own session has no socket open, even while the partner’s is', async () => {
      const { sam, spaceId } = await writtenSpace();
      // Alex's writer holds the room open; Sam has no socket of his own.
      expect((await firstCopy(spaceId, sam.cookie)).status).toBe(409);
      // Another device of Sam's (another session) with a socket does not make this one's count.
      const otherDevice = await logIn(server.url, sam.email);
      await greetedSocket(withCopy(socketUrl(spaceId)), otherDevice);
      expect((await firstCopy(spaceId, sam.cookie)).status).toBe(409);
      expect((await firstCopy(spaceId, otherDevice)).status).toBe(200);
    });

    it('tells a stranger nothing (404) and asks a visitor to log in (401)', async () => {
      const { spaceId } = await writtenSpace();
      const stranger = await signUp(server.url, 'Robin');
      expect((await firstCopy(spaceId, stranger.cookie)).status).toBe(404);
      expect((await firstCopy(spaceId, null)).status).toBe(401);
    });

    it('of a private document is always the caller’s own, never the partner’s notes', async () => {
      const { alex, sam, spaceId } = await writtenSpace();
      const alexNotes = connect(server.url, spaceId, alex.cookie, { private: true });
      cleanups.push(() => alexNotes.destroy());
      await alexNotes.synced();
      alexNotes.doc.getText('t').insert(0, 'Only for me: what I am still afraid of.');
      const alexCopy = await (async () => {
        await greetedSocket(withCopy(socketUrl(spaceId, 'private')), alex.cookie);
        return waitFor(
          async () => {
            const copy = await firstCopy(spaceId, alex.cookie, { which: 'private' });
            return copy.status === 200 ? copy : null;
          },
          { message: 'Alex’s own copy' },
        );
      })();
      expect(textOf(alexCopy.body)).toBe('Only for me: what I am still afraid of.');

      // Sam, with a socket to his own private document, gets his own: empty.
      await greetedSocket(withCopy(socketUrl(spaceId, 'private')), sam.cookie);
      const samCopy = await firstCopy(spaceId, sam.cookie, { which: 'private' });
      expect(samCopy.status).toBe(200);
      expect(textOf(samCopy.body)).toBe('');
    });
  });

  /**
   * A device with nothing stored, as the client does it by hand: its socket opens, it takes the
   * first copy, then sends its sync step 1. Resolves with the update in the server's step 2.
   */
  async function stepTwoAfterFirstCopy(
    spaceId: string,
    cookie: string,
    { beforeStepOne = async () => {}, applyCopy = true } = {},
  ) {
    const socket = await greetedSocket(withCopy(socketUrl(spaceId)), cookie);
    const stepTwo = new Promise<Uint8Array>((resolve) =>
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 1) return;
        resolve(decoding.readVarUint8Array(decoder));
      }),
    );
    const copy = await firstCopy(spaceId, cookie);
    expect(copy.status).toBe(200);
    const doc = new Y.Doc();
    if (applyCopy) Y.applyUpdate(doc, copy.body);
    await beforeStepOne();
    socket.send(new Uint8Array([0, 0, ...encodeVarBytes(Y.encodeStateVector(doc))]));
    const update = await stepTwo;
    Y.applyUpdate(doc, update);
    return { update, doc };
  }

  describe('the socket’s first exchange after a first copy', () => {
    it('answers a device that holds the whole copy with an empty step 2, not the copy’s delete set again', async () => {
      const { sam, spaceId, writer } = await writtenSpace();
      const { update, doc } = await stepTwoAfterFirstCopy(spaceId, sam.cookie);
      expect([...update]).toEqual([0, 0]);
      expect(doc.getText('t').toString()).toBe(writer.doc.getText('t').toString());
    });

    it('sends what changed since the copy: a deletion, or words', async () => {
      for (const change of [(t: Y.Text) => t.delete(0, 7), (t: Y.Text) => t.insert(0, 'Later: ')]) {
        const { sam, spaceId, writer } = await writtenSpace();
        const check = connect(server.url, spaceId, sam.cookie);
        cleanups.push(() => check.destroy());
        await check.synced();
        const { update, doc } = await stepTwoAfterFirstCopy(spaceId, sam.cookie, {
          beforeStepOne: async () => {
            change(writer.doc.getText('t'));
            await waitFor(() => check.doc.getText('t').toString() === writer.doc.getText('t').toString(), {
              message: 'the change stored',
            });
          },
        });
        expect(update.byteLength).toBeGreaterThan(2);
        expect(doc.getText('t').toString()).toBe(writer.doc.getText('t').toString());
      }
    });

    it('relays every later change to the socket that took the copy, before it has said anything', async () => {
      // Why the client may say "Synced" once the copy is in (SyncTracker.syncedByFirstCopy).
      const { sam, spaceId, writer } = await writtenSpace();
      const socket = await greetedSocket(withCopy(socketUrl(spaceId)), sam.cookie);
      const updates: Uint8Array[] = [];
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return;
        updates.push(decoding.readVarUint8Array(decoder));
      });
      const copy = await firstCopy(spaceId, sam.cookie);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, copy.body);
      writer.doc.getText('t').insert(0, 'Written after the copy. ');
      writer.doc.getText('t').delete(40, 5);
      await waitFor(() => updates.length >= 2, { message: 'the changes relayed' });
      for (const update of updates) Y.applyUpdate(doc, update);
      expect(doc.getText('t').toString()).toBe(writer.doc.getText('t').toString());
    });

    it('sends everything to a device whose step 1 shows it did not apply the copy', async () => {
      const { sam, spaceId, writer } = await writtenSpace();
      const { doc } = await stepTwoAfterFirstCopy(spaceId, sam.cookie, { applyCopy: false });
      expect(doc.getText('t').toString()).toBe(writer.doc.getText('t').toString());
    });
  });

  /**
   * A device's provider on a socket that connects at once and opens for the provider once the
   * returned `loaded()` is called (IndexedDB done, as space-docs.ts waits for it), recording what
   * it sends and when the socket itself opened.
   */
  function deviceBeforeLoad(
    spaceId: string,
    cookie: string,
    doc: Y.Doc,
    ready?: (open: () => void, localLoad: Promise<void>, greeted: Promise<void>) => Promise<unknown>,
    params: Record<string, string> = {},
  ) {
    const seen = { socketOpen: false, sent: [] as Uint8Array[], received: 0 };
    class DeviceSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
        this.on('open', () => (seen.socketOpen = true));
        this.on('message', () => seen.received++);
      }
      override send(data: Uint8Array, ...rest: unknown[]) {
        seen.sent.push(data);
        (super.send as (...args: unknown[]) => void)(data, ...rest);
      }
    }
    let loaded!: () => void;
    const localLoad = new Promise<void>((resolve) => (loaded = resolve));
    const provider = new WebsocketProvider(socketUrl(spaceId).replace(/\/sync$/, ''), 'sync', doc, {
      disableBc: true,
      params,
      WebSocketPolyfill: openWhenReady(
        DeviceSocket as unknown as typeof globalThis.WebSocket,
        (open, greeted) => (ready ? ready(open, localLoad, greeted) : localLoad),
      ),
    });
    cleanups.push(() => provider.destroy());
    const socketOpened = () => waitFor(() => seen.socketOpen, { message: 'the socket to open' });
    return { provider, seen, loaded, socketOpened };
  }

  describe('a socket that connects before the device has loaded what it holds', () => {
    it('stays silent until then, and its first step 1 carries what was loaded', async () => {
      const { alex, spaceId, writer } = await writtenSpace();
      // What this device holds in IndexedDB: the letter, and a line written offline.
      const offline = new Y.Doc();
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc));
      offline.getText('t').insert(0, 'Written on the train. ');
      const doc = new Y.Doc();
      const { provider, seen, loaded, socketOpened } = deviceBeforeLoad(spaceId, alex.cookie, doc);

      await socketOpened();
      // The server has greeted it (its step 1), but the provider has heard nothing and said nothing.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(provider.wsconnected).toBe(false);
      expect(seen.sent).toHaveLength(0);

      Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline));
      loaded();
      await waitFor(() => provider.synced, { message: 'the device to sync' });
      // Its first message is step 1 with the loaded state vector, so the server sent only the rest.
      expect([...seen.sent[0]!.subarray(0, 2)]).toEqual([0, 0]);
      expect([...seen.sent[0]!.subarray(2)]).toEqual([...encodeVarBytes(Y.encodeStateVector(offline))]);
      // The server's greeting, held while the device loaded, was answered: the offline line arrived.
      await waitFor(() => writer.doc.getText('t').toString().startsWith('Written on the train. '), {
        message: 'the offline line to reach the partner',
      });
    });

    it('opens for the provider as soon as `ready` calls `open`, before `ready` has settled', async () => {
      const { alex, spaceId } = await writtenSpace();
      const { provider, seen, loaded, socketOpened } = deviceBeforeLoad(
        spaceId,
        alex.cookie,
        new Y.Doc(),
        async (open, localLoad) => {
          open();
          await localLoad;
        },
      );
      await socketOpened();
      await waitFor(() => provider.synced, { message: 'the device to sync before its load settled' });
      expect([...seen.sent[0]!.subarray(0, 2)]).toEqual([0, 0]);
      loaded();
    });

    it('tells `ready` when the server has greeted it: the room is whole, and a first copy asked then is given', async () => {
      const { sam, spaceId, writer } = await writtenSpace();
      let framesWhenGreeted = -1;
      let copyStatus = 0;
      const { provider, seen, loaded } = deviceBeforeLoad(
        spaceId,
        sam.cookie,
        new Y.Doc(),
        async (_open, localLoad, greeted) => {
          await greeted;
          framesWhenGreeted = seen.received;
          copyStatus = (await firstCopy(spaceId, sam.cookie)).status;
          await localLoad;
        },
        { copy: DEVICE },
      );
      await waitFor(() => copyStatus !== 0, { message: 'the first copy to be asked' });
      expect(framesWhenGreeted).toBeGreaterThanOrEqual(1);
      expect(copyStatus).toBe(200);
      loaded();
      await waitFor(() => provider.synced, { message: 'the device to sync' });
      expect(provider.doc.getText('t').toString()).toBe(writer.doc.getText('t').toString());
    });

    it('never tells the provider it opened when it closes first', async () => {
      const { alex, spaceId } = await writtenSpace();
      const { provider, loaded, socketOpened } = deviceBeforeLoad(spaceId, alex.cookie, new Y.Doc());
      const statuses: string[] = [];
      provider.on('status', ({ status }) => statuses.push(status));
      await socketOpened();
      provider.destroy();
      loaded();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(statuses).not.toContain('connected');
    });
  });
});

/** `bytes` as y-protocols writes a byte array: its length as a varint, then the bytes. */
describe('a first copy, as work for the account that asks', () => {
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is charged to the account’s budget for HTTP work: once it is spent, the copy is refused (429), never the sockets', async () => {
    const { alex, sam, spaceId, writer } = await writtenSpace();
    // A long letter written in many places, so each copy costs the server several ms of main
    // thread (about 12,000 structs to encode): written as a client sends it, 1,000 at a time,
    // each part stored before the next, under the usual budget.
    const t = writer.doc.getText('t');
    const check = connect(server.url, spaceId, alex.cookie);
    for (let part = 0; part < 12; part++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 1000; i++) t.insert((i * 7919) % (t.length + 1), 'ab');
      });
      await waitFor(() => check.doc.getText('t').length === t.length, { message: 'the letter stored' });
    }
    check.destroy();
    writer.destroy();

    // Then a budget that never refills, so nothing depends on how fast this machine is: 100 ms.
    await server.restart({ syncWorkMsPerSecond: 0, syncWorkBurstMs: 100 });
    // Alex opens the room (loading it is Alex's work), so what Sam spends is the copies alone.
    const opener = connect(server.url, spaceId, alex.cookie);
    cleanups.push(() => opener.destroy());
    await opener.synced();

    let given = 0;
    let refused: number | undefined;
    for (let i = 0; i < 200 && refused === undefined; i++) {
      const name = `sam-socket-${i}`;
      const socket = await openGreetedSocket(withCopy(socketUrl(spaceId), name), sam.cookie);
      const copy = await firstCopy(spaceId, sam.cookie, { copy: name });
      socket.close();
      if (copy.status === 200) given++;
      else refused = copy.status;
    }
    expect(given).toBeGreaterThan(0);
    expect(refused).toBe(429);
    // HTTP work has a budget apart from the sockets': Sam's devices still connect and sync.
    const device = connect(server.url, spaceId, sam.cookie);
    cleanups.push(() => device.destroy());
    await device.synced();
    expect(device.doc.getText('t').toString()).toBe(t.toString());
  });
});

function encodeVarBytes(bytes: Uint8Array): Uint8Array {
  const length: number[] = [];
  let n = bytes.length;
  while (n > 127) {
    length.push((n & 127) | 128);
    n >>>= 7;
  }
  length.push(n);
  return new Uint8Array([...length, ...bytes]);
}
