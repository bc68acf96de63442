import type { BreachLinkKind } from '@twofold/shared';
import type { Sql } from './sql.ts';

export interface BreachRow {
  id: string;
  spaceId: string;
  description: string;
  hurtUserId: string;
  namedBy: string;
  namedAt: number;
}

export interface BreachStateRow {
  breachId: string;
  state: string;
  by: string;
  at: number;
}

export interface BreachLinkRow {
  breachId: string;
  kind: BreachLinkKind;
  refId: string;
  addedBy: string;
  addedAt: number;
}

const COLUMNS = `id, space_id AS "spaceId", description, hurt_user_id AS "hurtUserId", named_by AS "namedBy",
  named_at AS "namedAt"`;

/**
 * Breaches named in a space, the hurt partner's ledger of where forgiveness stands (append-only,
 * like attestations), and what each has had attached to it. A change of state is decided on
 * the ledger and appended in one transaction under the space's lock (routes/breaches.ts).
 */
export function createBreachStore(sql: Sql) {
  return {
    async create(row: BreachRow): Promise<void> {
      await sql.run(
        `INSERT INTO breaches (id, space_id, description, hurt_user_id, named_by, named_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [row.id, row.spaceId, row.description, row.hurtUserId, row.namedBy, row.namedAt],
      );
    },
    find: (spaceId: string, id: string) =>
      sql.get<BreachRow>(`SELECT ${COLUMNS} FROM breaches WHERE id = ? AND space_id = ?`, [id, spaceId]),
    /** The space's breaches, newest first. */
    list: (spaceId: string) =>
      sql.all<BreachRow>(
        `SELECT ${COLUMNS} FROM breaches WHERE space_id = ? ORDER BY named_at DESC, rowid DESC`,
        [spaceId],
      ),
    /** Appends a change of state; who may make it is decided in forgiveness/transitions.ts. */
    async recordState(breachId: string, state: string, by: string, at: number): Promise<void> {
      await sql.run('INSERT INTO breach_states (breach_id, state, set_by, set_at) VALUES (?, ?, ?, ?)', [
        breachId,
        state,
        by,
        at,
      ]);
    },
    /** Every change of state in the space, in the order recorded. */
    states: (spaceId: string) =>
      sql.all<BreachStateRow>(
        `SELECT s.breach_id AS "breachId", s.state, s.set_by AS "by", s.set_at AS "at" FROM breach_states s
         JOIN breaches b ON b.id = s.breach_id WHERE b.space_id = ? ORDER BY s.id`,
        [spaceId],
      ),
    /** Attaches something once; attaching it again changes nothing. */
    async link(row: BreachLinkRow): Promise<void> {
      await sql.run(
        `INSERT INTO breach_links (breach_id, kind, ref_id, added_by, added_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        [row.breachId, row.kind, row.refId, row.addedBy, row.addedAt],
      );
    },
    /** Everything attached in the space, oldest first. */
    links: (spaceId: string) =>
      sql.all<BreachLinkRow>(
        `SELECT l.breach_id AS "breachId", l.kind, l.ref_id AS "refId", l.added_by AS "addedBy",
           l.added_at AS "addedAt"
         FROM breach_links l JOIN breaches b ON b.id = l.breach_id WHERE b.space_id = ? ORDER BY l.added_at, l.rowid`,
        [spaceId],
      ),
  };
}
export type BreachStore = ReturnType<typeof createBreachStore>;
