import type { DeviceSession } from '@twofold/shared';
import { FormAlert } from '@/components/form-alert.tsx';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { StaleNote } from '@/components/stale-note.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from '../api/sessions.ts';
import { formatWhen } from '../model/format-when.ts';

/**
 * "Where you're signed in": every device with when it started and was last seen, a way to sign
 * out any other one, and one to sign out everywhere else.
 */
export function DevicesSection() {
  const sessions = useSessions();
  const revokeOthers = useRevokeOtherSessions();
  const others = sessions.data?.sessions.filter((session) => !session.current) ?? [];

  return (
    <section className="account-section" aria-labelledby="devices-title">
      <div className="account-section__head">
        <h2 id="devices-title" className="account-section__title">
          Where you’re signed in
        </h2>
        <p className="account-section__text">
          If you see a device you don’t recognise, sign it out and change your password.
        </p>
      </div>

      {sessions.isPending && <LoadingState label="Looking up your devices…" />}
      <StaleNote queries={[sessions]} />
      {sessions.isError && !sessions.data && (
        <ErrorState
          title="We could not load your devices"
          message={apiErrorInfo(sessions.error).message}
          onRetry={() => void sessions.refetch()}
        />
      )}
      {sessions.data && (
        <>
          <ul className="device-list" aria-label="Your devices">
            {thisDeviceFirst(sessions.data.sessions).map((session) => (
              <DeviceRow key={session.id} session={session} />
            ))}
          </ul>
          {others.length === 0 ? (
            <p className="account-section__text">You are signed in on this device only.</p>
          ) : (
            <div className="account-section__actions">
              <FormAlert>{revokeOthers.isError && apiErrorInfo(revokeOthers.error).message}</FormAlert>
              <button
                type="button"
                className="button"
                onClick={() => revokeOthers.mutate()}
                disabled={revokeOthers.isPending}
              >
                {revokeOthers.isPending ? 'Signing out…' : 'Sign out everywhere else'}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The device in hand first, then the others, newest first (the server's order). */
function thisDeviceFirst(sessions: DeviceSession[]): DeviceSession[] {
  return [
    ...sessions.filter((session) => session.current),
    ...sessions.filter((session) => !session.current),
  ];
}

function DeviceRow({ session }: { session: DeviceSession }) {
  const revoke = useRevokeSession();
  return (
    <li className="device" aria-label={session.current ? `${session.device}, this device` : session.device}>
      <div className="device__about">
        <p className="device__name">
          {session.device}
          {session.current && <span className="device__badge">This device</span>}
        </p>
        <p className="device__meta">
          <span>Signed in {formatWhen(session.createdAt)}</span>
          {!session.current && <span>Last active {formatWhen(session.lastSeenAt)}</span>}
        </p>
        <FormAlert>{revoke.isError && apiErrorInfo(revoke.error).message}</FormAlert>
      </div>
      {!session.current && (
        <button
          type="button"
          className="button button--quiet device__action"
          onClick={() => revoke.mutate(session.id)}
          disabled={revoke.isPending}
          aria-label={`Sign out ${session.device}`}
        >
          Sign out
        </button>
      )}
    </li>
  );
}
