import type { DeviceSession } from '@twofold/shared';
import { Link, useLocation } from 'react-router';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAcknowledgeSignIns, useRevokeSession, useSessions } from '../api/sessions.ts';
import { formatWhenInSentence } from '../model/format-when.ts';

/**
 * Shown at the top of the app when someone signed in to this account since this device did
 * (and since the notice was last dismissed): a way to sign that device out at once, or to say
 * it was you.
 */
export function NewSignInNotice() {
  const { data } = useSessions();
  const revoke = useRevokeSession();
  const acknowledge = useAcknowledgeSignIns();
  const onAccount = useLocation().pathname === '/account';
  const fresh = data?.newSignIns ?? [];
  if (fresh.length === 0) return null;

  const only = fresh.length === 1 ? fresh[0] : undefined;
  const signOutButton = (session: DeviceSession) => (
    <button
      type="button"
      className="button button--quiet"
      onClick={() => revoke.mutate(session.id)}
      disabled={revoke.isPending}
      aria-label={`Sign out ${session.device}`}
    >
      Sign it out
    </button>
  );

  return (
    <aside className="sign-in-notice" aria-label="New sign-in">
      <ul className="sign-in-notice__list">
        {fresh.map((session) => (
          <li key={session.id} className="sign-in-notice__item">
            <p>
              A new sign-in on <strong>{session.device}</strong> on {formatWhenInSentence(session.createdAt)}.
              If this wasn’t you, sign it out and change your password.
            </p>
            {!only && signOutButton(session)}
          </li>
        ))}
      </ul>
      <FormAlert>
        {(revoke.isError && apiErrorInfo(revoke.error).message) ||
          (acknowledge.isError && apiErrorInfo(acknowledge.error).message)}
      </FormAlert>
      <div className="sign-in-notice__actions">
        {only && signOutButton(only)}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => acknowledge.mutate()}
          disabled={acknowledge.isPending}
        >
          {only ? 'It was me' : 'They were all me'}
        </button>
        {!onAccount && (
          <Link to="/account" className="sign-in-notice__link">
            Change your password
          </Link>
        )}
      </div>
    </aside>
  );
}
