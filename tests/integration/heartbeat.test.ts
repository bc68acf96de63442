import { afterEach, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startHeartbeat } from '@twofold/server/testing';
import { waitFor } from '../helpers/wait-for.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A real `ws` server on loopback with a heartbeat whose timer never fires on its own (the test
 * steps it), and which counts the pings and pongs each server-side socket sees.
 */
async function serverWithHeartbeat(slots: number) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  const heartbeat = startHeartbeat(wss.clients, { intervalMs: 3_600_000, slots });
  const pinged = new Set<WebSocket>();
  const pongs = new Map<WebSocket, number>();
  wss.on('connection', (ws) => {
    const ping = ws.ping.bind(ws);
    ws.ping = (...args: Parameters<WebSocket['ping']>) => {
      pinged.add(ws);
      ping(...args);
    };
    ws.on('pong', () => pongs.set(ws, (pongs.get(ws) ?? 0) + 1));
    heartbeat.watch(ws);
  });
  cleanups.push(() => {
    heartbeat.stop();
    for (const ws of wss.clients) ws.terminate();
    return new Promise((resolve) => wss.close(resolve));
  });
  const { port } = wss.address() as { port: number };
  const connect = async (options: { autoPong?: boolean } = {}) => {
    const client = new WebSocket(`ws://127.0.0.1:${port}`, options);
    await new Promise((resolve) => client.once('open', resolve));
    const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
    cleanups.push(() => client.terminate());
    return { client, closed };
  };
  return { wss, heartbeat, pinged, pongs, connect };
}

it('pings one group of sockets per tick, so a crowd is never pinged in one go', async () => {
  const { wss, heartbeat, pinged, connect } = await serverWithHeartbeat(5);
  for (let i = 0; i < 10; i++) await connect();
  await waitFor(() => wss.clients.size === 10, { message: 'ten connections' });

  heartbeat.tick();
  expect(pinged.size).toBe(2);
  for (let i = 1; i < 5; i++) heartbeat.tick();
  expect(pinged.size).toBe(10);
});

it('drops a socket that does not answer, and keeps the ones that do', async () => {
  const { wss, heartbeat, pongs, connect } = await serverWithHeartbeat(2);
  const answering = await connect();
  const silent = await connect({ autoPong: false });
  await waitFor(() => wss.clients.size === 2, { message: 'both connections' });
  const [answeringOnServer] = [...wss.clients];

  // First round: both are pinged; only one answers.
  heartbeat.tick();
  heartbeat.tick();
  await waitFor(() => pongs.get(answeringOnServer!) === 1, { message: 'the pong' });
  // Second round: the silent one is dropped, the answering one pinged again.
  heartbeat.tick();
  heartbeat.tick();
  expect(await silent.closed).toBe(1006);
  await waitFor(() => pongs.get(answeringOnServer!) === 2, { message: 'the second pong' });
  expect(answering.client.readyState).toBe(WebSocket.OPEN);
});

it('keeps an idle y-websocket client hearing from the server, so it never closes a healthy socket', async () => {
  const { wss, heartbeat, connect } = await serverWithHeartbeat(1);
  // A stock y-websocket client, alone: the server answers nothing it sends (as a private room
  // with no edits never does), so only the heartbeat can reach it.
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    'room',
    doc,
    {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  const closes: unknown[] = [];
  provider.on('connection-close', (event) => closes.push(event));
  await waitFor(() => provider.wsconnected && wss.clients.size === 1, { message: 'the provider connecting' });
  await connect(); // a second, raw client is in the same group and must not be disturbed

  // The client's watchdog closes a socket whose last message is older than 30 s; make the last
  // one 29 s old (a second from that), then let one heartbeat round pass.
  const stale = Date.now() - 29_000;
  provider.wsLastMessageReceived = stale;
  heartbeat.tick();
  await waitFor(() => provider.wsLastMessageReceived > stale, { message: 'a message from the heartbeat' });
  expect(provider.wsconnected).toBe(true);
  expect(closes).toEqual([]);
  // The keepalive names nobody: the client's presence list is still just itself.
  expect([...provider.awareness.getStates().keys()]).toEqual([doc.clientID]);
});
