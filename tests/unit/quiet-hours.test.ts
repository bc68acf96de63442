import { describe, expect, it } from 'vitest';
import { digestAt, localMinuteOfDay, releaseAt } from '../../server/src/notifications/quiet-hours.ts';
import { notificationText } from '../../server/src/notifications/notification-text.ts';
import { notificationKinds } from '@twofold/shared';

const at = (iso: string) => Date.parse(iso);
const berlin = { timeZone: 'Europe/Berlin', quietHours: { start: 22 * 60, end: 8 * 60 } };

describe('quiet hours', () => {
  it('reads the local clock in the person’s zone', () => {
    expect(localMinuteOfDay(at('2026-12-01T21:30:00Z'), 'Europe/Berlin')).toBe(22 * 60 + 30);
    expect(localMinuteOfDay(at('2026-12-01T21:30:00Z'), 'America/New_York')).toBe(16 * 60 + 30);
  });

  it('lets a notification through outside the window and holds it to the end inside it', () => {
    expect(releaseAt(at('2026-12-01T12:00:00Z'), berlin)).toBe(at('2026-12-01T12:00:00Z'));
    // 23:30 in Berlin: held to 08:00 Berlin, 07:00 UTC.
    expect(releaseAt(at('2026-12-01T22:30:00Z'), berlin)).toBe(at('2026-12-02T07:00:00Z'));
    // 06:15 Berlin, after midnight: the same morning.
    expect(releaseAt(at('2026-12-02T05:15:00Z'), berlin)).toBe(at('2026-12-02T07:00:00Z'));
    expect(releaseAt(at('2026-12-02T07:00:00Z'), berlin)).toBe(at('2026-12-02T07:00:00Z'));
  });

  it('handles a window within one day, none at all, and an empty one', () => {
    const nap = { timeZone: 'UTC', quietHours: { start: 13 * 60, end: 15 * 60 } };
    expect(releaseAt(at('2026-12-01T14:00:00Z'), nap)).toBe(at('2026-12-01T15:00:00Z'));
    expect(releaseAt(at('2026-12-01T16:00:00Z'), nap)).toBe(at('2026-12-01T16:00:00Z'));
    expect(releaseAt(at('2026-12-01T23:00:00Z'), { timeZone: 'UTC', quietHours: null })).toBe(
      at('2026-12-01T23:00:00Z'),
    );
    const empty = { timeZone: 'UTC', quietHours: { start: 600, end: 600 } };
    expect(releaseAt(at('2026-12-01T10:00:00Z'), empty)).toBe(at('2026-12-01T10:00:00Z'));
  });

  it('sends the email digest once a day at 18:00 local', () => {
    expect(digestAt(at('2026-12-01T09:10:00Z'), berlin)).toBe(at('2026-12-01T17:00:00Z'));
    expect(digestAt(at('2026-12-01T17:30:00Z'), berlin)).toBe(at('2026-12-02T17:00:00Z'));
  });
});

describe('notification text', () => {
  it('says only that something is new unless details were chosen', () => {
    for (const kind of notificationKinds) {
      expect(notificationText(kind, false, 'Sam')).toEqual({
        title: 'Twofold',
        body: 'Something new in Twofold',
      });
      expect(notificationText(kind, true, 'Sam').body.length).toBeGreaterThan(0);
    }
    expect(notificationText('letter_sent', true, 'Sam').body).toBe('Sam sent you a letter');
  });
});
