import { useEffect, useRef } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAcceptInvite } from '@/features/invites/api/accept-invite.ts';

interface Props {
  code: string;
  onJoined: (spaceId: string) => void;
  /**
   * Join at once, without waiting for a click: for someone who has just signed up or logged
   * in on the invite page, which already said what they are joining. The button stays as
   * the way to try again if joining fails.
   */
  auto?: boolean;
}

/** "Join space": accepts the invite, then hands over the space to open. */
export function JoinSpaceButton({ code, onJoined, auto = false }: Props) {
  const accept = useAcceptInvite(code);
  const { mutate } = accept;
  const started = useRef(false);
  useEffect(() => {
    if (!auto || started.current) return;
    started.current = true;
    mutate(undefined, { onSuccess: ({ space }) => onJoined(space.id) });
  }, [auto, mutate, onJoined]);
  return (
    <div className="join__action">
      <FormAlert>{accept.isError && apiErrorInfo(accept.error).message}</FormAlert>
      <button
        type="button"
        className="button button--primary button--wide"
        disabled={accept.isPending}
        onClick={() => mutate(undefined, { onSuccess: ({ space }) => onJoined(space.id) })}
      >
        {accept.isPending ? 'Joining…' : 'Join space'}
      </button>
    </div>
  );
}
