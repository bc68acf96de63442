import { useRef, useState } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useCreateInvite } from '@/features/invites/api/create-invite.ts';
import { OpenInvites } from './open-invites.tsx';

function formatExpiry(expiresAt: number): string {
  return new Date(expiresAt).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
}

/**
 * Makes an invite link for the partner and helps share it. The link is shown in a read-only
 * field; copying falls back to selecting it where the clipboard API is unavailable.
 */
export function InvitePanel({ spaceId, selfId }: { spaceId: string; selfId: string }) {
  const createInvite = useCreateInvite(spaceId);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyNote, setCopyNote] = useState('');
  const invite = createInvite.data?.invite;
  const link = invite ? `${location.origin}/join/${invite.code}` : '';

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyNote('Copied');
    } catch {
      const input = inputRef.current;
      input?.focus();
      input?.select();
      // The old API still works where the new one is blocked (insecure origin, permissions).
      const copied = document.execCommand('copy');
      setCopyNote(copied ? 'Copied' : 'The link is selected. Press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  }

  return (
    <section className="card invite" aria-labelledby="invite-title">
      <h2 id="invite-title" className="card__title">
        Invite your partner
      </h2>
      {!invite ? (
        <>
          <p className="card__text">
            Twofold is for the two of you. Make a private link and send it to your partner however you usually
            talk. It works once.
          </p>
          <FormAlert>{createInvite.isError && apiErrorInfo(createInvite.error).message}</FormAlert>
          <button
            type="button"
            className="button button--primary"
            onClick={() => createInvite.mutate()}
            disabled={createInvite.isPending}
          >
            {createInvite.isPending ? 'Making a link…' : 'Invite your partner'}
          </button>
        </>
      ) : (
        <>
          <label className="field__label" htmlFor="invite-link">
            Invite link
          </label>
          <div className="invite__row">
            <input
              ref={inputRef}
              id="invite-link"
              className="field__input invite__link"
              value={link}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" className="button button--primary" onClick={() => void copy()}>
              Copy link
            </button>
          </div>
          <p className="field__note">
            <span className="invite__copied" aria-live="polite">
              {copyNote}
            </span>{' '}
            It works once and expires on {formatExpiry(invite.expiresAt)}.
          </p>
        </>
      )}
      <OpenInvites spaceId={spaceId} selfId={selfId} />
    </section>
  );
}
