import { isStrongPassword, MIN_PASSWORD_LENGTH } from '@twofold/shared';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { TextField } from '@/components/text-field.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useChangePassword } from '../api/change-password.ts';

interface FieldErrors {
  currentPassword?: string;
  newPassword?: string;
}

/** The current password and a new one; on success every other device is signed out. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const [errors, setErrors] = useState<FieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      currentPassword: String(data.get('currentPassword') ?? ''),
      newPassword: String(data.get('newPassword') ?? ''),
    };
    const found: FieldErrors = {};
    if (!input.currentPassword) found.currentPassword = 'Enter your current password.';
    if (!isStrongPassword(input.newPassword))
      found.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
    setErrors(found);
    const firstInvalid = Object.keys(found)[0];
    if (firstInvalid) {
      form.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    change.mutate(input, { onSuccess: () => form.reset() });
  }

  return (
    <section className="account-section" aria-labelledby="password-title">
      <div className="account-section__head">
        <h2 id="password-title" className="account-section__title">
          Change your password
        </h2>
        <p className="account-section__text">Every other device will be signed out when you do.</p>
      </div>
      <form className="form account-form" onSubmit={onSubmit} noValidate>
        <FormAlert>{change.isError && apiErrorInfo(change.error).message}</FormAlert>
        {change.isSuccess && (
          <p className="account-success" role="status">
            Your password is changed.{' '}
            {change.data.revoked > 0
              ? `${change.data.revoked === 1 ? 'One other device was' : `${change.data.revoked} other devices were`} signed out.`
              : 'No other device was signed in.'}
          </p>
        )}
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={errors.newPassword}
        />
        <div>
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
