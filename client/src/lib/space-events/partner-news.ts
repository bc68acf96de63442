import type { QueryClient } from '@tanstack/react-query';
import type { SpaceEvent } from '@twofold/shared';

/**
 * How long after this person's own change an event is taken to be its echo, in milliseconds.
 * The server sends the event to both partners once the change is stored, which is within a
 * request's round trip of the change being sent.
 */
const OWN_ECHO_MS = 5_000;

/** True when this device sent a change of its own moments ago (the event is most likely its echo). */
export function justChangedHere(queryClient: QueryClient, now = Date.now()): boolean {
  return queryClient
    .getMutationCache()
    .getAll()
    .some(
      (mutation) => mutation.state.status === 'pending' || now - mutation.state.submittedAt < OWN_ECHO_MS,
    );
}

/**
 * What to announce, politely, when the partner changes something: the place only, never their
 * words (discreet by default, as notifications are). Null for events with nothing to say.
 */
export function partnerNews(event: SpaceEvent, partnerName: string): string | null {
  switch (event.type) {
    case 'letters':
      return `Something new in Letters from ${partnerName}.`;
    case 'checkins':
      return `The weekly check-in has changed: ${partnerName} has been there.`;
    case 'promises':
      return `Something new in Promises from ${partnerName}.`;
    case 'appreciations':
      return `Something new in Appreciations from ${partnerName}.`;
    case 'repairs':
      return `Something new in Repair from ${partnerName}.`;
    case 'breaches':
      return `Something new in Forgiveness from ${partnerName}.`;
    case 'reassurance':
      return `Something new in Reassurance from ${partnerName}.`;
    case 'attestations':
      return event.subjectType === 'boundary'
        ? `Something new in Boundaries from ${partnerName}: a signature.`
        : `Something new in Promises from ${partnerName}.`;
    case 'members':
      return 'Who is in this space has changed.';
  }
}
