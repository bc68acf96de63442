import * as z from 'zod';
import { emailSchema, enteredPasswordSchema, passwordSchema } from './auth.ts';

/**
 * The secret a reset or verification link carries: 32 random bytes, base64url (43 characters).
 * Anything else is refused before the database is asked.
 */
export const emailTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'That link is not complete. Open it again from the email.');

/** POST /api/auth/password-reset: where to send a reset link (the answer never says if it exists). */
export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** POST /api/auth/password-reset/confirm: the link's token and the new password. */
export const resetPasswordSchema = z.object({ token: emailTokenSchema, password: passwordSchema });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** POST /api/email/verify: the token from a verification (or change of address) link. */
export const verifyEmailSchema = z.object({ token: emailTokenSchema });
export type VerifyEmailInput = z.input<typeof verifyEmailSchema>;

/** POST /api/me/email: the new address, and the password again. */
export const changeEmailSchema = z.object({
  email: emailSchema,
  password: enteredPasswordSchema('Enter your password'),
});
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;

/** GET /api/me/email: the account's address, whether it is confirmed, a change waiting for its link. */
export const emailStatusSchema = z.object({
  email: z.string(),
  verified: z.boolean(),
  /** The address a change is waiting to be confirmed at, or null. */
  pendingEmail: z.string().nullable(),
  /** False when this server cannot send email at all. */
  mailConfigured: z.boolean(),
});
export type EmailStatus = z.infer<typeof emailStatusSchema>;

/** How long the links stay valid, in ms. */
export const RESET_LINK_TTL_MS = 30 * 60 * 1000;
export const VERIFY_LINK_TTL_MS = 3 * 24 * 60 * 60 * 1000;
