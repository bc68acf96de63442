import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useVerifyEmail } from '../api/email-status.ts';

/**
 * Confirms the address a link was sent to, as soon as the page opens. The token is spent by
 * the first request, so it is sent once per page even when React runs the effect twice.
 */
export function VerifyEmail({ token, signedIn }: { token: string; signedIn: boolean }) {
  const verify = useVerifyEmail();
  const sent = useRef(false);
  const { mutate } = verify;

  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    mutate({ token });
  }, [mutate, token]);

  const onward = signedIn ? (
    <Link to="/account" className="button button--primary">
      Go to your account
    </Link>
  ) : (
    <Link to="/login" className="button button--primary">
      Log in
    </Link>
  );

  if (verify.isSuccess) {
    return (
      <div className="email-result" role="status">
        <h2 className="email-result__title">Your email address is confirmed</h2>
        <p>
          Twofold will use <strong>{verify.data.email}</strong> for your account, for example to send a link
          if you ever forget your password.
        </p>
        {onward}
      </div>
    );
  }
  if (verify.isError || !token) {
    const failure = token ? apiErrorInfo(verify.error) : null;
    return (
      <div className="email-result" role="alert">
        <h2 className="email-result__title">
          {failure?.code === 'email_taken' ? 'That address is taken' : 'This link no longer works'}
        </h2>
        <p>
          {failure?.code === 'email_taken' || failure?.code === 'rate_limited' || failure?.status === null
            ? failure.message
            : 'A confirmation link works once, and only the newest one sent. You can ask for a new one on your account page.'}
        </p>
        {onward}
      </div>
    );
  }
  return <LoadingState label="Confirming your email address…" />;
}
