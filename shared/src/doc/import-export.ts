import type * as Y from 'yjs';
import type { SpaceExport } from '../schemas/export.ts';
import { BOUNDARY_TEXT_FIELDS } from './boundary-model.ts';
import { createBoundary } from './boundaries.ts';
import { LOCAL_ORIGIN } from './origin.ts';
import { appendPlainParagraphs } from './rich-text.ts';
import { privateNotesFragment, usLetterFragment } from './roots.ts';

const lines = (text: string) => text.split('\n').filter((line) => line.trim().length > 0);

export interface ImportArgs {
  shared: Y.Doc;
  private: Y.Doc;
  data: SpaceExport;
  userId: string;
  now: number;
  newId: () => string;
}

/**
 * Brings an export's words into a space's documents: the co-written letter and private notes
 * are added after what is there, and each boundary arrives as a new draft. Agreed versions are
 * not carried over: signatures belong to the space they were given in, so the couple signs
 * again here. Returns how many boundaries were added.
 */
export function importIntoDocs({ shared, private: mine, data, userId, now, newId }: ImportArgs): number {
  shared.transact(() => {
    const letter = lines(data.usLetter);
    if (letter.length > 0) appendPlainParagraphs(usLetterFragment(shared), letter);
    for (const boundary of data.boundaries) {
      const { content } = boundary;
      createBoundary(shared, {
        id: newId(),
        title: content.title,
        category: content.category,
        text: Object.fromEntries(BOUNDARY_TEXT_FIELDS.map((field) => [field, lines(content[field])])),
        reviewOn: content.reviewOn,
        endsOn: content.endsOn,
        userId,
        now,
      });
    }
  }, LOCAL_ORIGIN);
  const notes = lines(data.privateNotes);
  if (notes.length > 0)
    mine.transact(() => appendPlainParagraphs(privateNotesFragment(mine), notes), LOCAL_ORIGIN);
  return data.boundaries.length;
}
