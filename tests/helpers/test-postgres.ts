import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';

/**
 * A real PostgreSQL server (the Debian `postgresql` package, 15 preferred) of its own: a fresh
 * cluster in a temporary directory, listening on a free loopback port, fsync and synchronous
 * commit on as in production. Started as the `postgres` system user when the tests run as root
 * (PostgreSQL refuses root). Missing binaries or a failed start throw: never a skip.
 */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  port: number;
  /** A new empty database; resolves with its URL. */
  createDatabase(name?: string): Promise<string>;
  /**
   * Stops the server at once, as a crash would (immediate shutdown: no checkpoint; what was
   * committed survives only through the WAL, fsynced). `start` brings it back.
   */
  crash(): Promise<void>;
  /** Starts the crashed server again on the same port and data (crash recovery runs first). */
  start(): Promise<void>;
  /** Stops the server and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

let counter = 0;

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  const root = mkdtempSync(join(tmpdir(), 'twofold-pg-'));
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const user = lookupUser('postgres');
    chownSync(root, user.uid, user.gid);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
      : [join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) {
      const log = existsSync(join(root, 'log')) ? readFileSync(join(root, 'log'), 'utf8') : '';
      throw new Error(
        `test postgres: ${command} failed (${result.status ?? result.signal}): ${result.error ?? ''}${result.stderr}${result.stdout}${log}`,
      );
    }
  };
  let running = false;
  const halt = () => {
    if (running) {
      running = false;
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    }
  };
  const stopNow = () => {
    halt();
    rmSync(root, { recursive: true, force: true });
  };
  // Even when a test fails or the worker exits early, the server does not outlive the run.
  const onExit = () => stopNow();
  let settings = '';
  const start = () => {
    if (running) return;
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(root, 'log'), '-w', '-t', '60', 'start']);
    running = true;
  };
  try {
    // --no-sync only speeds up creating the cluster; the server itself runs with fsync on.
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${root}`,
      '-c fsync=on',
      '-c synchronous_commit=on',
      '-c full_page_writes=on',
      '-c max_connections=100',
    ].join(' ');
    start();
    process.once('exit', onExit);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      port,
      async createDatabase(name = `twofold_${process.pid}_${++counter}`) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
        } finally {
          await admin.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      async crash() {
        halt();
      },
      async start() {
        start();
      },
      async stop() {
        process.removeListener('exit', onExit);
        // Immediate: the cluster is thrown away, so its shutdown checkpoint would be wasted time.
        stopNow();
      },
    };
  } catch (error) {
    stopNow();
    throw error;
  }
}

/** PG_BIN, else /usr/lib/postgresql/15/bin, else the newest installed major's. */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base)
    ? readdirSync(base)
        .filter((name) => existsSync(join(base, name, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const major = majors.includes('15') ? '15' : majors[0];
  if (!major)
    throw new Error('test postgres: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)');
  return join(base, major, 'bin');
}

function lookupUser(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error(`test postgres: no ${name} user (apt-get install postgresql)`);
  return { uid: Number(uid), gid: Number(gid) };
}
