import type { Db } from './db.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: number;
}

/** Accounts: lookup by id or email, creation. Emails are stored lower-cased. */
export function createUserStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const select = `SELECT id, email, name, password_hash AS passwordHash, created_at AS createdAt FROM users`;
  const byEmail = db.prepare(`${select} WHERE email = ?`);
  const byId = db.prepare(`${select} WHERE id = ?`);
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');

  return {
    /** Returns false when the email is already taken (the unique index decides, race-free). */
    create(user: UserRow): boolean {
      try {
        insert.run(user.id, user.email, user.name, user.passwordHash, user.createdAt);
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
        throw error;
      }
    },
    findByEmail: (email: string) => byEmail.get(email) as UserRow | undefined,
    findById: (id: string) => byId.get(id) as UserRow | undefined,
    setPasswordHash(id: string, passwordHash: string): void {
      setPassword.run(passwordHash, id);
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
