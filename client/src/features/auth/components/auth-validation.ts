import { emailSchema, isStrongPassword, MIN_PASSWORD_LENGTH, nameSchema } from '@twofold/shared';

export interface AuthFieldErrors {
  name?: string;
  email?: string;
  password?: string;
}

// The same rules the server applies (from @twofold/shared), worded for a person. The server
// still decides; its answer is shown as it comes.

export function validateSignup(input: { name: string; email: string; password: string }): AuthFieldErrors {
  const errors: AuthFieldErrors = {};
  if (!nameSchema.safeParse(input.name).success) errors.name = 'Please tell us your name.';
  if (!emailSchema.safeParse(input.email.trim()).success)
    errors.email = 'Please enter a valid email address.';
  if (!isStrongPassword(input.password)) errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  return errors;
}

export function validateLogin(input: { email: string; password: string }): AuthFieldErrors {
  const errors: AuthFieldErrors = {};
  if (!emailSchema.safeParse(input.email.trim()).success)
    errors.email = 'Please enter a valid email address.';
  if (!input.password) errors.password = 'Please enter your password.';
  return errors;
}

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(form: HTMLFormElement, errors: AuthFieldErrors): void {
  const first = (['name', 'email', 'password'] as const).find((field) => errors[field]);
  if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
}
