import * as Y from 'yjs';
import { hashToken, randomId, openDb, createStores, docKey } from '@twofold/server/testing';

export interface SeededCouple {
  spaceId: string;
  tokens: [string, string];
}

/**
 * Couples written straight into the database (users, sessions with known tokens, spaces,
 * members), so a large run does not spend minutes hashing thousands of passwords.
 */
export function seedCouples(dbPath: string, count: number): SeededCouple[] {
  const db = openDb(dbPath);
  const now = Date.now();
  const couples: SeededCouple[] = [];
  // Plain statements rather than the (asynchronous) stores: one synchronous transaction.
  const insertUser = db.prepare(
    'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertSession = db.prepare(
    `INSERT INTO sessions (id_hash, public_id, user_id, created_at, last_seen_at, expires_at, user_agent)
     VALUES (?, ?, ?, ?, ?, ?, 'bench')`,
  );
  const insertSpace = db.prepare('INSERT INTO spaces (id, name, created_at) VALUES (?, ?, ?)');
  const insertMember = db.prepare('INSERT INTO members (space_id, user_id, joined_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const people = [0, 1].map((n) => {
        const id = randomId();
        const token = randomId(32);
        insertUser.run(id, `bench-${i}-${n}@example.test`, `P${n}`, 'seeded', now);
        insertSession.run(hashToken(token), randomId(), id, now, now, now + 86_400_000);
        return { id, token };
      });
      const spaceId = randomId();
      insertSpace.run(spaceId, `Bench ${i}`, now);
      for (const person of people) insertMember.run(spaceId, person.id, now);
      couples.push({ spaceId, tokens: [people[0]!.token, people[1]!.token] });
    }
  })();
  db.close();
  return couples;
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
      last = docLog.append(key, authorId, Date.now() - (keystrokes - i) * 200, pending!);
      if ((i + 1) % 500 === 0) docLog.compact(key, last, Date.now(), Y.encodeStateAsUpdate(doc));
    }
  })();
  db.close();
  return Y.encodeStateAsUpdate(doc).byteLength;
}
