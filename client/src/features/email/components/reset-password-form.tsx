import { isStrongPassword, MIN_PASSWORD_LENGTH } from '@twofold/shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '@/components/form-alert.tsx';
import { TextField } from '@/components/text-field.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useStillHere } from '@/lib/use-still-here.ts';
import { useResetPassword } from '../api/password-reset.ts';

/**
 * The new password for the link's token. On success every other device is signed out and this
 * one is signed in, so the person lands home. A spent or expired link offers a fresh one.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const reset = useResetPassword();
  const navigate = useNavigate();
  const stillHere = useStillHere();
  const [error, setError] = useState<string>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    const weak = !isStrongPassword(password);
    setError(weak ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : undefined);
    if (weak) {
      event.currentTarget.querySelector<HTMLInputElement>('[name="password"]')?.focus();
      return;
    }
    reset.mutate(
      { token, password },
      {
        onSuccess: () => {
          if (stillHere()) void navigate('/', { replace: true });
        },
      },
    );
  }

  const failure = reset.isError ? apiErrorInfo(reset.error) : null;
  if (failure?.code === 'link_gone' || failure?.code === 'invalid_input' || !token) {
    return (
      <div className="form" role="alert">
        <h2 className="auth__card-title">This link no longer works</h2>
        <p>
          A reset link works once, for 30 minutes, and only the newest one sent. Ask for a new one and use the
          link in that email.
        </p>
        <Link to="/forgot-password" className="button button--primary button--wide">
          Send me a new link
        </Link>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert>{failure?.message}</FormAlert>
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={error}
      />
      <button type="submit" className="button button--primary button--wide" disabled={reset.isPending}>
        {reset.isPending ? 'Saving…' : 'Set new password'}
      </button>
      <p className="form__switch">Every device signed in to your account will be signed out.</p>
    </form>
  );
}
