import { CHECKIN_QUESTIONS, type SpaceExport } from '@twofold/shared';
import { day, escapeMarkdown as escape } from './markdown-text.ts';

/**
 * Check-ins, promises and appreciations for the Markdown export. Check-ins come already cut
 * to what the exporter may read (their own answers; the partner's only for weeks both
 * answered), so nothing here can say more than the app would.
 */
export function ritualsToMarkdown(data: SpaceExport): string[] {
  const names = new Map(data.space.members.map((m) => [m.id, m.name]));
  const name = (id: string) => (id === data.account.id ? 'You' : escape(names.get(id) ?? 'A former member'));
  const out: string[] = [];

  out.push('## Weekly check-ins', '');
  const checkins = data.checkins ?? [];
  if (checkins.length === 0) out.push('_No check-ins yet._', '');
  for (const checkin of checkins) {
    out.push(`### Week of ${checkin.week}`, '');
    for (const entry of checkin.entries) {
      if (!entry.answers) {
        out.push(
          `${name(entry.userId)} answered this week; their answers open once you have both answered.`,
          '',
        );
        continue;
      }
      const a = entry.answers;
      out.push(`**${name(entry.userId)}** (${day(entry.answeredAt)})`, '');
      for (const { key, label } of CHECKIN_QUESTIONS) {
        const text = a[key];
        if (typeof text === 'string' && text.trim())
          out.push(`- ${label}: ${escape(text).split('\n').join(' ')}`);
      }
      out.push(`- Safe ${a.safe}/10 · trusting ${a.trusting}/10 · connected ${a.connected}/10`, '');
    }
  }

  out.push('## Promises', '');
  const promises = data.promises ?? [];
  if (promises.length === 0) out.push('_No promises yet._', '');
  for (const promise of promises) {
    const due = promise.dueOn ? `, by ${promise.dueOn}` : '';
    out.push(`- ${name(promise.authorId)} promised: ${escape(promise.text)}${due}.`);
    if (promise.fromRepair) {
      out.push(
        promise.acceptedBy
          ? `  Proposed from a repair, accepted by ${name(promise.acceptedBy)}.`
          : '  Proposed from a repair; not accepted yet.',
      );
    }
    if (promise.keptBy && promise.keptAt)
      out.push(`  Kept, confirmed by ${name(promise.keptBy)} on ${day(promise.keptAt)}.`);
    else if (promise.missed) {
      const note = promise.missed.note ? ` “${escape(promise.missed.note)}”` : '';
      out.push(`  Didn’t manage this one (${day(promise.missed.at)}).${note}`);
    }
  }
  out.push('');

  out.push('## Appreciations', '');
  const appreciations = data.appreciations ?? [];
  if (appreciations.length === 0) out.push('_No appreciations yet._', '');
  for (const item of appreciations) {
    const heart = item.heartedAt ? ' ♥' : '';
    out.push(`- ${name(item.authorId)} appreciated (${day(item.createdAt)}): ${escape(item.text)}${heart}`);
  }
  out.push('');
  return out;
}
