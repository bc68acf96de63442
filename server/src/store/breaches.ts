import type { BreachLinkKind } from '@twofold/shared';
import type { Db } from './db.ts';

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

const COLUMNS =
  'id, space_id AS spaceId, description, hurt_user_id AS hurtUserId, named_by AS namedBy, named_at AS namedAt';

/**
 * Breaches named in a space, the hurt partner's ledger of where forgiveness stands (append-only,
 * like attestations), and what each has had attached to it.
 */
export function createBreachStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO breaches (id, space_id, description, hurt_user_id, named_by, named_at)
     VALUES (@id, @spaceId, @description, @hurtUserId, @namedBy, @namedAt)`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM breaches WHERE id = ? AND space_id = ?`);
  const ofSpace = db.prepare(
    `SELECT ${COLUMNS} FROM breaches WHERE space_id = ? ORDER BY named_at DESC, rowid DESC`,
  );
  const insertState = db.prepare(
    'INSERT INTO breach_states (breach_id, state, set_by, set_at) VALUES (?, ?, ?, ?)',
  );
  const statesOfSpace = db.prepare(
    `SELECT s.breach_id AS breachId, s.state, s.set_by AS "by", s.set_at AS "at" FROM breach_states s
     JOIN breaches b ON b.id = s.breach_id WHERE b.space_id = ? ORDER BY s.id`,
  );
  const insertLink = db.prepare(
    `INSERT INTO breach_links (breach_id, kind, ref_id, added_by, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const linksOfSpace = db.prepare(
    `SELECT l.breach_id AS breachId, l.kind, l.ref_id AS refId, l.added_by AS addedBy, l.added_at AS addedAt
     FROM breach_links l JOIN breaches b ON b.id = l.breach_id WHERE b.space_id = ? ORDER BY l.added_at, l.rowid`,
  );

  return {
    create(row: BreachRow): void {
      insert.run(row);
    },
    find: (spaceId: string, id: string) => byId.get(id, spaceId) as BreachRow | undefined,
    list: (spaceId: string) => ofSpace.all(spaceId) as BreachRow[],
    /** Appends a change of state; who may make it is decided in forgiveness/transitions.ts. */
    recordState(breachId: string, state: string, by: string, at: number): void {
      insertState.run(breachId, state, by, at);
    },
    states: (spaceId: string) => statesOfSpace.all(spaceId) as BreachStateRow[],
    /** Attaches something once; attaching it again changes nothing. */
    link(row: BreachLinkRow): void {
      insertLink.run(row.breachId, row.kind, row.refId, row.addedBy, row.addedAt);
    },
    links: (spaceId: string) => linksOfSpace.all(spaceId) as BreachLinkRow[],
  };
}
export type BreachStore = ReturnType<typeof createBreachStore>;
