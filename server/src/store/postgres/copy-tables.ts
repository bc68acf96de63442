import type { Db } from '../db.ts';
import type { Queryable } from './doc-log.ts';

/** The SQLite and PostgreSQL schemas do not line up: a table or column has no twin. */
export class SchemaMismatch extends Error {}

/**
 * The document log's tables: copied by copy-docs.ts (renumbered into per-document sequence
 * numbers), not row for row. Each lists every SQLite column it has and what becomes of it, so a
 * column a later migration adds fails the copy (`checkDocTables`) instead of being left behind.
 */
export const DOC_TABLES: Record<string, Record<string, string>> = {
  doc_updates: {
    id: 'renumbered into seq (dense per document)',
    doc_key: 'copied',
    author: 'copied',
    device: 'copied',
    at: 'copied',
    merged_count: 'copied',
    data: 'copied',
  },
  doc_snapshots: {
    doc_key: 'copied',
    upto_id: 'renumbered into upto_seq',
    at: 'copied',
    data: 'copied',
    // How far history is coalesced: rows merged in SQLite stay merged, and are not replayed.
    coalesced_upto: 'renumbered into coalesced_upto',
    // A cache of merged history (doc-history.ts), rebuilt from the rows when asked for.
    history_upto: 'dropped',
    history_base: 'dropped',
  },
  // SQLite's id allocator; doc_heads plays its part on PostgreSQL (written by copy-docs.ts).
  doc_log_floor: { id: 'dropped' },
};

/** A PostgreSQL column, as information_schema describes it. */
interface TargetColumn {
  name: string;
  type: string;
  nullable: boolean;
  hasDefault: boolean;
  /** Filled from a sequence (identity, serial) when not given. */
  sequenced: boolean;
}

/** How one SQLite table goes into its PostgreSQL twin. */
export interface TablePlan {
  name: string;
  /** SQLite columns, each copied into the PostgreSQL column of the same name. */
  columns: string[];
  /** The PostgreSQL twin has a `rowid` column: SQLite's rowid goes there (ties keep their order). */
  withRowid: boolean;
  /** PostgreSQL's type of each column in `columns` (then `rowid`), for conversions. */
  types: string[];
  /** Identity or serial columns whose sequence must continue past the copied ids. */
  sequenced: string[];
}

/**
 * Works out, from both live schemas, how every SQLite app table is copied, in foreign-key order
 * (a table after every table it references). No list kept by hand: a table without a
 * PostgreSQL twin, a column missing there, or a PostgreSQL column that must be filled and has
 * no SQLite source throws `SchemaMismatch`, so a later migration cannot be skipped silently.
 */
export async function planTables(source: Db, target: Queryable): Promise<TablePlan[]> {
  const targetTables = await targetSchema(target);
  const names = sourceTables(source);
  checkDocTables(source, names);
  const appTables = names.filter((name) => !(name in DOC_TABLES));
  return foreignKeyOrder(source, appTables).map((name) => {
    const twin = targetTables.get(name);
    if (!twin) throw new SchemaMismatch(`SQLite table ${name} has no PostgreSQL twin`);
    const columns = columnsOf(source, name);
    for (const column of columns) {
      if (!twin.has(column)) throw new SchemaMismatch(`column ${name}.${column} is missing on PostgreSQL`);
    }
    const withRowid = twin.has('rowid') && !columns.includes('rowid');
    for (const column of twin.values()) {
      const filled = columns.includes(column.name) || (withRowid && column.name === 'rowid');
      if (!filled && !column.nullable && !column.hasDefault) {
        throw new SchemaMismatch(`PostgreSQL column ${name}.${column.name} has no SQLite source`);
      }
    }
    const copied = withRowid ? [...columns, 'rowid'] : columns;
    return {
      name,
      columns,
      withRowid,
      types: copied.map((column) => twin.get(column)?.type ?? 'text'),
      sequenced: [...twin.values()]
        .filter((column) => copied.includes(column.name) && column.sequenced)
        .map((column) => column.name),
    };
  });
}

/** Fails when a document-log table has a column DOC_TABLES does not say what to do with. */
function checkDocTables(source: Db, names: string[]) {
  for (const [table, known] of Object.entries(DOC_TABLES)) {
    if (!names.includes(table)) throw new SchemaMismatch(`SQLite table ${table} is missing`);
    for (const column of columnsOf(source, table)) {
      if (!(column in known))
        throw new SchemaMismatch(`column ${table}.${column} is not copied (copy-tables.ts)`);
    }
  }
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for any table here. */
const MAX_ROWS_PER_INSERT = 500;
const MAX_PARAMETERS = 60_000;

/**
 * Copies one table's rows, in SQLite rowid order, as multi-row INSERTs on `target` (the
 * caller's transaction), then moves identity sequences past the copied ids. Returns the number
 * of rows copied. Throws what PostgreSQL throws (a foreign key or type it refuses).
 */
export async function copyTable(source: Db, target: Queryable, plan: TablePlan): Promise<number> {
  const selected = plan.columns.map(quote);
  if (plan.withRowid) selected.push(`_rowid_ AS "rowid"`);
  const read = source
    .prepare(`SELECT ${selected.join(', ')} FROM ${quote(plan.name)} ORDER BY _rowid_`)
    .raw();
  const width = plan.types.length;
  const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / width)));
  const insertInto = `INSERT INTO ${quote(plan.name)} (${[
    ...plan.columns,
    ...(plan.withRowid ? ['rowid'] : []),
  ]
    .map(quote)
    .join(', ')}) VALUES `;
  let batch: unknown[][] = [];
  let copied = 0;
  const insert = async () => {
    if (batch.length === 0) return;
    const tuples = batch.map(
      (_, row) => `(${plan.types.map((__, i) => `$${row * width + i + 1}`).join(', ')})`,
    );
    const values = batch.flatMap((row) => row.map((value, i) => toPostgres(value, plan.types[i] ?? 'text')));
    await target.query(insertInto + tuples.join(', '), values);
    copied += batch.length;
    batch = [];
  };
  for (const row of read.iterate() as IterableIterator<unknown[]>) {
    batch.push(row);
    if (batch.length >= perInsert) await insert();
  }
  await insert();
  for (const column of plan.sequenced) {
    await target.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(max(${quote(column)}), 1), max(${quote(column)}) IS NOT NULL)
       FROM ${quote(plan.name)}`,
      [quote(plan.name), column],
    );
  }
  return copied;
}

/** Rows in an SQLite table. */
export function sqliteCount(source: Db, table: string): number {
  return (source.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
}

/** Rows in a PostgreSQL table. */
export async function postgresCount(target: Queryable, table: string): Promise<number> {
  const result = await target.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
  return Number(result.rows[0]?.n ?? 0);
}

/** PostgreSQL tables (of the current schema) holding any row, `schema_version` aside. */
export async function nonEmptyTables(target: Queryable): Promise<string[]> {
  const full: string[] = [];
  for (const name of (await targetSchema(target)).keys()) {
    if (name === 'schema_version') continue;
    const result = await target.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`);
    if (result.rows.length > 0) full.push(name);
  }
  return full;
}

/** Every table in the SQLite file, SQLite's own aside. */
function sourceTables(source: Db): string[] {
  const rows = source
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

function columnsOf(source: Db, table: string): string[] {
  return (source.pragma(`table_info(${quote(table)})`) as { name: string }[]).map((column) => column.name);
}

/** `tables` ordered so each comes after the tables its foreign keys reference. */
function foreignKeyOrder(source: Db, tables: string[]): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table)) throw new SchemaMismatch(`foreign keys form a cycle through ${table}`);
    visiting.add(table);
    const references = source.pragma(`foreign_key_list(${quote(table)})`) as { table: string }[];
    for (const { table: referenced } of references) {
      // A table referencing itself (a letter replying to a letter): its rows go in rowid order,
      // and SQLite checked each reference when its row was written, so the older row comes first.
      if (referenced !== table && tables.includes(referenced)) visit(referenced);
    }
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

async function targetSchema(target: Queryable): Promise<Map<string, Map<string, TargetColumn>>> {
  const result = await target.query<{
    table: string;
    name: string;
    type: string;
    nullable: string;
    default: string | null;
    identity: string;
  }>(
    `SELECT c.table_name AS table, c.column_name AS name, c.data_type AS type, c.is_nullable AS nullable,
            c.column_default AS default, c.is_identity AS identity
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Map<string, TargetColumn>>();
  for (const row of result.rows) {
    const columns = tables.get(row.table) ?? new Map<string, TargetColumn>();
    columns.set(row.name, {
      name: row.name,
      type: row.type,
      nullable: row.nullable === 'YES',
      hasDefault: row.default !== null || row.identity === 'YES',
      sequenced: row.identity === 'YES' || (row.default ?? '').startsWith('nextval('),
    });
    tables.set(row.table, columns);
  }
  return tables;
}

/** SQLite keeps booleans as 0/1; everything else (numbers, text, blobs as Buffers) passes as is. */
function toPostgres(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value !== 0 && value !== '0' && value !== false;
  return value;
}

/** A quoted identifier: table and column names come from the schemas, never from input. */
export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
