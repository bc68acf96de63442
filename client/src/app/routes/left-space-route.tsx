import { useLocation } from 'react-router';
import type { LeftSpaceState } from '@/features/space-settings/api/leave-space.ts';
import { LeftSpaceOutcome } from '@/features/space-settings/components/left-space-outcome.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useSignedIn } from './use-signed-in.ts';

function leftState(state: unknown): LeftSpaceState | null {
  if (typeof state !== 'object' || state === null || !('spaceName' in state)) return null;
  return state as LeftSpaceState;
}

/** /left — where leaving or closing a space ends. */
export function LeftSpaceRoute() {
  useDocumentTitle('You left the space');
  const me = useSignedIn();
  const location = useLocation();
  const other = me.spaces[0];
  return (
    <LeftSpaceOutcome
      left={leftState(location.state)}
      otherSpace={other ? { id: other.id, name: other.name } : null}
    />
  );
}
