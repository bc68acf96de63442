import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceIdOf, loadConfig, silentLogger, startServer } from '@twofold/server/testing';
import { call, logIn, pairUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

const data = tempDir('twofold-device-');
afterAll(() => data.remove());

interface Row {
  author: string;
  device: string;
}

function rowsOf(dbPath: string): Row[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT author, device FROM doc_updates ORDER BY id').all() as Row[];
  } finally {
    db.close();
  }
}

describe('the device an update is stored with (issue 19)', () => {
  it("gives each of an account's sessions its own device id, neither its token nor its id_hash, and never shows it", async () => {
    const config = loadConfig({
      DATA_DIR: data.path,
      PORT: '0',
      CLIENT_DIR: '',
      AUTH_RATE_LIMIT_PER_MIN: '1000',
    });
    const server = await startServer(config, { logger: silentLogger });
    const clients: SyncClient[] = [];
    try {
      const { alex, spaceId } = await pairUp(server.url);
      // Alex again, from a second browser: another session of the same account.
      const secondCookie = await logIn(server.url, alex.email);
      expect(secondCookie).not.toBe(alex.cookie);

      const laptop = connect(server.url, spaceId, alex.cookie);
      const phone = connect(server.url, spaceId, secondCookie);
      clients.push(laptop, phone);
      await Promise.all([laptop.synced(), phone.synced()]);
      laptop.doc.getText('t').insert(0, 'from the laptop');
      await waitFor(() => phone.doc.getText('t').toString() === 'from the laptop', {
        message: 'phone got it',
      });
      phone.doc.getText('t').insert(0, 'from the phone, ');
      await waitFor(() => laptop.doc.getText('t').length > 'from the laptop'.length, {
        message: 'laptop got it',
      });
      // The journal commits in batches: wait until both edits are in the database.
      await waitFor(() => new Set(rowsOf(config.dbPath).map((row) => row.device)).size >= 2, {
        message: 'both devices stored',
      });

      const rows = rowsOf(config.dbPath).filter((row) => row.author === alex.id);
      const devices = [...new Set(rows.map((row) => row.device))];
      expect(devices).toHaveLength(2);
      for (const device of devices) expect(device).toMatch(/^[0-9a-f]{16}$/);

      const db = new Database(config.dbPath, { readonly: true });
      const hashes = (
        db.prepare('SELECT id_hash AS idHash FROM sessions WHERE user_id = ?').all(alex.id) as {
          idHash: string;
        }[]
      ).map((row) => row.idHash);
      db.close();
      expect(hashes).toHaveLength(2);
      // One device per session, made from it as the upgrade makes it.
      expect([...devices].sort()).toEqual(hashes.map(deviceIdOf).sort());
      for (const secret of [...hashes, alex.cookie, secondCookie]) {
        for (const device of devices) {
          expect(device).not.toBe(secret);
          expect(secret).not.toContain(device);
        }
      }

      // The partner's history shows author and time, never a device.
      const history = await call(server.url, 'GET', `/api/spaces/${spaceId}/history?doc=shared`, {
        cookie: alex.cookie,
      });
      expect(history.status, history.text).toBe(200);
      expect((history.body as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
      for (const row of (history.body as { rows: Record<string, unknown>[] }).rows) {
        expect(Object.keys(row)).not.toContain('device');
      }
      for (const device of devices) expect(history.text).not.toContain(device);
    } finally {
      for (const client of clients) client.destroy();
      await server.close();
    }
  });
});
