import { CloseCode } from '@twofold/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  SESSION_TTL_MS,
  TOUCH_EVERY_MS,
  loadConfig,
  silentLogger,
  startServer,
  type RunningServer,
} from '@twofold/server/testing';
import { call, pairUp } from '../helpers/http.ts';
import { startSessionSweep } from '../../server/src/sync/session-sweep.ts';
import { connect } from '../helpers/sync-client.ts';
import { holdPoint, stillWaiting } from '../helpers/hold.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { startTestInstances } from '../helpers/test-instances.ts';
import { testClock } from '../helpers/test-clock.ts';
import { waitFor } from '../helpers/wait-for.ts';

const clock = testClock();
const dir = tempDir('twofold-lapse-');
let server: RunningServer;
beforeAll(async () => {
  const config = loadConfig({ DATA_DIR: dir.path, PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: '' });
  // The sweep runs on a short real timer; what it compares against is the test clock.
  server = await startServer(config, { clock, logger: silentLogger, sessionSweepMs: 25 });
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

it('closes the sockets of a session that expires while they are open with 4401, and keeps a session whose expiry slid', async () => {
  const { alex, sam, spaceId } = await pairUp(server.url);
  const alexShared = connect(server.url, spaceId, alex.cookie);
  const alexPrivate = connect(server.url, spaceId, alex.cookie, { private: true });
  const samShared = connect(server.url, spaceId, sam.cookie);
  try {
    await Promise.all([alexShared.synced(), alexPrivate.synced(), samShared.synced()]);

    // A minute before both would expire, Sam uses the app: Sam's expiry slides a month on.
    clock.advance(SESSION_TTL_MS - 60_000);
    expect(TOUCH_EVERY_MS).toBeLessThan(SESSION_TTL_MS - 60_000);
    expect((await call(server.url, 'GET', '/api/me', { cookie: sam.cookie })).status).toBe(200);
    clock.advance(2 * 60_000);

    await waitFor(() => alexShared.closes.includes(CloseCode.sessionEnded), {
      message: 'shared socket closed',
    });
    await waitFor(() => alexPrivate.closes.includes(CloseCode.sessionEnded), {
      message: 'private socket closed',
    });
    // y-websocket does not reconnect after a 44xx close.
    expect(alexShared.provider.shouldConnect).toBe(false);
    expect((await call(server.url, 'GET', '/api/me', { cookie: alex.cookie })).status).toBe(401);
    // The sweep that closed Alex's sockets also looked at Sam's, and left them open.
    expect(samShared.closes).toEqual([]);
    expect(samShared.provider.wsconnected).toBe(true);
  } finally {
    for (const client of [alexShared, alexPrivate, samShared]) client.destroy();
  }
});

it('stops sweeping between sessions, and waits for the sweep in flight before the store closes', async () => {
  const { instances, close } = await startTestInstances(1);
  const [one] = instances;
  const { alex, sam, spaceId } = await pairUp(one!.url);
  const clients = [connect(one!.url, spaceId, alex.cookie), connect(one!.url, spaceId, sam.cookie)];
  try {
    await Promise.all(clients.map((client) => client.synced()));
    const point = holdPoint();
    const asked: string[] = [];
    // The sweep is held on its first session's lookup until the gate opens.
    const sweep = startSessionSweep(
      one!.built.rooms,
      async (sessionHash) => {
        asked.push(sessionHash);
        await point.hold();
        return true;
      },
      10,
    );
    await point.reached;

    const stopping = sweep.stop();
    expect(await stillWaiting(stopping)).toBe(true);
    point.release();
    await stopping;
    // Two sessions had sockets open; the second was never looked up, and nobody was closed.
    expect(asked).toHaveLength(1);
    for (const client of clients) expect(client.closes).toEqual([]);
  } finally {
    for (const client of clients) client.destroy();
    await close();
  }
});
