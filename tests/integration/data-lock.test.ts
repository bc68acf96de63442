import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { DataInUse, lockData } from '@twofold/server/testing';
import { startAppServer, type AppServer } from '../helpers/app-server.ts';
import { pairUp } from '../helpers/http.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dirs: { remove(): void }[] = [];
let app: AppServer | undefined;
afterAll(async () => {
  await app?.stop();
  for (const dir of dirs) dir.remove();
});

it('lets one server at a time use a data directory, and a crash leaves no lock behind', async () => {
  app = await startAppServer();
  await expect(startAppServer({ dataDir: app.dataDir })).rejects.toThrow(/exited early with 1/);
  // The first one is untouched and keeps serving.
  await pairUp(app.url);

  await app.restart('SIGKILL');
  await pairUp(app.url);
});

it('refuses a second claim on the same database until the first is released', () => {
  const dir = tempDir();
  dirs.push(dir);
  const dbPath = join(dir.path, 'twofold.sqlite');
  const first = lockData(dbPath);
  expect(() => lockData(dbPath)).toThrow(DataInUse);
  first.release();
  lockData(dbPath).release();
});
