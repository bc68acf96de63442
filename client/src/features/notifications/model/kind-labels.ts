import type { NotificationChannel, NotificationKind } from '@twofold/shared';

/** How each kind is named in the settings, in the order they are listed. */
export const kindLabels: Record<NotificationKind, string> = {
  letter_sent: 'Your partner sent you a letter',
  letter_opened: 'A sealed letter opened',
  boundary_signature: 'A boundary is waiting for your signature',
  boundary_review: 'A boundary you agreed on is due for review',
  checkin_day: 'Your check-in day is here',
  checkin_answered: 'Your partner answered the check-in',
  promise_kept: 'Your partner confirmed you kept a promise',
  appreciation: 'An appreciation arrived',
  partner_left: 'Your partner left the space',
  reassurance_asked: 'Your partner asks for reassurance',
};

export const channelLabels: Record<NotificationChannel, string> = {
  push: 'On my devices',
  email: 'In the daily email',
  both: 'Devices and email',
  none: 'Off',
};

/** "22:00" for 1320 minutes after midnight, and back. */
export const minutesToTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
export function timeToMinutes(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes < 24 * 60 ? minutes : null;
}

/** The browser's own IANA zone, so quiet hours follow the person's clock. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
