import { sharedPlace, type PresenceLocation } from '@twofold/shared';
import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Publishes which page of the space this member has open, so the partner's screen can say
 * "Sam is here · on What trust means to us". Only shared places are ever published: awareness
 * reaches the partner's client, so a private place (notes, a letter draft, one's own check-in
 * answers) clears the location instead, and the partner sees only "online".
 */
export function useAnnounceView(awareness: Awareness, view: PresenceLocation): void {
  useEffect(() => {
    if (awareness.getLocalState() !== null) awareness.setLocalStateField('view', sharedPlace(view));
  }, [awareness, view]);
}
