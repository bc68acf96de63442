import type { Attestation, CreateAttestationInput } from '@twofold/shared';
import type { Db } from './db.ts';

/** The notary's ledger: append-only, never updated, never deleted while the space exists. */
export function createAttestationStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO attestations (space_id, subject_type, subject_id, kind, content_hash, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const columns =
    'id, subject_type AS subjectType, subject_id AS subjectId, kind, content_hash AS contentHash, user_id AS userId, at';
  const list = db.prepare(
    `SELECT ${columns} FROM attestations WHERE space_id = @spaceId
       AND (@subjectType IS NULL OR subject_type = @subjectType)
       AND (@subjectId IS NULL OR subject_id = @subjectId)
     ORDER BY id`,
  );
  const byUserKind = db.prepare(
    'SELECT 1 FROM attestations WHERE space_id = ? AND subject_type = ? AND subject_id = ? AND kind = ? AND user_id = ? LIMIT 1',
  );
  const anyOfKind = db.prepare(
    'SELECT user_id AS userId FROM attestations WHERE space_id = ? AND subject_type = ? AND subject_id = ? AND kind = ? ORDER BY id LIMIT 1',
  );

  return {
    record(spaceId: string, userId: string, at: number, input: CreateAttestationInput): Attestation {
      const { lastInsertRowid } = insert.run(
        spaceId,
        input.subjectType,
        input.subjectId,
        input.kind,
        input.contentHash,
        userId,
        at,
      );
      return { id: Number(lastInsertRowid), ...input, userId, at };
    },
    list(spaceId: string, filter: { subjectType?: string; subjectId?: string }): Attestation[] {
      return list.all({
        spaceId,
        subjectType: filter.subjectType ?? null,
        subjectId: filter.subjectId ?? null,
      }) as Attestation[];
    },
    has(spaceId: string, subjectType: string, subjectId: string, kind: string, userId: string): boolean {
      return byUserKind.get(spaceId, subjectType, subjectId, kind, userId) !== undefined;
    },
    /** The first user who attested `kind` on a subject (for `authored`: its author), if any. */
    firstOfKind(spaceId: string, subjectType: string, subjectId: string, kind: string): string | undefined {
      return (anyOfKind.get(spaceId, subjectType, subjectId, kind) as { userId: string } | undefined)?.userId;
    },
  };
}
export type AttestationStore = ReturnType<typeof createAttestationStore>;
