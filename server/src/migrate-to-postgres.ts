import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import {
  CopyMismatch,
  CopyRefused,
  copySqliteToPostgres,
  type CopyReport,
} from './store/postgres/copy-from-sqlite.ts';
import { SchemaMismatch } from './store/postgres/copy-tables.ts';
import { openPostgres } from './store/postgres/db.ts';

const USAGE = `Usage: pnpm migrate-to-postgres [--sqlite PATH] [--database-url postgres://…]
   or: SQLITE_PATH=./data/twofold.sqlite DATABASE_URL=postgres://… pnpm migrate-to-postgres
Copies a Twofold SQLite database into an empty PostgreSQL database and verifies the copy.
The SQLite path defaults to the server's own (DATA_DIR/twofold.sqlite). Stop the server first.`;

/** Exit codes: 0 copied and verified, 1 refused / mismatched / failed (nothing kept), 2 usage. */
export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  let values: { sqlite?: string; 'database-url'?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      // `pnpm migrate-to-postgres -- --sqlite …` hands the script its `--` too.
      args: argv[0] === '--' ? argv.slice(1) : argv,
      options: {
        sqlite: { type: 'string' },
        'database-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sqlitePath = values.sqlite ?? positionals[0] ?? env.SQLITE_PATH ?? loadConfig(env).dbPath;
  const url = values['database-url'] ?? positionals[1] ?? env.DATABASE_URL;
  if (!url) {
    console.error(`DATABASE_URL is not set.\n${USAGE}`);
    return 2;
  }
  // Before connecting: a wrong path is the likeliest mistake, and says so plainly.
  if (!existsSync(sqlitePath)) {
    console.error(`Not copied: no SQLite database at ${sqlitePath}`);
    return 1;
  }
  try {
    const pool = await openPostgres(url, { max: 2 });
    try {
      console.log(summary(await copySqliteToPostgres(sqlitePath, pool)));
      return 0;
    } finally {
      await pool.end();
    }
  } catch (error) {
    const known =
      error instanceof CopyRefused || error instanceof CopyMismatch || error instanceof SchemaMismatch;
    console.error(`Not copied: ${known ? (error as Error).message : String(error)}`);
    return 1;
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** "Copied 12 tables, 3,412 rows, 48 documents; verified: …" */
export function summary(report: CopyReport): string {
  const journal =
    report.journalled > 0 ? ` (${count(report.journalled)} journalled edits committed first)` : '';
  return (
    `Copied ${count(report.tables)} tables, ${count(report.rows)} rows, ${count(report.documents)} documents${journal}; ` +
    'verified: every count matches, every document opens to the same content.'
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
