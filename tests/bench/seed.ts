import * as Y from 'yjs';
import {
  createSqliteSql,
  createStores,
  docKey,
  hashToken,
  openDb,
  randomId,
  SERVER_DEVICE,
  type Sql,
  type SqlValue,
} from '@twofold/server/testing';

export interface SeededCouple {
  spaceId: string;
  tokens: [string, string];
}

/** How many couples one multi-row INSERT per table carries (200 users: 1,000 parameters). */
const CHUNK = 100;

/**
 * Couples written straight into the database (users, sessions with known tokens, spaces,
 * members) in one transaction, so a large run does not spend minutes hashing thousands of
 * passwords or meet the login rate limit. The same rows on either engine (`Sql`): the SQLite
 * file before its server starts, or the PostgreSQL database several instances share.
 */
export async function seedCouplesInto(sql: Sql, count: number): Promise<SeededCouple[]> {
  const now = Date.now();
  const couples: SeededCouple[] = [];
  await sql.transaction(async (tx) => {
    for (let first = 0; first < count; first += CHUNK) {
      const users: SqlValue[][] = [];
      const sessions: SqlValue[][] = [];
      const spaces: SqlValue[][] = [];
      const members: SqlValue[][] = [];
      for (let i = first; i < Math.min(count, first + CHUNK); i++) {
        const people = [0, 1].map((n) => {
          const id = randomId();
          const token = randomId(32);
          users.push([id, `bench-${i}-${n}@example.test`, `P${n}`, 'seeded', now]);
          sessions.push([hashToken(token), randomId(), id, now, now, now + 86_400_000, 'bench']);
          return { id, token };
        });
        const spaceId = randomId();
        spaces.push([spaceId, `Bench ${i}`, now]);
        for (const person of people) members.push([spaceId, person.id, now]);
        couples.push({ spaceId, tokens: [people[0]!.token, people[1]!.token] });
      }
      await insertRows(tx, 'users (id, email, name, password_hash, created_at)', users);
      await insertRows(
        tx,
        'sessions (id_hash, public_id, user_id, created_at, last_seen_at, expires_at, user_agent)',
        sessions,
      );
      await insertRows(tx, 'spaces (id, name, created_at)', spaces);
      await insertRows(tx, 'members (space_id, user_id, joined_at)', members);
    }
  });
  return couples;
}

/** One INSERT of every row in `rows` into `into` ("table (columns)"). */
function insertRows(tx: Sql, into: string, rows: SqlValue[][]) {
  const values = rows.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ');
  return tx.run(`INSERT INTO ${into} VALUES ${values}`, rows.flat());
}

/** `seedCouplesInto` a (new or migrated) SQLite file at `dbPath`. */
export async function seedCouples(dbPath: string, count: number): Promise<SeededCouple[]> {
  const db = openDb(dbPath);
  try {
    return await seedCouplesInto(createSqliteSql(db), count);
  } finally {
    db.close();
  }
}

/**
 * A space whose history is `keystrokes` single-character updates, logged and compacted the way
 * the server's rooms do it (a snapshot every 500 rows). Returns the encoded document's size.
 */
export function seedLongHistory(
  dbPath: string,
  spaceId: string,
  authorId: string,
  keystrokes: number,
): number {
  const db = openDb(dbPath);
  const { docLog } = createStores(db);
  const doc = new Y.Doc();
  const text = doc.getText('letter');
  const key = docKey.shared(spaceId);
  let last = 0;
  let pending: Uint8Array | null = null;
  doc.on('update', (update: Uint8Array) => (pending = update));
  db.transaction(() => {
    for (let i = 0; i < keystrokes; i++) {
      text.insert(text.length, 'abcdefghij '[i % 11]!);
      last = docLog.append(key, pending!, {
        author: authorId,
        device: SERVER_DEVICE,
        at: Date.now() - (keystrokes - i) * 200,
      });
      if ((i + 1) % 500 === 0) docLog.compact(key, last, Date.now(), Y.encodeStateAsUpdate(doc));
    }
  })();
  db.close();
  return Y.encodeStateAsUpdate(doc).byteLength;
}
