import type { Sql } from './sql.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: number;
}

const SELECT = `SELECT id, email, name, password_hash AS "passwordHash", created_at AS "createdAt" FROM users`;

/** Accounts: lookup by id or email, creation. Emails are stored lower-cased. */
export function createUserStore(sql: Sql) {
  return {
    /** Resolves false when the email is already taken (the unique index decides, race-free). */
    async create(user: UserRow): Promise<boolean> {
      const { changes } = await sql.run(
        `INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        [user.id, user.email, user.name, user.passwordHash, user.createdAt],
      );
      return changes === 1;
    },
    findByEmail: (email: string) => sql.get<UserRow>(`${SELECT} WHERE email = ?`, [email]),
    findById: (id: string) => sql.get<UserRow>(`${SELECT} WHERE id = ?`, [id]),
    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await sql.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id]);
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
