import { REPAIR_STEPS, TalkActionKind, TalkKind, type SpaceExport } from '@twofold/shared';
import { day, escapeMarkdown as escape, paragraphs } from './markdown-text.ts';

const TALK_TITLES: Record<TalkKind, string> = {
  [TalkKind.weekly]: 'Our weekly talk',
  [TalkKind.hardMoment]: 'After a hard moment',
  [TalkKind.topic]: 'A talk of our own',
};

const ACTION_WORDS: Record<TalkActionKind, string> = {
  [TalkActionKind.promise]: 'A promise',
  [TalkActionKind.goalStep]: 'A next step',
  [TalkActionKind.boundaryReview]: 'A boundary to review',
};

/**
 * Talks and repairs for the Markdown export. Repairs come already cut to what both may see
 * (`exportRepairs`): an unopened repair shows only who has written, never a word of a side.
 */
export function conversationsToMarkdown(data: SpaceExport): string[] {
  const names = new Map(data.space.members.map((m) => [m.id, m.name]));
  const name = (id: string) => (id === data.account.id ? 'You' : escape(names.get(id) ?? 'A former member'));
  const out: string[] = [];

  out.push('## Talks', '');
  const talks = data.talks ?? [];
  if (talks.length === 0) out.push('_No talks yet._', '');
  for (const talk of talks) {
    const title = talk.kind === TalkKind.topic && talk.topic ? escape(talk.topic) : TALK_TITLES[talk.kind];
    out.push(`### ${title}`, '');
    out.push(
      `Started by ${name(talk.createdBy)} on ${day(talk.createdAt)}` +
        (talk.endedAt ? `, ended ${day(talk.endedAt)}.` : '; still open.'),
      '',
    );
    for (const round of talk.rounds) {
      out.push(`**Round ${round.round}: ${name(round.speakerId)} spoke**`, '');
      if (round.said) out.push(paragraphs(round.said), '');
      if (round.heard) out.push(`_What was heard:_ ${escape(round.heard).split('\n').join(' ')}`, '');
    }
    out.push('**What we take from this**', '', paragraphs(talk.summary), '');
    for (const action of talk.actions)
      out.push(`- ${ACTION_WORDS[action.kind]} (${name(action.createdBy)}): ${escape(action.text)}`);
    if (talk.actions.length > 0) out.push('');
  }

  out.push('## Repairs', '');
  const repairs = data.repairs ?? [];
  if (repairs.length === 0) out.push('_No repairs yet._', '');
  for (const repair of repairs) {
    out.push(`### ${escape(repair.topic)}`, '');
    out.push(`Started by ${name(repair.startedBy)} on ${day(repair.startedAt)}.`, '');
    if (repair.openedAt === null) {
      const who = repair.writtenBy.map(name).join(' and ') || 'Neither of you';
      out.push(
        `${who} ${repair.writtenBy.length === 1 ? 'has' : 'have'} written so far. The sides stay sealed until both have written, so they are not in this export.`,
        '',
      );
      continue;
    }
    for (const side of repair.sides) {
      out.push(`**${name(side.userId)}** (${day(side.writtenAt)})`, '');
      for (const step of REPAIR_STEPS)
        out.push(`- ${step.label}: ${escape(side.part[step.key]).split('\n').join(' ')}`);
      out.push('');
    }
    out.push('**What we’ll do differently next time**', '', paragraphs(repair.nextTime), '');
    if (repair.savedNextTime) {
      out.push(
        `_Saved earlier by ${name(repair.savedNextTime.by)} on ${day(repair.savedNextTime.at)}:_ ` +
          escape(repair.savedNextTime.text).split('\n').join(' '),
        '',
      );
    }
  }
  return out;
}
