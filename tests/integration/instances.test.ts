import { CloseCode, fragmentToPlainText, syncBasePath, usLetterFragment } from '@twofold/shared';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, pairUp } from '../helpers/http.ts';
import { startInstances, type Instances } from '../helpers/instances.ts';
import { connect, tryUpgrade, type SyncClient } from '../helpers/sync-client.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * Two real server processes (the production entry) on one real PostgreSQL 15 and one real
 * Redis 7, each with its own data directory. People sign up, create a space and join it over
 * real HTTP; partners write the us-letter through real y-websocket clients on real WebSockets,
 * each on a different instance.
 */
let instances: Instances;
beforeAll(async () => {
  instances = await startInstances(2);
}, 120_000);
afterAll(async () => {
  await instances?.stop();
}, 60_000);

const clients: SyncClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

const a = () => instances.servers[0]!.url;
const b = () => instances.servers[1]!.url;

function open(url: string, spaceId: string, cookie: string): SyncClient {
  const client = connect(url, spaceId, cookie);
  clients.push(client);
  return client;
}

const syncUrl = (url: string, spaceId: string) =>
  `${url.replace(/^http/, 'ws')}${syncBasePath(spaceId)}/sync`;

const letter = (client: SyncClient) => fragmentToPlainText(usLetterFragment(client.doc));

/** The names of everyone `client` sees present (awareness states with a user). */
const names = (client: SyncClient) =>
  [...client.provider.awareness.getStates().values()].map(
    (state) => (state as { user?: { name?: string } }).user?.name,
  );

/** Types `words` as a new paragraph at the end of the us-letter, as the editor would. */
function write(client: SyncClient, words: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(words)]);
  const fragment = usLetterFragment(client.doc);
  fragment.insert(fragment.length, [paragraph]);
}

describe('two instances on one PostgreSQL and one Redis', () => {
  it('lets partners on different instances write the us-letter together and see each other', async () => {
    const { alex, sam, spaceId } = await pairUp(a());
    const alexOnA = open(a(), spaceId, alex.cookie);
    const samOnB = open(b(), spaceId, sam.cookie);
    await Promise.all([alexOnA.synced(), samOnB.synced()]);

    write(alexOnA, 'Dear Sam,');
    await waitFor(() => letter(samOnB).includes('Dear Sam,'), { message: 'sam on B sees alex on A' });
    write(samOnB, 'Dear Alex,');
    await waitFor(() => letter(alexOnA).includes('Dear Alex,'), { message: 'alex on A sees sam on B' });
    for (let i = 0; i < 10; i++) {
      write(alexOnA, `alex ${i}`);
      write(samOnB, `sam ${i}`);
    }
    await waitFor(() => letter(alexOnA) === letter(samOnB) && letter(alexOnA).includes('sam 9'), {
      message: 'converged',
    });
    for (let i = 0; i < 10; i++) expect(letter(samOnB)).toContain(`alex ${i}`);

    alexOnA.provider.awareness.setLocalStateField('user', { name: 'Alex' });
    samOnB.provider.awareness.setLocalStateField('user', { name: 'Sam' });
    await waitFor(() => names(samOnB).includes('Alex'), { message: 'sam sees alex present' });
    await waitFor(() => names(alexOnA).includes('Sam'), { message: 'alex sees sam present' });

    // Health says where the data is.
    const health = await call(b(), 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, database: 'postgres' });
  });

  it('loses nothing B saw when A is killed mid-editing; A’s partner finds every edit on B', async () => {
    const { alex, sam, spaceId } = await pairUp(b());
    const alexOnA = open(a(), spaceId, alex.cookie);
    const samOnB = open(b(), spaceId, sam.cookie);
    await Promise.all([alexOnA.synced(), samOnB.synced()]);
    for (let i = 0; i < 20; i++) write(alexOnA, `before crash ${i}`);
    await waitFor(() => letter(samOnB).includes('before crash 19'), { message: 'sam sees alex' });
    const seenByB = letter(samOnB);
    // Still typing as A dies: these may or may not have reached A; Alex's device keeps them.
    for (let i = 0; i < 5; i++) write(alexOnA, `in flight ${i}`);

    await instances.crash(0);
    // Alex's device moves to B (as a load balancer would send it) with everything it had.
    const alexOnB = open(b(), spaceId, alex.cookie);
    Y.applyUpdate(alexOnB.doc, Y.encodeStateAsUpdate(alexOnA.doc));
    alexOnA.provider.disconnect();
    await alexOnB.synced();
    // A fresh device on B, with nothing of its own, finds all that B had shown.
    const fresh = open(b(), spaceId, alex.cookie);
    await fresh.synced();
    for (let i = 0; i < 20; i++) expect(letter(fresh)).toContain(`before crash ${i}`);
    expect(letter(fresh).startsWith(seenByB)).toBe(true);
    // What was in flight arrives through B, resent by Alex's device.
    await waitFor(() => letter(samOnB).includes('in flight 4'), { message: 'in-flight edits resent' });

    write(alexOnB, 'after crash');
    await waitFor(() => letter(samOnB).includes('after crash'), { message: 'sam sees alex again' });
    await instances.start(0);
    // And A, back, serves the same letter from PostgreSQL.
    const back = open(a(), spaceId, sam.cookie);
    await back.synced();
    await waitFor(() => letter(back) === letter(samOnB), { message: 'A serves the same letter' });
  });

  it('converges after Redis restarts mid-editing', async () => {
    const { alex, sam, spaceId } = await pairUp(a());
    const alexOnA = open(a(), spaceId, alex.cookie);
    const samOnB = open(b(), spaceId, sam.cookie);
    await Promise.all([alexOnA.synced(), samOnB.synced()]);
    write(alexOnA, 'one');
    await waitFor(() => letter(samOnB).includes('one'), { message: 'first edit crossed' });

    const restarting = instances.redis.restart();
    for (let i = 0; i < 10; i++) {
      write(alexOnA, `alex during ${i}`);
      write(samOnB, `sam during ${i}`);
    }
    await restarting;
    // Nothing more is typed: an instance that missed the last messages must notice by itself.
    await waitFor(
      () =>
        letter(alexOnA) === letter(samOnB) &&
        letter(alexOnA).includes('alex during 9') &&
        letter(alexOnA).includes('sam during 9'),
      { message: 'converged with no edit after the Redis restart', timeout: 30_000 },
    );
    for (let i = 0; i < 10; i++) {
      write(alexOnA, `alex after ${i}`);
      write(samOnB, `sam after ${i}`);
    }
    await waitFor(
      () =>
        letter(alexOnA) === letter(samOnB) &&
        letter(alexOnA).includes('alex after 9') &&
        letter(alexOnA).includes('sam after 9'),
      { message: 'converged after the Redis restart', timeout: 30_000 },
    );
    // Presence only travels through Redis (nothing stores it): the instances are subscribed again.
    alexOnA.provider.awareness.setLocalStateField('user', { name: 'Alex after Redis' });
    samOnB.provider.awareness.setLocalStateField('user', { name: 'Sam after Redis' });
    await waitFor(() => names(samOnB).includes('Alex after Redis'), { message: 'presence A to B again' });
    await waitFor(() => names(alexOnA).includes('Sam after Redis'), { message: 'presence B to A again' });
    for (let i = 0; i < 10; i++) {
      expect(letter(alexOnA)).toContain(`sam during ${i}`);
      expect(letter(samOnB)).toContain(`alex during ${i}`);
    }
  });

  it('says clearly when PostgreSQL is down, loses no acknowledged edit, and works when it returns', async () => {
    const { alex, sam, spaceId } = await pairUp(a());
    const alexOnA = open(a(), spaceId, alex.cookie);
    const samOnB = open(b(), spaceId, sam.cookie);
    await Promise.all([alexOnA.synced(), samOnB.synced()]);
    for (let i = 0; i < 5; i++) write(alexOnA, `kept ${i}`);
    // Shown to the partner on the other instance means committed to PostgreSQL (durable before shared).
    await waitFor(() => letter(samOnB).includes('kept 4'), { message: 'shown on B' });
    const shown = letter(samOnB);

    await instances.postgres.crash();
    try {
      for (const url of [a(), b()]) {
        const health = await call(url, 'GET', '/api/health');
        expect(health.status).toBe(503);
        expect(health.body).toMatchObject({ ok: false, database: 'postgres' });
      }
      // Someone arriving while it is down cannot be signed in: refused with 503, never 401
      // (which would tell the client it was signed out) and never let in on nothing.
      const origin = new URL(b()).origin;
      expect(await tryUpgrade(syncUrl(b(), spaceId), { cookie: sam.cookie, origin })).toBe(503);
      write(alexOnA, 'while down');
      await waitFor(() => alexOnA.closes.includes(CloseCode.tryAgainLater), {
        message: 'the writer is told to try again later (1013)',
      });
    } finally {
      await instances.postgres.start();
    }

    await waitFor(async () => (await call(a(), 'GET', '/api/health')).status === 200, {
      message: 'A healthy again',
      timeout: 30_000,
    });
    // y-websocket reconnects by itself and resends what the server did not take.
    await waitFor(() => letter(samOnB).includes('while down'), {
      message: 'the edit made while down arrives once PostgreSQL is back',
      timeout: 30_000,
    });
    write(samOnB, 'back again');
    await waitFor(() => letter(alexOnA).includes('back again'), { message: 'editing works again' });
    const fresh = open(b(), spaceId, sam.cookie);
    await fresh.synced();
    for (let i = 0; i < 5; i++) expect(letter(fresh)).toContain(`kept ${i}`);
    expect(letter(fresh).startsWith(shown)).toBe(true);
    await waitFor(() => letter(fresh) === letter(alexOnA), { message: 'stored letter matches' });
  });
});
