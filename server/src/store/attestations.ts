import type { Attestation, CreateAttestationInput } from '@twofold/shared';
import type { Sql } from './sql.ts';

const COLUMNS = `id, subject_type AS "subjectType", subject_id AS "subjectId", kind, content_hash AS "contentHash",
  user_id AS "userId", at`;

/**
 * The notary's ledger: append-only, never updated, never deleted while the space exists. A rule
 * that reads the ledger and then records (one author, one ending) runs in one transaction
 * under the space's lock (`lockSpace`), with this store built on that transaction.
 */
export function createAttestationStore(sql: Sql) {
  return {
    /** Appends one attestation; resolves with it and its ledger id. */
    async record(
      spaceId: string,
      userId: string,
      at: number,
      input: CreateAttestationInput,
    ): Promise<Attestation> {
      const row = await sql.get<{ id: number }>(
        `INSERT INTO attestations (space_id, subject_type, subject_id, kind, content_hash, user_id, at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [spaceId, input.subjectType, input.subjectId, input.kind, input.contentHash, userId, at],
      );
      return { id: Number(row!.id), ...input, userId, at };
    },
    /** The space's ledger in the order it was written, optionally of one subject type or subject. */
    list(spaceId: string, filter: { subjectType?: string; subjectId?: string }): Promise<Attestation[]> {
      const where = ['space_id = ?'];
      const params = [spaceId];
      if (filter.subjectType !== undefined) {
        where.push('subject_type = ?');
        params.push(filter.subjectType);
      }
      if (filter.subjectId !== undefined) {
        where.push('subject_id = ?');
        params.push(filter.subjectId);
      }
      return sql.all<Attestation>(
        `SELECT ${COLUMNS} FROM attestations WHERE ${where.join(' AND ')} ORDER BY id`,
        params,
      );
    },
    async has(
      spaceId: string,
      subjectType: string,
      subjectId: string,
      kind: string,
      userId: string,
    ): Promise<boolean> {
      const row = await sql.get(
        `SELECT 1 AS one FROM attestations
         WHERE space_id = ? AND subject_type = ? AND subject_id = ? AND kind = ? AND user_id = ? LIMIT 1`,
        [spaceId, subjectType, subjectId, kind, userId],
      );
      return row !== undefined;
    },
    /** The first user who attested `kind` on a subject (for `authored`: its author), if any. */
    async firstOfKind(
      spaceId: string,
      subjectType: string,
      subjectId: string,
      kind: string,
    ): Promise<string | undefined> {
      const row = await sql.get<{ userId: string }>(
        `SELECT user_id AS "userId" FROM attestations
         WHERE space_id = ? AND subject_type = ? AND subject_id = ? AND kind = ? ORDER BY id LIMIT 1`,
        [spaceId, subjectType, subjectId, kind],
      );
      return row?.userId;
    },
  };
}
export type AttestationStore = ReturnType<typeof createAttestationStore>;
