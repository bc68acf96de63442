import * as z from 'zod/mini';

// zod/mini: on the phone's first screen (see errors.ts).

export const MIN_PASSWORD_LENGTH = 10;

/** Emails are compared trimmed and lower-cased, so a pasted space or a capital never locks anyone out. */
export const emailSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase()),
  z.email('Please enter a valid email address').check(z.maxLength(254)),
);
export const passwordSchema = z.string().check(z.maxLength(1024));
/** A password that must not be empty: `message` says which one is missing. */
export const enteredPasswordSchema = (message: string) => passwordSchema.check(z.minLength(1, message));
export const nameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'Please tell us your name'), z.maxLength(80));

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
export const deleteAccountSchema = z.object({ password: enteredPasswordSchema('Enter your password') });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
