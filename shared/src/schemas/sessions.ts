import * as z from 'zod';
import { enteredPasswordSchema, passwordSchema } from './auth.ts';

/** One place a person is signed in, as GET /api/me/sessions lists it. `id` is never the token. */
export const deviceSessionSchema = z.object({
  id: z.string(),
  device: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof deviceSessionSchema>;

/**
 * GET /api/me/sessions: every live session, newest first, and the ones that started since the
 * person last dismissed the "new sign-in" notice (never the session asking).
 */
export const deviceSessionsSchema = z.object({
  sessions: z.array(deviceSessionSchema),
  newSignIns: z.array(deviceSessionSchema),
});
export type DeviceSessions = z.infer<typeof deviceSessionsSchema>;

/** The public id in DELETE /api/me/sessions/:id. */
export const sessionIdParamSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * POST /api/me/password. The new password's strength is checked separately so the server can
 * answer `weak_password`, as at sign-up.
 */
export const changePasswordSchema = z.object({
  currentPassword: enteredPasswordSchema('Enter your current password'),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
