import type { Member, Presence, Space } from '@twofold/shared';
import { useOutletContext } from 'react-router';
import type { SpaceDocs } from '@/lib/yjs/space-docs.ts';

/** What the space layout hands to the pages inside a space. */
export interface SpaceOutlet {
  space: Space;
  docs: SpaceDocs;
  self: Presence['user'];
  partner: Member | null;
}

export function useSpaceOutlet(): SpaceOutlet {
  return useOutletContext<SpaceOutlet>();
}
