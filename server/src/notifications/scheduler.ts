import {
  AttestationKind,
  attestedVersions,
  NotificationKind,
  readBoundaries,
  SubjectType,
} from '@twofold/shared';
import { currentWeekOf, scheduleView } from '../checkins/schedule.ts';
import { readDoc } from '../exports/read-doc.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/log.ts';
import { createNotificationStore } from '../store/notifications.ts';
import { createScheduledNoticeStore } from '../store/scheduled-notices.ts';
import type { Stores } from '../store/stores.ts';
import { docKey, type RoomRegistry } from '../sync/rooms.ts';
import { notify } from './notify.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the scheduler looks for what became due (ms): a check-in day is at most a minute late. */
export const SCHEDULE_PASS_MS = 60_000;
/**
 * Boundary reviews are read from the shared documents, which costs a load per space with an
 * agreement: looked at once an hour (ms), as a review date is a day, not a moment.
 */
export const REVIEW_SCAN_MS = 60 * 60_000;
/**
 * A review date further back than this (days) is not announced any more: a server that was
 * down for a week, or the first start of this feature, does not send a pile of old reminders.
 */
export const REVIEW_GRACE_DAYS = 7;

/** The calendar day (`YYYY-MM-DD`) it is at `at` (ms) in `timeZone`. */
export function localDay(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export interface NoticeSchedulerDeps {
  stores: Stores;
  rooms: RoomRegistry;
  clock: Clock;
  logger: Logger;
}

/**
 * The notifications no request causes: "the check-in day arrived" and "a boundary is due for
 * review". Each pass finds what became due and queues it through `notify` (so each person's
 * kinds, quiet hours and discreet text apply, as for every other notification), once per
 * (space, person, kind, occurrence): the occurrence is claimed in `scheduled_notices` in the
 * same transaction that queues it, so neither a restart nor a second instance sends it twice.
 *
 * - Check-in day: the week the app opens (checkins/week.ts, UTC days) begins today, on a day
 *   the couple chose (a space that never chose one is not nagged); a member who already
 *   answered this week is not reminded. The occurrence is the week's name. It follows the
 *   app's UTC week rather than each person's midnight so that the notification never points
 *   at a check-in that has not opened yet.
 * - Boundary review: the review date of the latest version both partners signed, read from
 *   the stored shared document. The server records no copy of it when a boundary is agreed:
 *   the notary only ever sees a hash, so the date both signed lives only in the document, and
 *   `attestedVersions` (the export's rule) keeps a date one partner wrote alone from counting.
 *   Due once it is that day in the person's own time zone, and for `REVIEW_GRACE_DAYS` after;
 *   not for a boundary that has ended. The occurrence is the boundary and its date, so
 *   agreeing a new review date schedules a new reminder. Only spaces with an agreement have
 *   their document read.
 */
export function createNoticeScheduler(deps: NoticeSchedulerDeps) {
  const { stores, rooms, clock, logger } = deps;
  const record = createScheduledNoticeStore(stores.sql);

  /**
   * Claims the occurrence and queues the notice in one transaction; resolves whether it was
   * new. The claim and the queueing share one transaction on either engine, so both commit or
   * neither.
   */
  function queueOnce(
    spaceId: string,
    userId: string,
    kind: NotificationKind,
    occurrence: string,
    url: string,
  ): Promise<boolean> {
    return stores.sql.transaction(async (tx) => {
      const now = clock.now();
      if (!(await createScheduledNoticeStore(tx).claim(spaceId, userId, kind, occurrence, now))) return false;
      await notify({ notifications: createNotificationStore(tx) }, clock, {
        kind,
        recipientId: userId,
        // Nobody did this: the texts of these kinds name no one.
        actorName: '',
        eventKey: `${kind}:${spaceId}:${occurrence}`,
        url,
      });
      return true;
    });
  }

  async function checkinDays(spaceId: string, now: number): Promise<number> {
    if ((await scheduleView(stores, spaceId, now)).day === null) return 0;
    const { week } = await currentWeekOf(stores.checkins, spaceId, now);
    if (week !== new Date(now).toISOString().slice(0, 10)) return 0;
    const answered = new Set((await stores.checkins.week(spaceId, week)).map((answer) => answer.userId));
    let queued = 0;
    for (const member of await stores.spaces.members(spaceId)) {
      if (answered.has(member.id)) continue;
      if (
        await queueOnce(spaceId, member.id, NotificationKind.checkinDay, week, `/spaces/${spaceId}/checkins`)
      ) {
        queued++;
      }
    }
    return queued;
  }

  async function boundaryReviews(spaceId: string, now: number): Promise<number> {
    const attestations = await stores.attestations.list(spaceId, { subjectType: SubjectType.boundary });
    if (!attestations.some((a) => a.kind === AttestationKind.agree)) return 0;
    const members = await stores.spaces.members(spaceId);
    if (members.length === 0) return 0;
    const today = new Map<string, string>();
    for (const m of members)
      today.set(m.id, localDay(now, (await stores.notifications.prefsOf(m.id)).timeZone));
    const doc = await readDoc(rooms, stores.docSource, docKey.shared(spaceId));
    let queued = 0;
    try {
      for (const entry of readBoundaries(doc)) {
        if (!entry.readable) continue;
        const agreed = attestedVersions(entry.id, entry.versions, attestations).at(-1)?.content;
        if (!agreed?.reviewOn) continue;
        for (const member of members) {
          const day = today.get(member.id) ?? '';
          if (day < agreed.reviewOn || daysBetween(agreed.reviewOn, day) > REVIEW_GRACE_DAYS) continue;
          if (agreed.endsOn !== null && agreed.endsOn < day) continue;
          const url = `/spaces/${spaceId}/boundaries/${entry.id}`;
          const occurrence = `${entry.id}:${agreed.reviewOn}`;
          if (await queueOnce(spaceId, member.id, NotificationKind.boundaryReview, occurrence, url)) queued++;
        }
      }
    } finally {
      doc.destroy();
    }
    return queued;
  }

  /**
   * One pass over every space: check-in days always, boundary reviews when `reviews` (the
   * loop asks for them every `REVIEW_SCAN_MS`). A space that fails is logged and skipped; the
   * others still get theirs. Resolves with how many notices were queued (people, not devices).
   * It yields to the event loop between spaces, so a pass over many couples (each review
   * reads a stored document) never holds the thread for more than one space.
   */
  async function runOnce(options: { reviews?: boolean } = {}): Promise<number> {
    const now = clock.now();
    let queued = 0;
    for (const spaceId of await record.spaceIds()) {
      // Stopping: the rest waits for the next start, which claims each occurrence only once.
      if (stopping) break;
      try {
        queued += await checkinDays(spaceId, now);
        if (options.reviews ?? true) queued += await boundaryReviews(spaceId, now);
      } catch (error) {
        logger.error('scheduled_notice_failed', { message: String(error) });
      }
      await new Promise(setImmediate);
    }
    return queued;
  }

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopping = false;
  /** The loop's pass in flight, awaited by `stop` so it never outlives the database. */
  let pass: Promise<unknown> | undefined;
  let lastReviewScan = -Infinity;
  return {
    runOnce,
    /** Runs a pass now and then every `intervalMs` (ms) after the last one ended, until `stop`. */
    start(intervalMs = SCHEDULE_PASS_MS): void {
      running = true;
      const tick = async () => {
        const now = clock.now();
        const reviews = now - lastReviewScan >= REVIEW_SCAN_MS;
        if (reviews) lastReviewScan = now;
        pass = runOnce({ reviews }).catch((error: unknown) =>
          logger.error('scheduled_notice_pass_failed', { message: String(error) }),
        );
        await pass;
        if (running) timer = setTimeout(() => void tick(), intervalMs).unref();
      };
      timer = setTimeout(() => void tick(), 0).unref();
    },
    /**
     * Stops the loop; resolves once a pass in flight has ended (it stops between spaces), so the
     * caller may close the database after it.
     */
    async stop(): Promise<void> {
      running = false;
      stopping = true;
      clearTimeout(timer);
      timer = undefined;
      await pass;
    },
  };
}
export type NoticeScheduler = ReturnType<typeof createNoticeScheduler>;
