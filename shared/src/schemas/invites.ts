import * as z from 'zod';

/**
 * An invite that can still be used, as members see it in GET /api/spaces/:spaceId/invites.
 * `id` names it for revoking; it is derived from the stored hash one way, so neither the code
 * nor its hash ever leaves the server again.
 */
export const openInviteSchema = z.object({
  id: z.string(),
  createdBy: z.string(),
  /** The creator's name, or "A former member". */
  createdByName: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type OpenInvite = z.infer<typeof openInviteSchema>;
