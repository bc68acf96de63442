import Database from 'better-sqlite3';
import { CloseCode } from '@twofold/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, pairUp, PASSWORD, signUp, createSpace } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DAY = 24 * 60 * 60 * 1000;
const body = (text: string) => ({
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  text,
});

/** Counts rows in the real database file, read-only, next to the running server. */
function count(sql: string, ...params: unknown[]): number {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

async function writePrivate(spaceId: string, cookie: string, text: string): Promise<SyncClient> {
  const client = connect(server.url, spaceId, cookie, { private: true });
  await client.synced();
  client.doc.getText('scratch').insert(0, text);
  await waitFor(() => count("SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key LIKE 'private:%'") > 0, {
    message: 'private update stored',
  });
  return client;
}

describe('leaving a space', () => {
  it('removes the member, their private document and unopened sealed letters, closes their sockets with 4403, and tells the partner', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const samPrivate = await writePrivate(spaceId, sam.cookie, 'only mine');
    const samShared = connect(server.url, spaceId, sam.cookie);
    const alexShared = connect(server.url, spaceId, alex.cookie);
    await Promise.all([samShared.synced(), alexShared.synced()]);
    samShared.doc.getText('t').insert(0, 'Sam wrote this for both of us');

    const letters = `/api/spaces/${spaceId}/letters`;
    const open = await call(server.url, 'POST', letters, {
      cookie: sam.cookie,
      json: { title: 'Open', body: body('Read me') },
    });
    const sealed = await call(server.url, 'POST', letters, {
      cookie: sam.cookie,
      json: { title: 'Later', body: body('Not yet'), seal: { kind: 'date', opensAt: Date.now() + 30 * DAY } },
    });
    expect(open.status, open.text).toBe(201);
    expect(sealed.status, sealed.text).toBe(201);
    await waitFor(() => alexShared.doc.getText('t').toString().length > 0, { message: 'relayed' });

    const left = await call(server.url, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: sam.cookie });
    expect(left.status, left.text).toBe(204);

    await waitFor(() => samPrivate.closes.includes(CloseCode.membershipLost), { message: 'private closed' });
    await waitFor(() => samShared.closes.includes(CloseCode.membershipLost), { message: 'shared closed' });
    expect(alexShared.closes).toEqual([]);
    samPrivate.destroy();
    samShared.destroy();

    expect(count('SELECT COUNT(*) AS n FROM members WHERE space_id = ?', spaceId)).toBe(1);
    expect(
      count('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key LIKE ?', `private:${spaceId}:${sam.id}`),
    ).toBe(0);
    expect(
      count('SELECT COUNT(*) AS n FROM doc_snapshots WHERE doc_key LIKE ?', `private:${spaceId}:${sam.id}`),
    ).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM letters WHERE space_id = ?', spaceId)).toBe(1);

    // Alex keeps what Sam shared, sees that Sam left, and the space can take a new partner.
    const space = await call(server.url, 'GET', `/api/spaces/${spaceId}`, { cookie: alex.cookie });
    expect(space.body).toMatchObject({
      space: { members: [{ name: 'Alex' }], formerMembers: [{ id: sam.id, name: 'Sam' }] },
    });
    const list = await call(server.url, 'GET', letters, { cookie: alex.cookie });
    expect(list.text).toContain('Read me');
    expect(list.text).not.toContain('Not yet');
    expect(alexShared.doc.getText('t').toString()).toBe('Sam wrote this for both of us');
    alexShared.destroy();
    expect(
      (await call(server.url, 'POST', `/api/spaces/${spaceId}/invites`, { cookie: alex.cookie })).status,
    ).toBe(201);

    // Sam is no longer a member: the space is a 404 and its sockets are refused.
    expectError(
      await call(server.url, 'GET', `/api/spaces/${spaceId}`, { cookie: sam.cookie }),
      404,
      'not_found',
    );
    expectError(
      await call(server.url, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: sam.cookie }),
      404,
      'not_found',
    );
  });

  it('deletes the whole space when the last member closes it', async () => {
    const alex = await signUp(server.url, 'Alex');
    const spaceId = await createSpace(server.url, alex.cookie);
    const client = connect(server.url, spaceId, alex.cookie);
    await client.synced();
    client.doc.getText('t').insert(0, 'our words');
    await waitFor(
      () => count('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key = ?', `space:${spaceId}`) > 0,
      {
        message: 'stored',
      },
    );

    expect(
      (await call(server.url, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: alex.cookie })).status,
    ).toBe(204);
    await waitFor(() => client.closes.includes(CloseCode.membershipLost), { message: 'closed' });
    client.destroy();
    expect(count('SELECT COUNT(*) AS n FROM spaces WHERE id = ?', spaceId)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key LIKE ?', `%${spaceId}%`)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM doc_snapshots WHERE doc_key LIKE ?', `%${spaceId}%`)).toBe(0);
  });

  it('refuses an outsider and a request without a session', async () => {
    const { spaceId } = await pairUp(server.url);
    const stranger = await signUp(server.url, 'Kim');
    expectError(
      await call(server.url, 'POST', `/api/spaces/${spaceId}/leave`, { cookie: stranger.cookie }),
      404,
      'not_found',
    );
    expectError(await call(server.url, 'POST', `/api/spaces/${spaceId}/leave`), 401, 'unauthenticated');
    expect(count('SELECT COUNT(*) AS n FROM members WHERE space_id = ?', spaceId)).toBe(2);
  });
});

describe('deleting an account', () => {
  it('asks for the password, then removes the user, their sessions and memberships from the database', async () => {
    const { alex, sam, spaceId } = await pairUp(server.url);
    const samSocket = connect(server.url, spaceId, sam.cookie);
    await samSocket.synced();

    expectError(
      await call(server.url, 'DELETE', '/api/account', {
        cookie: sam.cookie,
        json: { password: 'wrong one' },
      }),
      401,
      'invalid_credentials',
    );
    expectError(
      await call(server.url, 'DELETE', '/api/account', { cookie: sam.cookie, json: {} }),
      400,
      'invalid_input',
    );

    const deleted = await call(server.url, 'DELETE', '/api/account', {
      cookie: sam.cookie,
      json: { password: PASSWORD },
    });
    expect(deleted.status, deleted.text).toBe(204);
    await waitFor(() => samSocket.closes.includes(CloseCode.sessionEnded), { message: 'socket closed' });
    samSocket.destroy();

    expect(count('SELECT COUNT(*) AS n FROM users WHERE id = ?', sam.id)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', sam.id)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM members WHERE user_id = ?', sam.id)).toBe(0);
    expectError(await call(server.url, 'GET', '/api/me', { cookie: sam.cookie }), 401, 'unauthenticated');

    const space = await call(server.url, 'GET', `/api/spaces/${spaceId}`, { cookie: alex.cookie });
    expect(space.body).toMatchObject({
      space: { members: [{ name: 'Alex' }], formerMembers: [{ name: 'Sam' }] },
    });
  });
});
