import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  awarenessUpdateMessage,
  CloseCode,
  syncBasePath,
  SyncMessageType,
  syncStep1Message,
} from '@twofold/shared';
import { loadConfig, silentLogger, startServer, type RunningServer } from '@twofold/server/testing';
import { call, pairUp } from '../helpers/http.ts';
import { seededRandom } from '../helpers/random.ts';
import { connect, socketClassWith, type SyncClient } from '../helpers/sync-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

const dir = tempDir();
let server: RunningServer;
const clients: SyncClient[] = [];

beforeAll(async () => {
  server = await startServer(
    loadConfig({ DATA_DIR: dir.path, PORT: '0', CLIENT_DIR: '', AUTH_RATE_LIMIT_PER_MIN: '1000' }),
    { logger: silentLogger },
  );
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.close();
  dir.remove();
});

const STEP1 = syncStep1Message(new Y.Doc());

/**
 * Opens an authenticated raw socket, sends `frames`, and resolves with the close code — or
 * 'accepted' when the frames happened to be valid: a sync step 1 sent after them was answered,
 * so the server had handled them all without closing.
 */
function attack(spaceId: string, cookie: string, frames: Uint8Array[]): Promise<number | 'accepted'> {
  const Socket = socketClassWith({ cookie });
  const ws = new Socket(`${server.url.replace('http', 'ws')}${syncBasePath(spaceId)}/sync`);
  let probed = false;
  return new Promise((resolve, reject) => {
    ws.on('open', () => {
      for (const frame of frames) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
      if (ws.readyState === WebSocket.OPEN) {
        ws.send(STEP1);
        probed = true;
      }
    });
    ws.on('message', (data: Buffer) => {
      // A sync step 2 reply (0, 1, …) to our probe: everything before it was accepted.
      if (probed && data[0] === 0 && data[1] === 1) {
        ws.terminate();
        resolve('accepted');
      }
    });
    ws.on('close', (code) => resolve(code));
    ws.on('error', (error) => {
      if (ws.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function realUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function realAwareness(): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState({ user: { id: 'x', name: 'Mallory', color: '#000' } });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return awarenessUpdateMessage(update);
}

it('survives hostile frames from a member while another couple keeps editing, and loses nothing', async () => {
  const victims = await pairUp(server.url);
  const attacker = await pairUp(server.url);
  const writer = connect(server.url, victims.spaceId, victims.alex.cookie);
  const reader = connect(server.url, victims.spaceId, victims.sam.cookie);
  clients.push(writer, reader);
  await Promise.all([writer.synced(), reader.synced()]);

  // The other couple types steadily throughout the attack; the reader records delivery delays.
  const sentAt = new Map<number, number>();
  const delays: number[] = [];
  reader.doc.getArray<number>('edits').observe((event) => {
    for (const item of event.changes.added) {
      for (const value of item.content.getContent() as number[])
        delays.push(Date.now() - (sentAt.get(value) ?? 0));
    }
  });
  let edits = 0;
  const typing = setInterval(() => {
    sentAt.set(edits, Date.now());
    writer.doc.getArray<number>('edits').push([edits++]);
  }, 10);

  try {
    const random = seededRandom(20261122);
    const { spaceId, alex } = attacker;
    const closes: (number | 'accepted')[] = [];
    const valid = syncMessage(2, realUpdate('a perfectly ordinary sentence'));
    const presence = realAwareness();

    for (let i = 0; i < 40; i++)
      closes.push(await attack(spaceId, alex.cookie, [random.bytes(1 + random.int(512))]));
    for (let i = 0; i < 40; i++) {
      const source = i % 2 === 0 ? valid : presence;
      closes.push(await attack(spaceId, alex.cookie, [source.slice(0, 1 + random.int(source.length - 1))]));
    }
    for (let i = 0; i < 40; i++) {
      const corrupted = valid.slice();
      for (let flips = 0; flips < 3; flips++) corrupted[random.int(corrupted.length)] = random.int(256);
      closes.push(await attack(spaceId, alex.cookie, [corrupted]));
    }
    // Declared lengths far beyond the frame: a 2^31-byte update, a 2^53 varuint.
    closes.push(
      await attack(spaceId, alex.cookie, [new Uint8Array([0, 2, 0x80, 0x80, 0x80, 0x80, 0x08, 1, 2, 3])]),
    );
    closes.push(
      await attack(spaceId, alex.cookie, [
        new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]),
      ]),
    );

    const flood = Array.from({ length: 5000 }, () => new Uint8Array([3]));
    expect(await attack(spaceId, alex.cookie, flood)).toBe(CloseCode.tooMuch);
    expect(await attack(spaceId, alex.cookie, [new Uint8Array(48 * 1024 * 1024)])).toBe(
      CloseCode.frameTooLarge,
    );

    // Every hostile connection was either closed as undecodable or, where the random bytes
    // happened to form a valid message, handled like any other.
    expect(closes.every((code) => code === CloseCode.undecodable || code === 'accepted')).toBe(true);
    expect(closes.filter((code) => code === CloseCode.undecodable).length).toBeGreaterThan(80);
  } finally {
    clearInterval(typing);
  }

  // The server is up, the other couple lost nothing, and both of their documents match.
  expect((await call(server.url, 'GET', '/api/health')).status).toBe(200);
  await waitFor(() => reader.doc.getArray('edits').length === edits, {
    timeout: 20_000,
    message: 'every edit',
  });
  expect(reader.doc.getArray<number>('edits').toArray()).toEqual([...Array(edits).keys()]);
  const sorted = [...delays].sort((a, b) => a - b);
  console.log(
    `socket fuzz: ${edits} edits delivered during the attack; delay p50 ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms`,
  );

  // The attacked space still opens for its own members.
  const fresh = connect(server.url, attacker.spaceId, attacker.sam.cookie);
  clients.push(fresh);
  await fresh.synced();
});
