import * as z from 'zod';

/** What can be attested to. Generic on purpose: boundaries now, promises and reviews later. */
export const SubjectType = {
  boundary: 'boundary',
  promise: 'promise',
} as const;
export type SubjectType = (typeof SubjectType)[keyof typeof SubjectType];

export const AttestationKind = {
  /** "I agree to this exact content." */
  agree: 'agree',
  /** "I agree to retire this." */
  retire: 'retire',
  /** "You kept this promise." (never by its author) */
  kept: 'kept',
  /** "I wrote this" — lets the server refuse `kept` from the author. */
  authored: 'authored',
  /**
   * "I accept the promise you proposed": the partner's co-signature on a promise proposed from
   * a repair (never by its author; see server/src/promises/acceptance.ts).
   */
  accepted: 'accepted',
} as const;
export type AttestationKind = (typeof AttestationKind)[keyof typeof AttestationKind];

export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');

/** The body of POST /api/spaces/:spaceId/attestations. The user is always the session's. */
export const createAttestationSchema = z.object({
  subjectType: z.enum(Object.values(SubjectType) as [SubjectType, ...SubjectType[]]),
  subjectId: z.string().min(1).max(64),
  kind: z.enum(Object.values(AttestationKind) as [AttestationKind, ...AttestationKind[]]),
  contentHash: contentHashSchema,
});
export type CreateAttestationInput = z.infer<typeof createAttestationSchema>;

export const attestationSchema = createAttestationSchema.extend({
  id: z.number(),
  userId: z.string(),
  at: z.number(),
});
export type Attestation = z.infer<typeof attestationSchema>;

export const listAttestationsQuerySchema = z.object({
  subjectType: createAttestationSchema.shape.subjectType.optional(),
  subjectId: z.string().min(1).max(64).optional(),
});
