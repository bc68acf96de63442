import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert.tsx';
import { TextField } from '@/components/text-field.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useLogin } from '@/features/auth/api/login.ts';
import { focusFirstInvalid, validateLogin, type AuthFieldErrors } from './auth-validation.ts';

interface Props {
  /** The way to the signup form, for example a link "Create an account". */
  switchLink: ReactNode;
}

/** Email and password; on success the person is signed in. */
export function LoginForm({ switchLink }: Props) {
  const login = useLogin();
  const [errors, setErrors] = useState<AuthFieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      email: String(data.get('email') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    };
    const found = validateLogin(input);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget, found);
      return;
    }
    login.mutate(input);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert>{login.isError && apiErrorInfo(login.error).message}</FormAlert>
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <Link to="/forgot-password" className="auth__forgot">
        Forgot your password?
      </Link>
      <button type="submit" className="button button--primary button--wide" disabled={login.isPending}>
        {login.isPending ? 'Logging in…' : 'Log in'}
      </button>
      <p className="form__switch">New here? {switchLink}</p>
    </form>
  );
}
