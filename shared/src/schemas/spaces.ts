import * as z from 'zod/mini';

// zod/mini: on the phone's first screen (see errors.ts).

export const MAX_MEMBERS = 2;
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an id'));
export const inviteCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, 'not an invite code'));

export const createSpaceSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Give your space a name'), z.maxLength(80)),
});
export type CreateSpaceInput = z.input<typeof createSpaceSchema>;

export const memberSchema = z.object({ id: z.string(), name: z.string() });
export type Member = z.infer<typeof memberSchema>;

export const spaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(memberSchema),
  /** People who have left the space: their shared words stay, marked as a former member's. */
  formerMembers: z.array(z.object({ id: z.string(), name: z.string(), leftAt: z.number() })),
});
export type Space = z.infer<typeof spaceSchema>;

export const inviteSchema = z.object({ code: z.string(), expiresAt: z.number() });
export type Invite = z.infer<typeof inviteSchema>;

/** What the holder of an invite code may learn before accepting it. */
export const invitePreviewSchema = z.object({
  spaceName: z.string(),
  invitedBy: z.string(),
  expiresAt: z.number(),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;
