import * as z from 'zod';

/**
 * What can notify a person. Each names an event the server sees; none carries a partner's
 * words (DESIGN.md, "Discreet by default").
 */
export const NotificationKind = {
  letterSent: 'letter_sent',
  letterOpened: 'letter_opened',
  boundarySignature: 'boundary_signature',
  /** Scheduled (server/src/notifications/scheduler.ts): an agreed boundary's review day came. */
  boundaryReview: 'boundary_review',
  /** Scheduled: the couple's check-in day began (their week's first day, UTC). */
  checkinDay: 'checkin_day',
  checkinAnswered: 'checkin_answered',
  promiseKept: 'promise_kept',
  appreciation: 'appreciation',
  partnerLeft: 'partner_left',
  reassuranceAsked: 'reassurance_asked',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const notificationKinds = Object.values(NotificationKind);

/** How one kind reaches the person: a push to their devices, the daily email digest, both, or not at all. */
export const notificationChannelSchema = z.enum(['push', 'email', 'both', 'none']);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

/** Minutes after local midnight, 0–1439. */
const minuteOfDaySchema = z.number().int().min(0).max(1439);

const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Berlin');

/**
 * A person's notification preferences. `showDetails` false (the default) makes every
 * notification read "Something new in Twofold"; true names the partner and what happened,
 * never any of their words. Quiet hours hold notifications until `end` in `timeZone`.
 */
export const notificationPrefsSchema = z.object({
  kinds: z.object(
    Object.fromEntries(notificationKinds.map((kind) => [kind, notificationChannelSchema])) as Record<
      NotificationKind,
      typeof notificationChannelSchema
    >,
  ),
  showDetails: z.boolean(),
  quietHours: z.object({ start: minuteOfDaySchema, end: minuteOfDaySchema }).nullable(),
  timeZone: timeZoneSchema,
});
export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;

/**
 * Gentle defaults: the few moments that matter reach your devices, nothing by email, quiet from
 * 22:00 to 08:00, and nothing that counts days in a row.
 */
export const defaultNotificationPrefs: NotificationPrefs = {
  kinds: {
    letter_sent: 'push',
    letter_opened: 'push',
    boundary_signature: 'push',
    checkin_answered: 'none',
    promise_kept: 'none',
    appreciation: 'none',
    partner_left: 'push',
    // Asked for at a hard moment: it should reach the partner, quiet hours still respected.
    reassurance_asked: 'push',
    // Once a week and once per agreed review date: the rituals the couple chose themselves.
    boundary_review: 'push',
    checkin_day: 'push',
  },
  showDetails: false,
  quietHours: { start: 22 * 60, end: 8 * 60 },
  timeZone: 'UTC',
};

/** The body of POST /api/me/notifications/devices: a browser's PushSubscription.toJSON(). */
export const pushSubscriptionSchema = z.object({
  endpoint: z.string().url().max(2048).startsWith('http'),
  keys: z.object({ p256dh: z.string().min(1).max(256), auth: z.string().min(1).max(64) }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const pushDeviceIdParamSchema = z.object({ id: z.string().min(1).max(64) });

/** A device that receives push notifications, named like the session it belongs to. */
export interface PushDeviceView {
  id: string;
  device: string;
  createdAt: number;
  /** This is the device making the request. */
  current: boolean;
}
