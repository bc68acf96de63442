import type { NotificationKind } from '@twofold/shared';

/** What every notification says unless its reader chose to see more. */
export const DISCREET_TEXT = 'Something new in Twofold';

/**
 * The words of a notification. Discreet (the default): only that something is new. With
 * details: the partner's name and what happened. Never a word the partner wrote: no title,
 * note, boundary or answer is ever passed in here, so none can leak into a lock screen.
 */
export function notificationText(
  kind: NotificationKind,
  showDetails: boolean,
  partnerName: string,
): { title: string; body: string } {
  if (!showDetails) return { title: 'Twofold', body: DISCREET_TEXT };
  const body: Record<NotificationKind, string> = {
    letter_sent: `${partnerName} sent you a letter`,
    letter_opened: 'A sealed letter has opened',
    boundary_signature: `${partnerName} signed a boundary; it is waiting for you`,
    checkin_answered: `${partnerName} answered this week’s check-in`,
    promise_kept: `${partnerName} confirmed you kept a promise`,
    appreciation: `${partnerName} sent you an appreciation`,
    partner_left: `${partnerName} left your shared space`,
    reassurance_asked: `${partnerName} could use some reassurance`,
    boundary_review: 'A boundary you agreed on is due for review',
    checkin_day: 'Your check-in day is here',
  };
  return { title: 'Twofold', body: body[kind] };
}
