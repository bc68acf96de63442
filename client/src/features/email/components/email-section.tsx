import { useState, type FormEvent } from 'react';
import { emailSchema } from '@twofold/shared';
import { FormAlert } from '@/components/form-alert.tsx';
import { TextField } from '@/components/text-field.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useChangeEmail, useEmailStatus, useResendVerification } from '../api/email-status.ts';

interface FieldErrors {
  email?: string;
  password?: string;
}

/**
 * The account's email address: a calm reminder while it is unconfirmed (with "send again"),
 * and moving to a new address (password asked again; the change waits for the new link).
 */
export function EmailSection() {
  const status = useEmailStatus();
  const resend = useResendVerification();
  const change = useChangeEmail();
  const [errors, setErrors] = useState<FieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') };
    const found: FieldErrors = {};
    if (!emailSchema.safeParse(input.email).success) found.email = 'Please enter a valid email address.';
    if (!input.password) found.password = 'Enter your password.';
    setErrors(found);
    const firstInvalid = Object.keys(found)[0];
    if (firstInvalid) {
      form.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    change.mutate(input, { onSuccess: () => form.reset() });
  }

  const head = (
    <div className="account-section__head">
      <h2 id="email-title" className="account-section__title">
        Your email address
      </h2>
      {status.data && (
        <p className="account-section__text">
          <strong className="email-address">{status.data.email}</strong>
          {status.data.verified ? ' · confirmed' : ''}
        </p>
      )}
    </div>
  );

  if (!status.data) {
    return (
      <section className="account-section" aria-labelledby="email-title" aria-busy={status.isPending}>
        {head}
        {status.isPending ? (
          <p className="account-section__text">Loading…</p>
        ) : (
          <FormAlert>{apiErrorInfo(status.error).message}</FormAlert>
        )}
      </section>
    );
  }

  const { verified, pendingEmail, mailConfigured } = status.data;
  return (
    <section className="account-section" aria-labelledby="email-title">
      {head}
      {!mailConfigured && (
        <p className="email-note">
          Email is not set up on this server, so Twofold cannot send you links, such as one to reset a
          forgotten password. Keep your password somewhere safe.
        </p>
      )}
      {mailConfigured && !verified && (
        <div className="email-note">
          <p>
            This address is not confirmed yet. The link we sent when you signed up makes sure a password reset
            can reach you. There is no hurry; everything works in the meantime.
          </p>
          {resend.isSuccess ? (
            <p role="status">A new link is on its way to {status.data.email}.</p>
          ) : (
            <div>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => resend.mutate()}
                disabled={resend.isPending}
              >
                {resend.isPending ? 'Sending…' : 'Send the link again'}
              </button>
            </div>
          )}
          <FormAlert>{resend.isError && apiErrorInfo(resend.error).message}</FormAlert>
        </div>
      )}
      {pendingEmail && (
        <p className="account-success" role="status">
          We sent a link to {pendingEmail}. Your address changes once you open it; until then you log in with{' '}
          {status.data.email}.
        </p>
      )}
      {mailConfigured && (
        <form
          className="form account-form"
          onSubmit={onSubmit}
          noValidate
          aria-label="Change your email address"
        >
          <FormAlert>{change.isError && apiErrorInfo(change.error).message}</FormAlert>
          <TextField
            label="New email address"
            name="email"
            type="email"
            autoComplete="email"
            required
            hint="We send a link there, and let your current address know."
            error={errors.email}
          />
          <TextField
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={errors.password}
          />
          <div>
            <button type="submit" className="button" disabled={change.isPending}>
              {change.isPending ? 'Sending…' : 'Change email address'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
