import type { PresenceLocation } from '@twofold/shared';
import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Publishes which page of the space this member has open, so the partner's screen can say
 * "Sam is here · on What trust means to us".
 */
export function useAnnounceView(awareness: Awareness, view: PresenceLocation): void {
  useEffect(() => {
    if (awareness.getLocalState() !== null) awareness.setLocalStateField('view', view);
  }, [awareness, view]);
}
