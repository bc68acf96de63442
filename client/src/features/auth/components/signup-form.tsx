import { useState, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { TextField } from '@/components/text-field.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useSignup } from '@/features/auth/api/signup.ts';
import { focusFirstInvalid, validateSignup, type AuthFieldErrors } from './auth-validation.ts';

interface Props {
  /** The way to the login form, for example a link "Log in". */
  switchLink: ReactNode;
}

/** Name, email and password; on success the person is signed in. */
export function SignupForm({ switchLink }: Props) {
  const signup = useSignup();
  const [errors, setErrors] = useState<AuthFieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    };
    const found = validateSignup(input);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget, found);
      return;
    }
    signup.mutate(input);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert>{signup.isError && apiErrorInfo(signup.error).message}</FormAlert>
      <TextField label="Your name" name="name" autoComplete="name" required error={errors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A short sentence works well."
        error={errors.password}
      />
      <button type="submit" className="button button--primary button--wide" disabled={signup.isPending}>
        {signup.isPending ? 'Creating account…' : 'Create account'}
      </button>
      <p className="form__switch">Already have an account? {switchLink}</p>
    </form>
  );
}
