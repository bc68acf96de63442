import { emailSchema } from '@twofold/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert.tsx';
import { TextField } from '@/components/text-field.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useForgotPassword } from '../api/password-reset.ts';

/**
 * The address to send a reset link to. Once asked, the form gives way to the server's answer,
 * which reads the same whether or not an account uses that address.
 */
export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  const [error, setError] = useState<string>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { email: String(new FormData(event.currentTarget).get('email') ?? '') };
    const parsed = emailSchema.safeParse(input.email);
    setError(parsed.success ? undefined : 'Please enter your email address.');
    if (!parsed.success) {
      event.currentTarget.querySelector<HTMLInputElement>('[name="email"]')?.focus();
      return;
    }
    forgot.mutate(input);
  }

  if (forgot.isSuccess) {
    return (
      <div className="form" role="status">
        <h2 className="auth__card-title">Check your inbox</h2>
        <p>{forgot.data.message}</p>
        <p className="form__switch">
          Nothing after a few minutes? Look in the spam folder, or{' '}
          <Link to="/forgot-password" reloadDocument>
            try again
          </Link>
          .
        </p>
        <p className="form__switch">
          <Link to="/login">Back to log in</Link>
        </p>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert>{forgot.isError && apiErrorInfo(forgot.error).message}</FormAlert>
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={error} />
      <button type="submit" className="button button--primary button--wide" disabled={forgot.isPending}>
        {forgot.isPending ? 'Sending…' : 'Send me a link'}
      </button>
      <p className="form__switch">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </form>
  );
}
