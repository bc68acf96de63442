import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { CloseCode, usLetterFragment } from '@twofold/shared';
import { call, logIn, pairUp, signUp } from '../helpers/http.ts';
import { closeCodeOf, connect, openRawSocket, tryUpgrade, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const MAX_FRAME = 64 * 1024;
const DEV_SERVER = 'http://localhost:5173';
let server: TestServer;
const clients: SyncClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ maxFrameBytes: MAX_FRAME, allowedOrigins: [DEV_SERVER] });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.close();
});

function open(spaceId: string, cookie: string, options?: Parameters<typeof connect>[3]) {
  const client = connect(server.url, spaceId, cookie, options);
  clients.push(client);
  return client;
}

function writeParagraph(doc: Y.Doc, words: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(words)]);
  const letter = usLetterFragment(doc);
  letter.insert(letter.length, [paragraph]);
}

const letterOf = (client: SyncClient) => usLetterFragment(client.doc).toString();

function storedRows(docKey: string): number {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return (
      db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key = ?').get(docKey) as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

/** The shared document as the stored rows alone rebuild it. */
function storedDoc(docKey: string): Y.Doc {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    const rows = db.prepare('SELECT data FROM doc_updates WHERE doc_key = ? ORDER BY id').all(docKey) as {
      data: Buffer;
    }[];
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    return doc;
  } finally {
    db.close();
  }
}

/** Sync update messages (type 0, step 2 or update) among the frames a client received. */
const updateFrames = (frames: Uint8Array[]) => frames.filter((f) => f[0] === 0 && (f[1] === 1 || f[1] === 2));

describe('live sync between two partners', () => {
  it('brings both partners’ paragraphs, written at the same moment, into one letter on both screens', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    // y-websocket may add a query string; rooms are matched on the path alone.
    const a = open(spaceId, alex.cookie, { params: { client: 'test', v: '1' } });
    const b = open(spaceId, sam.cookie);
    await Promise.all([a.synced(), b.synced()]);

    writeParagraph(a.doc, 'Trust means telling the truth when it is hard.');
    writeParagraph(b.doc, 'Trust means keeping small promises.');
    await waitFor(() => letterOf(a) === letterOf(b) && usLetterFragment(a.doc).length === 2, {
      message: 'both letters to converge',
    });
    expect(letterOf(a)).toContain('telling the truth');
    expect(letterOf(a)).toContain('keeping small promises');

    // A device that opens the space later gets the whole letter from the server.
    const later = open(spaceId, sam.cookie);
    await later.synced();
    await waitFor(() => letterOf(later) === letterOf(a), { message: 'the later device to catch up' });
  });
});

describe('a device that comes back with nothing new', () => {
  it('stores nothing and sends the partner nothing, though its sync step 2 carries the whole delete set', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const key = `space:${spaceId}`;
    const a = open(spaceId, alex.cookie);
    const b = open(spaceId, sam.cookie);
    await Promise.all([a.synced(), b.synced()]);
    const t = a.doc.getText('t');
    t.insert(0, 'We write, and we take words back. '.repeat(20));
    a.doc.transact(() => {
      for (let i = 0; i < 30; i++) t.delete(i * 5, 2);
    });
    await waitFor(() => b.doc.getText('t').toString() === t.toString(), { message: 'Sam to see it' });
    await waitFor(() => storedRows(key) === 2, { message: 'both edits to be stored' });

    // Alex's phone sleeps and wakes: y-websocket reconnects and answers the server's step 1
    // with a step 2 holding no new structs but every deletion (Yjs sends the whole delete set).
    const receivedBefore = b.received.length;
    a.provider.disconnect();
    a.provider.connect();
    await waitFor(() => a.provider.synced, { message: 'Alex to sync again' });
    t.insert(0, 'back. ');
    await waitFor(() => b.doc.getText('t').toString().startsWith('back. '), { message: 'Sam to see it' });
    await waitFor(() => storedDoc(key).getText('t').toString().startsWith('back. '), {
      message: 'the new words to be stored',
    });

    // Sam got exactly the new words, and the log holds them and nothing else.
    expect(updateFrames(b.received.slice(receivedBefore))).toHaveLength(1);
    expect(storedRows(key)).toBe(3);
  });
});

describe('who may open a sync socket', () => {
  it('refuses an upgrade without a valid session with a plain 401, opening no socket', async () => {
    const { spaceId } = await pairUp(server.url);
    expect(await tryUpgrade(server.syncUrl(spaceId), {})).toBe(401);
    expect(await tryUpgrade(server.syncUrl(spaceId), { cookie: 'not-a-session' })).toBe(401);
    expect(await tryUpgrade(server.syncUrl(spaceId, 'private/sync'), {})).toBe(401);
  });

  it('refuses someone logged in who is not a member with a plain 403, on the shared and the private path', async () => {
    const { spaceId } = await pairUp(server.url);
    const eve = await signUp(server.url, 'Eve');
    expect(await tryUpgrade(server.syncUrl(spaceId), { cookie: eve.cookie })).toBe(403);
    expect(await tryUpgrade(server.syncUrl(spaceId, 'private/sync'), { cookie: eve.cookie })).toBe(403);
    expect(await tryUpgrade(server.syncUrl('no-such-space-0000'), { cookie: eve.cookie })).toBe(403);
  });

  it('refuses a foreign Origin with 403 even with a valid session; its own origin, allowed ones and none connect', async () => {
    const { alex, spaceId } = await pairUp(server.url);
    const url = server.syncUrl(spaceId);
    expect(await tryUpgrade(url, { cookie: alex.cookie, origin: 'https://evil.example' })).toBe(403);
    expect(await tryUpgrade(url, { cookie: alex.cookie, origin: 'null' })).toBe(403);
    expect(await tryUpgrade(url, { origin: 'https://evil.example' })).toBe(403);
    expect(await tryUpgrade(url, { cookie: alex.cookie, origin: server.url })).toBe('open');
    expect(await tryUpgrade(url, { cookie: alex.cookie, origin: DEV_SERVER })).toBe('open');
    expect(await tryUpgrade(url, { cookie: alex.cookie })).toBe('open');
  });

  it('answers 404 to an upgrade on a path that is not a sync room', async () => {
    const { alex, spaceId } = await pairUp(server.url);
    const base = server.url.replace(/^http/, 'ws');
    for (const path of ['/api/health', `/api/spaces/${spaceId}/other`, `/api/spaces/${spaceId}/sync/more`]) {
      expect(await tryUpgrade(`${base}${path}`, { cookie: alex.cookie }), path).toBe(404);
    }
  });
});

describe('private documents', () => {
  it('never sends a member’s private notes to the partner, who gets their own empty document', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const SECRET = 'Only for Alex: I am still angry about March.';
    const alexPrivate = open(spaceId, alex.cookie, { private: true });
    const alexShared = open(spaceId, alex.cookie);
    const samPrivate = open(spaceId, sam.cookie, { private: true });
    const samShared = open(spaceId, sam.cookie);
    await Promise.all([alexPrivate, alexShared, samPrivate, samShared].map((c) => c.synced()));

    alexPrivate.doc.getText('notes').insert(0, SECRET);
    // Alex's other device gets the note: it is stored on the server and relayed to Alex alone.
    const alexElsewhere = open(spaceId, alex.cookie, { private: true });
    await alexElsewhere.synced();
    await waitFor(() => alexElsewhere.doc.getText('notes').toString() === SECRET, {
      message: 'Alex’s other device to get the note',
    });
    // Something Sam does receive, sent after the note: Sam's sockets have been live all along.
    alexShared.doc.getText('t').insert(0, 'a shared line');
    await waitFor(() => samShared.doc.getText('t').toString() === 'a shared line', {
      message: 'Sam to get the shared line',
    });

    expect(samPrivate.doc.getText('notes').toString()).toBe('');
    const everythingSamReceived = Buffer.concat([...samPrivate.received, ...samShared.received]);
    expect(everythingSamReceived.length).toBeGreaterThan(0);
    expect(everythingSamReceived.includes(SECRET.slice(0, 14))).toBe(false);
    expect(everythingSamReceived.includes('angry')).toBe(false);
  });
});

describe('bad input on a sync socket', () => {
  it('closes a garbage frame with 1007 and an oversized one with 1009, and no other connection notices', async () => {
    const couple = await pairUp(server.url);
    const others = await pairUp(server.url);
    const a = open(couple.spaceId, couple.alex.cookie);
    const b = open(couple.spaceId, couple.sam.cookie);
    const c = open(others.spaceId, others.alex.cookie);
    const d = open(others.spaceId, others.sam.cookie);
    await Promise.all([a, b, c, d].map((client) => client.synced()));
    const url = server.syncUrl(couple.spaceId);

    const frames: [string, Buffer | string, number][] = [
      ['an update that is not Yjs', Buffer.from([0, 2, 200, 1, 2, 3, 255, 255, 255]), CloseCode.undecodable],
      ['an unknown message type', Buffer.from([9, 9, 9]), CloseCode.undecodable],
      ['a text frame', 'hello', CloseCode.undecodable],
      ['a frame over MAX_FRAME_BYTES', Buffer.alloc(MAX_FRAME + 1, 1), CloseCode.frameTooLarge],
    ];
    for (const [what, frame, code] of frames) {
      const ws = await openRawSocket(url, couple.alex.cookie);
      const closed = closeCodeOf(ws);
      ws.send(frame);
      expect(await closed, what).toBe(code);
    }

    // Both couples carry on on their own connections, which were never closed.
    a.doc.getText('t').insert(0, 'still here');
    c.doc.getText('t').insert(0, 'not affected');
    await waitFor(() => b.doc.getText('t').toString() === 'still here', { message: 'the partner to sync' });
    await waitFor(() => d.doc.getText('t').toString() === 'not affected', { message: 'the other couple' });
    for (const client of [a, b, c, d]) {
      expect(client.closes).toEqual([]);
      expect(client.provider.wsconnected).toBe(true);
    }
    // Nothing of the bad frames was stored: only the one real edit (edits are committed in
    // batches, so wait for it; any bad frame, sent before it, would be in the same batch).
    await waitFor(() => storedRows(`space:${couple.spaceId}`) > 0, { message: 'the edit to be committed' });
    expect(storedRows(`space:${couple.spaceId}`)).toBe(1);
  });
});

describe('a session that ends while connected', () => {
  it('has its sockets closed with 4401 on logout, and only that session’s', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const phone = alex.cookie;
    const laptop = await logIn(server.url, alex.email);
    const onPhone = open(spaceId, phone);
    const onPhonePrivate = open(spaceId, phone, { private: true });
    const onLaptop = open(spaceId, laptop);
    const samsDevice = open(spaceId, sam.cookie);
    await Promise.all([onPhone, onPhonePrivate, onLaptop, samsDevice].map((c) => c.synced()));
    const ended: number[] = [];
    for (const client of [onPhone, onPhonePrivate])
      client.provider.on('closed', ({ code }) => ended.push(code));

    expect((await call(server.url, 'POST', '/api/auth/logout', { cookie: phone })).status).toBe(204);
    await waitFor(() => ended.length === 2, { message: 'both of the phone’s sockets to close' });
    expect(ended).toEqual([CloseCode.sessionEnded, CloseCode.sessionEnded]);
    // y-websocket takes 44xx as final: it does not keep knocking.
    expect(onPhone.provider.shouldConnect).toBe(false);

    onLaptop.doc.getText('t').insert(0, 'the laptop is still signed in');
    await waitFor(() => samsDevice.doc.getText('t').toString() === 'the laptop is still signed in', {
      message: 'the laptop to keep syncing',
    });
    expect(onLaptop.closes).toEqual([]);
    expect(samsDevice.closes).toEqual([]);
    expect(await tryUpgrade(server.syncUrl(spaceId), { cookie: phone })).toBe(401);
  });
});
