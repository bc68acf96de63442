import { AgendaKind, TalkKind, type AgendaEntry, type TalkFields } from '@twofold/shared';

/** A talk's name as both partners see it. */
export function talkTitle(talk: Pick<TalkFields, 'kind' | 'topic'>): string {
  switch (talk.kind) {
    case TalkKind.weekly:
      return 'Our weekly talk';
    case TalkKind.hardMoment:
      return 'After a hard moment';
    case TalkKind.topic:
      return talk.topic ?? 'A talk of our own';
  }
}

/** "You" for oneself, the partner's name, or a gentle stand-in for someone who left. */
export type NameOf = (userId: string) => string;

/** The sentence an agenda item is shown with; its own words (if any) are shown beneath. */
export function agendaHeading(item: AgendaEntry, nameOf: NameOf): string {
  const who = item.by ? nameOf(item.by) : '';
  switch (item.kind) {
    case AgendaKind.appreciation:
      return `${who} appreciated`;
    case AgendaKind.checkin:
      return 'Your check-in answers, opened together';
    case AgendaKind.promiseKept:
      return `${who} kept a promise`;
    case AgendaKind.promiseMissed:
      return who === 'You' ? 'A promise you didn’t manage' : `A promise ${who} didn’t manage`;
    case AgendaKind.goalMoved:
      return 'A goal that moved this week';
    case AgendaKind.boundaryReview:
      return 'A boundary due for review';
  }
}
