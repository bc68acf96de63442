import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { formatMoment } from '@/lib/dates.ts';
import { useOpenInvites, useRevokeInvite } from '../api/open-invites.ts';

/**
 * The invite links that still work, each with who made it and when it expires, and a way to
 * revoke it (a link sent to the wrong person, or one no longer wanted). Nothing shows when
 * there are none.
 */
export function OpenInvites({ spaceId, selfId }: { spaceId: string; selfId: string }) {
  const invites = useOpenInvites(spaceId);
  const revoke = useRevokeInvite(spaceId);
  if (!invites.data || invites.data.length === 0) return null;
  return (
    <section className="invite__open" aria-labelledby="open-invites-title">
      <h3 id="open-invites-title" className="invite__open-title">
        Links that still work
      </h3>
      <ul className="invite__open-list">
        {invites.data.map((invite) => {
          const made = `Made by ${invite.createdBy === selfId ? 'you' : invite.createdByName} on ${formatMoment(invite.createdAt)}`;
          return (
            <li key={invite.id} className="invite__open-item">
              <span>
                {made}
                <span className="invite__open-expiry">Expires {formatMoment(invite.expiresAt)}</span>
              </span>
              <button
                type="button"
                className="button"
                aria-label={`Revoke the link ${made.toLowerCase()}`}
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(invite.id)}
              >
                Revoke
              </button>
            </li>
          );
        })}
      </ul>
      <FormAlert>{revoke.isError && apiErrorInfo(revoke.error).message}</FormAlert>
    </section>
  );
}
