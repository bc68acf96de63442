import * as z from 'zod';

export const MIN_PASSWORD_LENGTH = 10;

/** Emails are compared trimmed and lower-cased, so a pasted space or a capital never locks anyone out. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Please enter a valid email address').max(254));
export const passwordSchema = z.string().max(1024);
export const nameSchema = z.string().trim().min(1, 'Please tell us your name').max(80);

/** Signup payload. Password strength is checked separately so it can answer `weak_password`. */
export const signupSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema,
});
export type SignupInput = z.input<typeof signupSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
});
export type LoginInput = z.input<typeof loginSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** True when a password is long enough to be accepted. */
export function isStrongPassword(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}

/** The body of DELETE /api/account: the password again, because this cannot be undone. */
export const deleteAccountSchema = z.object({ password: passwordSchema.min(1, 'Enter your password') });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
