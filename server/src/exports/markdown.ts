import {
  BOUNDARY_CATEGORY_LABELS,
  BOUNDARY_TEXT_FIELDS,
  BOUNDARY_TEXT_LABELS,
  type SpaceExport,
} from '@twofold/shared';
import { conversationsToMarkdown } from './conversations-markdown.ts';
import { goalsToMarkdown } from './goals-markdown.ts';
import { day, escapeMarkdown as escape, paragraphs } from './markdown-text.ts';
import { ritualsToMarkdown } from './rituals-markdown.ts';

/** The export as a readable document: the same content as the JSON, for people. */
export function exportToMarkdown(data: SpaceExport): string {
  const out: string[] = [];
  const members = data.space.members.map((m) => escape(m.name)).join(' and ');
  out.push(`# ${escape(data.space.name)}`, '');
  out.push(
    `Exported from Twofold by ${escape(data.account.name)} on ${day(data.exportedAt)}. Members: ${members}.`,
    '',
  );

  out.push('## What trust means to us', '', paragraphs(data.usLetter), '');

  out.push('## Boundaries', '');
  if (data.boundaries.length === 0) out.push('_No boundaries yet._', '');
  for (const boundary of data.boundaries) {
    const c = boundary.content;
    out.push(`### ${escape(c.title || 'Untitled boundary')}`, '');
    out.push(`${BOUNDARY_CATEGORY_LABELS[c.category]} · ${boundary.status}`);
    if (c.reviewOn) out.push(`Review on ${c.reviewOn}.`);
    if (c.endsOn) out.push(`Ends on ${c.endsOn}.`);
    out.push('');
    for (const field of BOUNDARY_TEXT_FIELDS)
      out.push(`**${BOUNDARY_TEXT_LABELS[field]}**`, '', paragraphs(c[field]), '');
    if (boundary.versions.length > 0) {
      out.push(
        'Agreed by both: ' +
          boundary.versions.map((v, i) => `version ${i + 1} on ${day(v.agreedAt)}`).join(', ') +
          '.',
        '',
      );
    }
  }

  out.push(...goalsToMarkdown(data.goals));

  out.push('## Letters', '');
  if (data.letters.length === 0) out.push('_No letters you can read yet._', '');
  for (const letter of data.letters) {
    out.push(`### ${escape(letter.title ?? 'A letter')}`, '');
    out.push(`From ${escape(letter.authorName)}, sent ${day(letter.sentAt)}.`, '');
    if (letter.prompt) out.push(`_${escape(letter.prompt)}_`, '');
    out.push(paragraphs(letter.body?.text ?? ''), '');
  }

  out.push(...ritualsToMarkdown(data));
  out.push(...conversationsToMarkdown(data));

  out.push(
    '## My private notes',
    '',
    '_Only you could see these in Twofold._',
    '',
    paragraphs(data.privateNotes),
    '',
  );
  const drafts = data.letterDrafts ?? [];
  if (drafts.length > 0) out.push('## My unsent letters', '', '_Drafts only you could see._', '');
  for (const draft of drafts) {
    out.push(
      `### ${escape(draft.title || 'Untitled draft')}`,
      '',
      `Last changed ${day(draft.updatedAt)}.`,
      '',
    );
    if (draft.prompt) out.push(`_${escape(draft.prompt)}_`, '');
    out.push(paragraphs(draft.text), '');
  }
  return out.join('\n');
}
