import type { SpaceExport } from '../schemas/export.ts';
import { isOwnExport } from './import-export.ts';

/** What an import brings in and what it leaves out, each as short phrases to list. */
export interface ImportSummary {
  broughtIn: string[];
  leftOut: string[];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Says plainly, before and after an import, what comes into this space and what stays behind
 * (and why), so nothing is silently dropped or silently taken on. `userId` is the importer.
 */
export function summariseImport(data: SpaceExport, userId: string): ImportSummary {
  const own = isOwnExport(data, userId);
  const exporter = data.account.name;
  const letters = data.letters.filter((letter) => letter.body !== null);
  const drafts = data.letterDrafts ?? [];
  const goals = data.goals ?? [];
  const broughtIn: string[] = [];
  const leftOut: string[] = [];

  if (data.usLetter.trim()) broughtIn.push('“What trust means to us”, added after what is here');
  if (data.boundaries.length > 0)
    broughtIn.push(
      `${count(data.boundaries.length, 'boundary', 'boundaries')}, each with who wrote it, as drafts to sign again here`,
    );
  if (goals.length > 0)
    broughtIn.push(
      `${count(goals.length, 'shared goal', 'shared goals')} with their steps, each with who wrote it`,
    );
  if (letters.length > 0)
    broughtIn.push(`${count(letters.length, 'letter', 'letters')}, each with who wrote it and when`);
  if (own && data.privateNotes.trim()) broughtIn.push('Your private notes');
  if (own && drafts.length > 0)
    broughtIn.push(`${count(drafts.length, 'unsent letter', 'unsent letters')}, as your drafts`);

  if (!own && (data.privateNotes.trim() || drafts.length > 0))
    leftOut.push(`${exporter}’s private notes and unsent letters: they are ${exporter}’s alone`);
  if (data.attestations.length > 0) leftOut.push('Signatures: they belong to the space they were given in');
  const hidden = data.letters.length - letters.length;
  if (hidden > 0)
    leftOut.push(`${count(hidden, 'letter', 'letters')} not yet open to ${own ? 'you' : exporter}`);
  const kept: string[] = [];
  if (data.checkins?.length) kept.push(count(data.checkins.length, 'weekly check-in', 'weekly check-ins'));
  if (data.promises?.length) kept.push(count(data.promises.length, 'promise', 'promises'));
  if (data.appreciations?.length)
    kept.push(count(data.appreciations.length, 'appreciation', 'appreciations'));
  if (kept.length > 0) leftOut.push(`${kept.join(', ')}: they stay in the export file`);
  return { broughtIn, leftOut };
}
