import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  backupDatabase,
  loadConfig,
  silentLogger,
  startServer,
  type RunningServer,
} from '@twofold/server/testing';
import { pairUp } from '../helpers/http.ts';
import { connect, type SyncClient } from '../helpers/sync-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

const live = tempDir();
const restored = tempDir();
const clients: SyncClient[] = [];
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const server of servers) await server.close();
  live.remove();
  restored.remove();
});

function start(dataDir: string) {
  return startServer(
    loadConfig({ DATA_DIR: dataDir, PORT: '0', CLIENT_DIR: '', AUTH_RATE_LIMIT_PER_MIN: '1000' }),
    {
      logger: silentLogger,
    },
  ).then((server) => (servers.push(server), server));
}

it('restores a backup taken while partners are editing, and every space in it opens', async () => {
  const server = await start(live.path);
  const couples = await Promise.all([pairUp(server.url), pairUp(server.url)]);
  const writers = couples.map(({ spaceId, alex }) => connect(server.url, spaceId, alex.cookie));
  clients.push(...writers);
  await Promise.all(writers.map((w) => w.synced()));
  for (const [i, writer] of writers.entries())
    writer.doc.getText('t').insert(0, `couple ${i} before the backup. `);
  await waitFor(
    () => {
      const db = new Database(join(live.path, 'twofold.sqlite'), { readonly: true });
      const n = (db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n;
      db.close();
      return n >= 2;
    },
    { message: 'edits stored' },
  );

  // Keep typing while the backup runs.
  let typed = 0;
  const typing = setInterval(() => writers[0]!.doc.getText('t').insert(0, `${typed++} `), 5);
  const copy = await backupDatabase(join(live.path, 'twofold.sqlite'), join(live.path, 'backups'));
  clearInterval(typing);

  // Restore: the copy becomes the database of a new server.
  const { copyFileSync, statSync } = await import('node:fs');
  expect(statSync(copy).mode & 0o777).toBe(0o600);
  copyFileSync(copy, join(restored.path, 'twofold.sqlite'));
  const db = new Database(join(restored.path, 'twofold.sqlite'), { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
  const restoredServer = await start(restored.path);
  for (const [i, { spaceId, sam }] of couples.entries()) {
    const reader = connect(restoredServer.url, spaceId, sam.cookie);
    clients.push(reader);
    await reader.synced();
    await waitFor(() => reader.doc.getText('t').toString().includes(`couple ${i} before the backup.`), {
      message: `space ${i} in the restored copy`,
    });
  }
});
