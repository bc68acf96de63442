import { checkinAnswersSchema, checkinScheduleSchema, ErrorCode, trendSharingSchema } from '@twofold/shared';
import { Hono } from 'hono';
import { trendsFor } from '../checkins/trends.ts';
import { checkinHistory, checkinView } from '../checkins/visibility.ts';
import { checkinWeekOf, DEFAULT_CHECKIN_DAY } from '../checkins/week.ts';
import type { AppDeps, AuthEnv } from './context.ts';
import { AppError } from './errors.ts';
import { requireMember } from './require-member.ts';
import { requireSession } from './require-session.ts';
import { validate } from './validate.ts';

/**
 * Weekly check-ins. Each member answers privately; the partner's answers leave the server only
 * once both have answered that week (`checkins/visibility.ts`, applied on every route). There
 * is no streak and no penalty: a missed week is simply absent from the history.
 */
export function checkinRoutes({ stores, sessions, events, clock }: AppDeps) {
  const currentWeek = (spaceId: string) =>
    checkinWeekOf(clock.now(), stores.checkins.day(spaceId) ?? DEFAULT_CHECKIN_DAY);

  return new Hono<AuthEnv>()
    .use(requireSession(sessions), requireMember(stores))
    .get('/schedule', (c) => {
      const spaceId = c.req.param('spaceId') as string;
      return c.json({ day: stores.checkins.day(spaceId), week: currentWeek(spaceId) }, 200);
    })
    .put('/schedule', validate('json', checkinScheduleSchema), (c) => {
      const spaceId = c.req.param('spaceId') as string;
      const { day } = c.req.valid('json');
      stores.checkins.setDay(spaceId, day, c.get('userId'), clock.now());
      events.publish(spaceId, { type: 'checkins' });
      return c.json({ day, week: currentWeek(spaceId) }, 200);
    })
    .get('/current', (c) => {
      const spaceId = c.req.param('spaceId') as string;
      const week = currentWeek(spaceId);
      const rows = stores.checkins.week(spaceId, week);
      return c.json({ checkin: checkinView(week, rows, c.get('userId')) }, 200);
    })
    .post('/current', validate('json', checkinAnswersSchema), (c) => {
      const spaceId = c.req.param('spaceId') as string;
      const userId = c.get('userId');
      const week = currentWeek(spaceId);
      const stored = stores.checkins.answer({
        spaceId,
        week,
        userId,
        answers: JSON.stringify(c.req.valid('json')),
        answeredAt: clock.now(),
      });
      if (!stored) {
        throw new AppError(409, ErrorCode.conflict, 'You have already answered this week’s check-in.');
      }
      events.publish(spaceId, { type: 'checkins' });
      return c.json({ checkin: checkinView(week, stores.checkins.week(spaceId, week), userId) }, 201);
    })
    .get('/trends', (c) => {
      const spaceId = c.req.param('spaceId') as string;
      const userId = c.get('userId');
      const sharers = stores.checkins.trendSharers(spaceId);
      return c.json(
        {
          series: trendsFor(stores.checkins.all(spaceId), userId, sharers),
          shared: sharers.includes(userId),
        },
        200,
      );
    })
    .put('/trends/sharing', validate('json', trendSharingSchema), (c) => {
      const spaceId = c.req.param('spaceId') as string;
      const { shared } = c.req.valid('json');
      stores.checkins.setTrendShared(spaceId, c.get('userId'), shared, clock.now());
      events.publish(spaceId, { type: 'checkins' });
      return c.json({ shared }, 200);
    })
    .get('/', (c) => {
      const spaceId = c.req.param('spaceId') as string;
      return c.json({ checkins: checkinHistory(stores.checkins.all(spaceId), c.get('userId')) }, 200);
    });
}
