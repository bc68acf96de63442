import { AgendaKind, AttestationKind } from '@twofold/shared';
import { describe, expect, it } from 'vitest';
import {
  AGENDA_WEEK_MS,
  buildAgenda,
  type AgendaSources,
} from '../../client/src/features/talks/model/agenda.ts';

const ALEX = 'alex';
const SAM = 'sam';
const NOW = Date.UTC(2026, 11, 2, 12);
const TODAY = '2026-12-02';
const DAY = 24 * 60 * 60 * 1000;

function sources(overrides: Partial<AgendaSources> = {}): AgendaSources {
  return {
    appreciations: [],
    checkins: [],
    promises: [],
    promiseAttestations: [],
    boundaries: [],
    goals: [],
    ...overrides,
  };
}

describe('the weekly talk agenda', () => {
  it('is empty for a quiet week', () => {
    expect(buildAgenda(sources(), { now: NOW, today: TODAY })).toEqual([]);
  });

  it('gathers the week in a gentle order: thanks first, boundaries last', () => {
    const agenda = buildAgenda(
      sources({
        boundaries: [{ id: 'b1', title: 'Phones away at dinner', reviewOn: '2026-12-05' }],
        promises: [
          { id: 'p1', authorId: ALEX, text: 'Call if late', missed: null },
          {
            id: 'p2',
            authorId: SAM,
            text: 'Cook Friday',
            missed: { at: NOW - DAY, note: 'ran out of time' },
          },
        ],
        promiseAttestations: [{ subjectId: 'p1', kind: AttestationKind.kept, at: NOW - 2 * DAY }],
        checkins: [{ week: '2026-11-29', openedAt: NOW - 3 * DAY }],
        goals: [
          { id: 'g1', title: 'Walk the coast', achievedAt: null, steps: [{ done: true, doneAt: NOW - DAY }] },
        ],
        appreciations: [{ id: 'a1', authorId: SAM, text: 'You made tea', createdAt: NOW - 4 * DAY }],
      }),
      { now: NOW, today: TODAY },
    );
    expect(agenda.map((item) => item.id)).toEqual([
      'appreciation:a1',
      'checkin:2026-11-29',
      'promise-kept:p1',
      'goal-moved:g1',
      'promise-missed:p2',
      'boundary-review:b1',
    ]);
    expect(agenda[0]).toEqual({
      id: 'appreciation:a1',
      kind: AgendaKind.appreciation,
      by: SAM,
      text: 'You made tea',
      ref: 'a1',
      order: 'a0000',
    });
    expect(agenda.map((item) => item.order)).toEqual([...agenda.map((item) => item.order)].sort());
  });

  it('leaves out what happened before the week, and boundaries not yet due', () => {
    const old = NOW - AGENDA_WEEK_MS - 1;
    const agenda = buildAgenda(
      sources({
        appreciations: [{ id: 'a-old', authorId: SAM, text: 'old', createdAt: old }],
        checkins: [
          { week: '2026-11-15', openedAt: old },
          { week: '2026-11-29', openedAt: null },
        ],
        promises: [{ id: 'p1', authorId: ALEX, text: 'x', missed: { at: old, note: '' } }],
        promiseAttestations: [{ subjectId: 'p1', kind: AttestationKind.authored, at: NOW - DAY }],
        boundaries: [
          { id: 'later', title: 'Later', reviewOn: '2026-12-20' },
          { id: 'none', title: 'None', reviewOn: null },
        ],
        goals: [
          {
            id: 'g1',
            title: 'Still',
            achievedAt: old,
            steps: [
              { done: false, doneAt: null },
              { done: true, doneAt: old },
            ],
          },
        ],
      }),
      { now: NOW, today: TODAY },
    );
    expect(agenda).toEqual([]);
  });

  it('keeps an overdue review and the latest five appreciations, and is the same when built twice', () => {
    const appreciations = Array.from({ length: 7 }, (_, i) => ({
      id: `a${i}`,
      authorId: ALEX,
      text: `thanks ${i}`,
      createdAt: NOW - (7 - i) * 60_000,
    }));
    const input = sources({
      appreciations,
      boundaries: [{ id: 'b', title: 'Overdue', reviewOn: '2026-10-01' }],
    });
    const agenda = buildAgenda(input, { now: NOW, today: TODAY });
    expect(agenda.filter((i) => i.kind === AgendaKind.appreciation).map((i) => i.ref)).toEqual([
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
    ]);
    expect(agenda.at(-1)?.id).toBe('boundary-review:b');
    expect(buildAgenda(input, { now: NOW, today: TODAY })).toEqual(agenda);
  });
});
