import { useLocation } from 'react-router';

/** The navigation state the join page leaves for a member sent on to their space. */
export interface AlreadyMemberState {
  alreadyMember: true;
}

function isAlreadyMemberState(state: unknown): state is AlreadyMemberState {
  return typeof state === 'object' && state !== null && 'alreadyMember' in state;
}

/**
 * On the space home, after opening an invite to a space one is already in (Back after
 * joining, the link opened again): says so, so the jump here is not a mystery.
 */
export function AlreadyMemberNotice({ spaceName }: { spaceName: string }) {
  const location = useLocation();
  if (!isAlreadyMemberState(location.state)) return null;
  return (
    <p className="space-notice" role="status" data-testid="already-member">
      You are already in “{spaceName}”, so that invite link has nothing more to do. Here is your space.
    </p>
  );
}
