// permessage-deflate on the sync sockets (server/src/sync/compression.ts): a device opening a
// space gets its first sync deflated, and a deflated frame is held to MAX_FRAME_BYTES on its
// decompressed size, so compression opens no way around the frame limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode } from '@twofold/shared';
import { pairUp } from '../helpers/http.ts';
import { closeCodeOf, connect, socketClassWith, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const MAX_FRAME = 64 * 1024;
const SENTENCES = [
  'Trust, for us, is saying the hard thing early instead of late. ',
  'It means I can ask where you are without it sounding like an accusation. ',
  'We agreed that a promise, however small, is still a promise. ',
  'When we disagree we take a pause, and then we come back to the table. ',
];
let server: TestServer;
const clients: SyncClient[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ maxFrameBytes: MAX_FRAME });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const ws of sockets) ws.terminate();
  await server.close();
});

/** Bytes this socket has read off TCP: frames as they crossed the wire, compressed or not. */
const wireBytesRead = (ws: WebSocket) =>
  (ws as unknown as { _socket: { bytesRead: number } })._socket.bytesRead;
const wireBytesWritten = (ws: WebSocket) =>
  (ws as unknown as { _socket: { bytesWritten: number } })._socket.bytesWritten;

/** An authenticated raw socket, and the extensions the server's handshake answered with. */
async function rawSocket(spaceId: string, cookie: string) {
  const Socket = socketClassWith({ cookie });
  const ws = new Socket(server.syncUrl(spaceId));
  sockets.push(ws);
  let extensions = '';
  ws.once('upgrade', (response) => (extensions = String(response.headers['sec-websocket-extensions'] ?? '')));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, extensions };
}

describe('permessage-deflate on the sync sockets', () => {
  it('negotiates deflate with bounded windows and sends a first sync at a fraction of its size', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    // About 240 KB of a letter, written in updates well under the frame limit.
    const writer = connect(server.url, spaceId, alex.cookie);
    clients.push(writer);
    await writer.synced();
    const text = writer.doc.getText('letter');
    for (let day = 1; day <= 60; day += 1) {
      const paragraph =
        `Day ${day}. ` + Array.from({ length: 56 }, (_, i) => SENTENCES[(i * day) % 4]).join('');
      text.insert(text.length, paragraph);
    }
    expect(Y.encodeStateAsUpdate(writer.doc).byteLength).toBeGreaterThan(200_000);
    // Everything has reached the server once another device has it all.
    const witness = connect(server.url, spaceId, alex.cookie);
    clients.push(witness);
    await waitFor(() => witness.doc.getText('letter').length === text.length, {
      message: 'the server to hold the whole letter',
    });

    const { ws, extensions } = await rawSocket(spaceId, sam.cookie);
    // The server accepted the offer and bounded both windows (the memory budget).
    expect(extensions).toContain('permessage-deflate');
    expect(extensions).toContain('server_max_window_bits=13');
    expect(extensions).toContain('client_max_window_bits=13');

    const before = wireBytesRead(ws);
    const samsCopy = new Y.Doc();
    let stepTwoBytes = 0;
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return; // not a sync message (awareness)
      const kind = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), samsCopy, null);
      if (kind === syncProtocol.messageYjsSyncStep2) stepTwoBytes = data.byteLength;
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    ws.send(encoding.toUint8Array(encoder));
    // Sam's copy is whole once the writer's edits have all reached the server.
    await waitFor(() => stepTwoBytes > 0, { message: 'the first sync' });
    expect(samsCopy.getText('letter').toString()).toBe(text.toString());
    const onTheWire = wireBytesRead(ws) - before;
    expect(stepTwoBytes).toBeGreaterThan(200_000);
    // Repetitive sentences deflate far better than this; a real year deflates to a sixth.
    expect(onTheWire).toBeLessThan(stepTwoBytes / 4);
  });

  it('closes a deflated frame with 1009 when it inflates past MAX_FRAME_BYTES, though it was small on the wire', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const partner = connect(server.url, spaceId, sam.cookie);
    clients.push(partner);
    await partner.synced();

    const { ws, extensions } = await rawSocket(spaceId, alex.cookie);
    expect(extensions).toContain('permessage-deflate');
    const closed = closeCodeOf(ws);
    const written = wireBytesWritten(ws);
    // Sixteen times the limit once inflated; a few hundred bytes deflated.
    const bomb = Buffer.alloc(MAX_FRAME * 16, 0);
    await new Promise<void>((resolve, reject) =>
      ws.send(bomb, { binary: true, compress: true }, (error) => (error ? reject(error) : resolve())),
    );
    expect(wireBytesWritten(ws) - written).toBeLessThan(MAX_FRAME / 16);
    expect(await closed).toBe(CloseCode.frameTooLarge);

    // The partner's connection never noticed.
    expect(partner.closes).toEqual([]);
    expect(partner.provider.wsconnected).toBe(true);
  });

  it('reads a deflated frame under the limit like any other', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const partner = connect(server.url, spaceId, sam.cookie);
    clients.push(partner);
    await partner.synced();
    // A 20 KB paragraph: over the threshold, so the `ws` client sends it deflated.
    const writer = connect(server.url, spaceId, alex.cookie);
    clients.push(writer);
    await writer.synced();
    const words = SENTENCES.join('').repeat(80);
    writer.doc.getText('letter').insert(0, words);
    await waitFor(() => partner.doc.getText('letter').toString() === words, {
      message: 'the partner to get the paragraph',
    });
    expect(writer.closes).toEqual([]);
  });
});
