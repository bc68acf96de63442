import { afterEach, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startHeartbeat } from '../../server/src/sync/heartbeat.ts';
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
