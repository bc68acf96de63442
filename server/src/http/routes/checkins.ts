import {
  NotificationKind,
  checkinAnswersSchema,
  checkinScheduleSchema,
  ErrorCode,
  MAX_MEMBERS,
  trendSharingSchema,
} from '@twofold/shared';
import { Hono } from 'hono';
import { assertMayAcceptProposal } from '../../checkins/proposal.ts';
import { trendsFor } from '../../checkins/trends.ts';
import {
  agreeDayChange,
  answerCurrentWeek,
  currentWeekOf,
  lastDayReader,
  scheduleView,
} from '../../checkins/schedule.ts';
import { checkinHistory, checkinView } from '../../checkins/visibility.ts';
import type { AppDeps, MemberEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireMember } from '../middleware/require-member.ts';
import { requireSession } from '../middleware/require-session.ts';
import { validate } from '../middleware/validate.ts';
import { notifyPartner } from '../../notifications/notify.ts';

/**
 * Weekly check-ins. Each member answers privately; the partner's answers leave the server only
 * once both have answered that week (`checkins/visibility.ts`, applied on every route). There
 * is no streak and no penalty: a missed week is simply absent from the history.
 *
 * The day is changed as everything else between them: one proposes, the other agrees (or
 * either lets the proposal go). Alone in the space, a member's choice stands at once. An
 * agreed day never cuts into a week either of them has answered (`checkins/schedule.ts`).
 */
export function checkinRoutes(deps: AppDeps) {
  const { stores, sessions, events, clock } = deps;
  const currentWeek = async (spaceId: string) =>
    (await currentWeekOf(stores.checkins, spaceId, clock.now())).week;
  const schedule = async (spaceId: string) => await scheduleView(stores, spaceId, clock.now());

  return new Hono<MemberEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/schedule', async (c) => c.json(await schedule(c.var.spaceId), 200))
    .put('/schedule/proposal', validate('json', checkinScheduleSchema), async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      const { day } = c.req.valid('json');
      if ((await stores.spaces.members(spaceId)).length < MAX_MEMBERS) {
        await agreeDayChange(stores.sql, spaceId, {
          day,
          proposedBy: userId,
          agreedBy: userId,
          now: clock.now(),
        });
      } else {
        await stores.checkins.propose(spaceId, { day, proposedBy: userId, proposedAt: clock.now() });
      }
      events.publish(spaceId, { type: 'checkins' });
      return c.json(await schedule(spaceId), 200);
    })
    .post('/schedule/proposal/accept', async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      const proposal = assertMayAcceptProposal((await schedule(spaceId)).proposal, userId);
      await agreeDayChange(stores.sql, spaceId, {
        day: proposal.day,
        proposedBy: proposal.proposedBy,
        agreedBy: userId,
        now: clock.now(),
      });
      events.publish(spaceId, { type: 'checkins' });
      return c.json(await schedule(spaceId), 200);
    })
    .delete('/schedule/proposal', async (c) => {
      // Withdrawn by the one who proposed it, or declined by the other: either may let it go.
      const spaceId = c.var.spaceId;
      await stores.checkins.dropProposal(spaceId);
      events.publish(spaceId, { type: 'checkins' });
      return c.json(await schedule(spaceId), 200);
    })
    .get('/current', async (c) => {
      const spaceId = c.var.spaceId;
      const week = await currentWeek(spaceId);
      const rows = await stores.checkins.week(spaceId, week);
      const lastDay = (await lastDayReader(stores, spaceId))(week);
      return c.json({ checkin: checkinView(week, rows, c.get('userId'), lastDay) }, 200);
    })
    .post('/current', validate('json', checkinAnswersSchema), async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      const week = await answerCurrentWeek(stores.sql, spaceId, {
        userId,
        answers: JSON.stringify(c.req.valid('json')),
        now: clock.now(),
      });
      if (week === null) {
        throw new AppError(409, ErrorCode.conflict, 'You have already answered this week’s check-in.');
      }
      events.publish(spaceId, { type: 'checkins' });
      await notifyPartner(deps, spaceId, userId, {
        kind: NotificationKind.checkinAnswered,
        eventKey: `checkin:${week}:${userId}`,
        url: `/spaces/${spaceId}/checkins`,
      });
      const rows = await stores.checkins.week(spaceId, week);
      const lastDay = (await lastDayReader(stores, spaceId))(week);
      return c.json({ checkin: checkinView(week, rows, userId, lastDay) }, 201);
    })
    .get('/trends', async (c) => {
      const spaceId = c.var.spaceId;
      const userId = c.get('userId');
      const sharers = await stores.checkins.trendSharers(spaceId);
      return c.json(
        {
          series: trendsFor(await stores.checkins.all(spaceId), userId, sharers),
          shared: sharers.includes(userId),
        },
        200,
      );
    })
    .put('/trends/sharing', validate('json', trendSharingSchema), async (c) => {
      const spaceId = c.var.spaceId;
      const { shared } = c.req.valid('json');
      await stores.checkins.setTrendShared(spaceId, c.get('userId'), shared, clock.now());
      events.publish(spaceId, { type: 'checkins' });
      return c.json({ shared }, 200);
    })
    .get('/', async (c) => {
      const spaceId = c.var.spaceId;
      const rows = await stores.checkins.all(spaceId);
      const lastDay = await lastDayReader(stores, spaceId);
      return c.json({ checkins: checkinHistory(rows, c.get('userId'), lastDay) }, 200);
    });
}
