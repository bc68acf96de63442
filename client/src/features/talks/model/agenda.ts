import {
  AgendaKind,
  AttestationKind,
  type AgendaItem,
  type AppreciationView,
  type Attestation,
  type CheckinView,
  type PromiseView,
} from '@twofold/shared';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back "their week" reaches, in ms. */
export const AGENDA_WEEK_MS = 7 * DAY_MS;
/** At most this many appreciations open the talk; the rest are on the appreciations page. */
export const AGENDA_MAX_APPRECIATIONS = 5;
/** A boundary whose review date falls within this many days (or has passed) is due. */
export const REVIEW_SOON_DAYS = 7;

/** A goal as the agenda needs it: its steps' ticks, and when it was achieved. */
export interface AgendaGoal {
  id: string;
  title: string;
  achievedAt: number | null;
  steps: readonly { done: boolean; doneAt: number | null }[];
}

/** What the client already has about the couple's week (HTTP queries and the shared doc). */
export interface AgendaSources {
  appreciations: readonly Pick<AppreciationView, 'id' | 'authorId' | 'text' | 'createdAt'>[];
  checkins: readonly Pick<CheckinView, 'week' | 'openedAt'>[];
  promises: readonly Pick<PromiseView, 'id' | 'authorId' | 'text' | 'missed'>[];
  /** The notary's record for promises (only `kept` ones count here). */
  promiseAttestations: readonly Pick<Attestation, 'subjectId' | 'kind' | 'at'>[];
  boundaries: readonly { id: string; title: string; reviewOn: string | null }[];
  goals: readonly AgendaGoal[];
}

export interface AgendaClock {
  /** Now, in ms since the epoch. */
  now: number;
  /** Today on this person's calendar, `YYYY-MM-DD`. */
  today: string;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The weekly talk's agenda, built from the last seven days: appreciations given first (a warm
 * start), then the check-in both revealed, promises kept, goals that moved, promises not managed,
 * and boundaries due for review. Each item says what it points at (`ref`) and who it is about
 * (`by`); ids are stable (`kind:ref`), so building it twice gives the same list. Pure.
 */
export function buildAgenda(sources: AgendaSources, { now, today }: AgendaClock): AgendaItem[] {
  const since = now - AGENDA_WEEK_MS;
  const inWeek = (at: number | null | undefined) => typeof at === 'number' && at >= since && at <= now;
  const items: Omit<AgendaItem, 'order'>[] = [];

  const appreciations = sources.appreciations
    .filter((a) => inWeek(a.createdAt))
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(-AGENDA_MAX_APPRECIATIONS);
  for (const a of appreciations) {
    items.push({
      id: `${AgendaKind.appreciation}:${a.id}`,
      kind: AgendaKind.appreciation,
      by: a.authorId,
      text: a.text,
      ref: a.id,
    });
  }

  for (const week of [...sources.checkins].sort((a, b) => (a.week < b.week ? -1 : 1))) {
    if (!inWeek(week.openedAt)) continue;
    items.push({
      id: `${AgendaKind.checkin}:${week.week}`,
      kind: AgendaKind.checkin,
      by: null,
      text: null,
      ref: week.week,
    });
  }

  const keptAt = new Map<string, number>();
  for (const a of sources.promiseAttestations) {
    if (a.kind === AttestationKind.kept && inWeek(a.at)) keptAt.set(a.subjectId, a.at);
  }
  const kept = sources.promises.filter((p) => keptAt.has(p.id));
  kept.sort((a, b) => (keptAt.get(a.id) ?? 0) - (keptAt.get(b.id) ?? 0));
  for (const p of kept) {
    items.push({
      id: `${AgendaKind.promiseKept}:${p.id}`,
      kind: AgendaKind.promiseKept,
      by: p.authorId,
      text: p.text,
      ref: p.id,
    });
  }

  for (const goal of sources.goals) {
    const moved = inWeek(goal.achievedAt) || goal.steps.some((step) => step.done && inWeek(step.doneAt));
    if (moved) {
      items.push({
        id: `${AgendaKind.goalMoved}:${goal.id}`,
        kind: AgendaKind.goalMoved,
        by: null,
        text: goal.title,
        ref: goal.id,
      });
    }
  }

  const missed = sources.promises.filter((p) => !keptAt.has(p.id) && inWeek(p.missed?.at));
  missed.sort((a, b) => (a.missed?.at ?? 0) - (b.missed?.at ?? 0));
  for (const p of missed) {
    items.push({
      id: `${AgendaKind.promiseMissed}:${p.id}`,
      kind: AgendaKind.promiseMissed,
      by: p.authorId,
      text: p.text,
      ref: p.id,
    });
  }

  const soon = addDays(today, REVIEW_SOON_DAYS);
  const due = sources.boundaries.filter((b) => b.reviewOn !== null && b.reviewOn <= soon);
  due.sort((a, b) => ((a.reviewOn ?? '') < (b.reviewOn ?? '') ? -1 : 1));
  for (const b of due) {
    items.push({
      id: `${AgendaKind.boundaryReview}:${b.id}`,
      kind: AgendaKind.boundaryReview,
      by: null,
      text: b.title || null,
      ref: b.id,
    });
  }

  return items.map((item, index) => ({ ...item, order: `a${String(index).padStart(4, '0')}` }));
}
