import {
  boundaryContent,
  boundaryHash,
  createBoundary,
  defaultNotificationPrefs,
  readBoundaries,
  recordAgreedVersion,
  type NotificationPrefs,
} from '@twofold/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildApp, docKey, silentLogger } from '@twofold/server/testing';
import { createNoticeScheduler } from '../../server/src/notifications/scheduler.ts';
import { checkinAnswers, checkinsPath } from '../helpers/checkins.ts';
import { holdPoint, stillWaiting } from '../helpers/hold.ts';
import { call, pairUp, type SignedUp } from '../helpers/http.ts';
import { startPushEndpoint, type PushEndpoint } from '../helpers/push-endpoint.ts';
import { createTestApp } from '../helpers/test-app.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const t = createTestApp();
let push: PushEndpoint;
beforeAll(async () => {
  push = await startPushEndpoint();
});
// Every test starts at 09:00 UTC (outside the default quiet hours), however far the one before
// moved the shared clock.
beforeEach(() => {
  const sinceNine = (((t.clock.now() - 9 * HOUR) % DAY) + DAY) % DAY;
  if (sinceNine !== 0) t.clock.advance(DAY - sinceNine);
});
afterAll(async () => {
  await push.close();
  t.close();
});

const scheduler = (built = t.built) =>
  createNoticeScheduler({ stores: built.stores, rooms: built.rooms, clock: t.clock, logger: silentLogger });

/** The outbox rows of one scheduled kind, by recipient. */
const queued = async (kind: string, stores = t.stores) =>
  (await stores.notifications.pending()).filter((row) => row.eventKey.startsWith(`${kind}:`));

/** What the sender does once a row went out: the outbox forgets it. */
const markSent = async (rows: { id: number }[]) => {
  for (const row of rows) await t.stores.notifications.done(row.id);
};

async function addDevice(who: SignedUp) {
  const device = push.device();
  const reply = await call(t.app, 'POST', '/api/me/notifications/devices', {
    cookie: who.cookie,
    json: { endpoint: device.endpoint, keys: device.keys },
  });
  expect(reply.status, reply.text).toBe(201);
}

async function setPrefs(who: SignedUp, change: Partial<NotificationPrefs>) {
  const reply = await call(t.app, 'PUT', '/api/me/notifications/prefs', {
    cookie: who.cookie,
    json: { ...defaultNotificationPrefs, ...change },
  });
  expect(reply.status, reply.text).toBe(200);
}

/** A couple with a device each. */
async function couple() {
  const pair = await pairUp(t.app);
  await addDevice(pair.alex);
  await addDevice(pair.sam);
  return pair;
}

/** The couple agrees to hold check-ins on the weekday it is now (UTC), from today. */
async function checkinDayToday(pair: Awaited<ReturnType<typeof couple>>) {
  const day = new Date(t.clock.now()).getUTCDay();
  const path = checkinsPath(pair.spaceId);
  const proposed = await call(t.app, 'PUT', `${path}/schedule/proposal`, {
    cookie: pair.alex.cookie,
    json: { day },
  });
  expect(proposed.status, proposed.text).toBeLessThan(300);
  const accepted = await call(t.app, 'POST', `${path}/schedule/proposal/accept`, { cookie: pair.sam.cookie });
  expect(accepted.status, accepted.text).toBe(200);
  const schedule = await call(t.app, 'GET', `${path}/schedule`, { cookie: pair.alex.cookie });
  expect((schedule.body as { week: string }).week).toBe(new Date(t.clock.now()).toISOString().slice(0, 10));
}

const ofSpace = (spaceId: string, rows: Awaited<ReturnType<typeof queued>>) =>
  rows.filter((row) => row.eventKey.includes(spaceId));

describe('the check-in day notification', () => {
  it('reaches both partners once, discreetly, and not again after a restart or from a second instance', async () => {
    const pair = await couple();
    await checkinDayToday(pair);
    await scheduler().runOnce();
    const rows = ofSpace(pair.spaceId, await queued('checkin_day'));
    expect(rows.map((r) => r.userId).sort()).toEqual([pair.alex.id, pair.sam.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        title: 'Twofold',
        body: 'Something new in Twofold',
        url: `/spaces/${pair.spaceId}/checkins`,
        notBefore: t.clock.now(),
      });
    }

    // Sent: the outbox forgets the rows, but the occurrence stays recorded.
    await markSent(rows);
    t.clock.advance(HOUR);
    await scheduler().runOnce();
    t.reopen();
    await scheduler().runOnce();
    const second = buildApp(t.config, { clock: t.clock, logger: silentLogger, mailRetryDelaysMs: [] });
    try {
      await scheduler(second).runOnce();
    } finally {
      await second.close();
    }
    expect(ofSpace(pair.spaceId, await queued('checkin_day'))).toEqual([]);

    // The next week's day is a new occurrence.
    t.clock.advance(7 * DAY - HOUR);
    await scheduler().runOnce();
    expect(ofSpace(pair.spaceId, await queued('checkin_day'))).toHaveLength(2);
  });

  it('skips a partner who turned the kind off, and one who has already answered this week', async () => {
    const pair = await couple();
    const robin = await couple();
    await setPrefs(pair.sam, { kinds: { ...defaultNotificationPrefs.kinds, checkin_day: 'none' } });
    await checkinDayToday(pair);
    await checkinDayToday(robin);
    const answered = await call(t.app, 'POST', `${checkinsPath(robin.spaceId)}/current`, {
      cookie: robin.sam.cookie,
      json: checkinAnswers('early'),
    });
    expect(answered.status, answered.text).toBeLessThan(300);

    await scheduler().runOnce();
    expect(ofSpace(pair.spaceId, await queued('checkin_day')).map((r) => r.userId)).toEqual([pair.alex.id]);
    expect(ofSpace(robin.spaceId, await queued('checkin_day')).map((r) => r.userId)).toEqual([robin.alex.id]);
  });

  it('is held through the person’s quiet hours, in their own time zone', async () => {
    const pair = await couple();
    // 09:00 UTC is 20:00 in Sydney (UTC+11 in November): inside 19:00–07:00 there.
    await setPrefs(pair.alex, { timeZone: 'Australia/Sydney', quietHours: { start: 19 * 60, end: 7 * 60 } });
    await checkinDayToday(pair);
    await scheduler().runOnce();
    const byUser = new Map(ofSpace(pair.spaceId, await queued('checkin_day')).map((r) => [r.userId, r]));
    expect(byUser.get(pair.sam.id)?.notBefore).toBe(t.clock.now());
    expect(byUser.get(pair.alex.id)?.notBefore).toBe(t.clock.now() + 11 * HOUR);
  });

  it('does not nag a couple that never chose a day, nor on the other days of the week', async () => {
    const quiet = await couple();
    // The clock's weeks start on Sunday by default; no day was chosen, so nothing is sent.
    for (let i = 0; i < 7; i++) {
      await scheduler().runOnce();
      t.clock.advance(DAY);
    }
    expect(ofSpace(quiet.spaceId, await queued('checkin_day'))).toEqual([]);

    const chosen = await couple();
    await checkinDayToday(chosen);
    await scheduler().runOnce();
    await markSent(ofSpace(chosen.spaceId, await queued('checkin_day')));
    for (let i = 1; i < 7; i++) {
      t.clock.advance(DAY);
      await scheduler().runOnce();
    }
    expect(ofSpace(chosen.spaceId, await queued('checkin_day'))).toEqual([]);
  });
});

/** Writes a boundary with `reviewOn` into the shared doc, as a partner's client would. */
async function boundaryDueOn(
  pair: Awaited<ReturnType<typeof couple>>,
  id: string,
  reviewOn: string,
  signers: SignedUp[],
) {
  const doc = new Y.Doc();
  createBoundary(doc, {
    id,
    title: 'Phones',
    category: 'privacy',
    text: { meaning: ['Words that never reach a lock screen.'] },
    reviewOn,
    userId: pair.alex.id,
    now: t.clock.now(),
  });
  const entry = readBoundaries(doc).find((e) => e.id === id);
  if (!entry?.readable) throw new Error('unreadable');
  const content = boundaryContent(entry);
  const hash = await boundaryHash(content);
  for (const signer of signers) {
    const signed = await call(t.app, 'POST', `/api/spaces/${pair.spaceId}/attestations`, {
      cookie: signer.cookie,
      json: { subjectType: 'boundary', subjectId: id, kind: 'agree', contentHash: hash },
    });
    expect(signed.status, signed.text).toBe(201);
  }
  recordAgreedVersion(doc, { id, version: { hash, content, agreedAt: t.clock.now() } });
  t.stores.docLog.append(docKey.shared(pair.spaceId), Y.encodeStateAsUpdate(doc), {
    author: pair.alex.id,
    device: '',
    at: t.clock.now(),
  });
  doc.destroy();
}

const dayIn = (days: number) => new Date(t.clock.now() + days * DAY).toISOString().slice(0, 10);

describe('the boundary review notification', () => {
  it('reaches both partners on the review day both signed, once, and not again after a restart', async () => {
    const pair = await couple();
    await boundaryDueOn(pair, 'b-review', dayIn(2), [pair.alex, pair.sam]);
    const due = async () => ofSpace(pair.spaceId, await queued('boundary_review'));
    await scheduler().runOnce();
    t.clock.advance(DAY);
    await scheduler().runOnce();
    expect(await due()).toEqual([]);
    t.clock.advance(DAY);
    await scheduler().runOnce();
    const rows = await due();
    expect(rows.map((r) => r.userId).sort()).toEqual([pair.alex.id, pair.sam.id].sort());
    expect(rows.map((r) => r.url)).toEqual([
      `/spaces/${pair.spaceId}/boundaries/b-review`,
      `/spaces/${pair.spaceId}/boundaries/b-review`,
    ]);
    expect(JSON.stringify(rows)).not.toContain('Phones');
    expect(JSON.stringify(rows)).not.toContain('lock screen');
    expect(rows.every((r) => r.body === 'Something new in Twofold')).toBe(true);

    await markSent(rows);
    await scheduler().runOnce();
    t.reopen();
    t.clock.advance(DAY);
    await scheduler().runOnce();
    expect(await due()).toEqual([]);
  });

  it('names what it is only to a person who chose details, and skips one who turned it off', async () => {
    const pair = await couple();
    await setPrefs(pair.alex, { showDetails: true });
    await setPrefs(pair.sam, { kinds: { ...defaultNotificationPrefs.kinds, boundary_review: 'none' } });
    await boundaryDueOn(pair, 'b-details', dayIn(0), [pair.alex, pair.sam]);
    await scheduler().runOnce();
    const rows = ofSpace(pair.spaceId, await queued('boundary_review'));
    expect(rows.map((r) => [r.userId, r.body])).toEqual([
      [pair.alex.id, 'A boundary you agreed on is due for review'],
    ]);
  });

  it('ignores a review date only one partner signed, and one long past', async () => {
    const pair = await couple();
    await boundaryDueOn(pair, 'b-alone', dayIn(0), [pair.alex]);
    await boundaryDueOn(pair, 'b-old', dayIn(-30), [pair.alex, pair.sam]);
    await scheduler().runOnce();
    expect(ofSpace(pair.spaceId, await queued('boundary_review'))).toEqual([]);
  });

  it('comes on the review day in the person’s own time zone', async () => {
    const pair = await couple();
    // At 09:00 UTC it is 23:00 the same day in Kiritimati (UTC+14); from 10:00 UTC, tomorrow.
    await setPrefs(pair.alex, { timeZone: 'Pacific/Kiritimati', quietHours: null });
    await boundaryDueOn(pair, 'b-zone', dayIn(1), [pair.alex, pair.sam]);
    await scheduler().runOnce();
    expect(ofSpace(pair.spaceId, await queued('boundary_review'))).toEqual([]);
    t.clock.advance(11 * HOUR); // 20:00 UTC: tomorrow in Kiritimati, still today in UTC
    await scheduler().runOnce();
    expect(ofSpace(pair.spaceId, await queued('boundary_review')).map((r) => r.userId)).toEqual([
      pair.alex.id,
    ]);
  });
});

describe('stopping the scheduler', () => {
  it('waits for the pass in flight, which stops between spaces, so no pass outlives the database', async () => {
    // Two spaces at least, so the pass has a next space to skip once stopped.
    await couple();
    await couple();
    const point = holdPoint();
    const readFor: string[] = [];
    // The pass is held inside its first space's review lookup until the gate opens.
    const attestations: typeof t.stores.attestations = {
      ...t.stores.attestations,
      async list(spaceId, filter) {
        readFor.push(spaceId);
        await point.hold();
        return t.stores.attestations.list(spaceId, filter);
      },
    };
    const gated = createNoticeScheduler({
      stores: { ...t.stores, attestations },
      rooms: t.built.rooms,
      clock: t.clock,
      logger: silentLogger,
    });
    gated.start(60_000);
    await point.reached;

    const stopping = gated.stop();
    expect(await stillWaiting(stopping)).toBe(true);
    point.release();
    await stopping;
    expect(readFor).toHaveLength(1);
  });
});
