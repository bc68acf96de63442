import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAcceptInvite } from '@/features/invites/api/accept-invite.ts';

interface Props {
  code: string;
  onJoined: (spaceId: string) => void;
}

/** "Join space": accepts the invite, then hands over the space to open. */
export function JoinSpaceButton({ code, onJoined }: Props) {
  const accept = useAcceptInvite(code);
  return (
    <div className="join__action">
      <FormAlert>{accept.isError && apiErrorInfo(accept.error).message}</FormAlert>
      <button
        type="button"
        className="button button--primary button--wide"
        disabled={accept.isPending}
        onClick={() => accept.mutate(undefined, { onSuccess: ({ space }) => onJoined(space.id) })}
      >
        {accept.isPending ? 'Joining…' : 'Join space'}
      </button>
    </div>
  );
}
