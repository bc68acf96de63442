import { diffArrays, diffWordsWithSpace } from 'diff';

export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Past this many characters (both texts together) lines are diffed first and words only
 * within the lines that changed. A session that adds a paragraph at the end of a year-long
 * letter and rewords one near its start leaves most of the letter between its two edits, and
 * a word diff of all of that cost 10 ms a session, seconds a page (tests/bench/history.ts).
 */
const LINES_FIRST_OVER = 4000;

/**
 * A word-level diff from `before` to `after`, as segments to render in order: the `same` and
 * `removed` segments concatenate to `before`, the `same` and `added` ones to `after`.
 */
export function wordDiff(before: string, after: string): DiffSegment[] {
  if (before.length + after.length <= LINES_FIRST_OVER) return diffWords(before, after);
  const segments: DiffSegment[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed || added) for (const segment of diffWords(removed, added)) push(segments, segment);
    removed = added = '';
  };
  for (const part of diffArrays(linesOf(before), linesOf(after))) {
    const text = part.value.join('');
    if (part.added) added += text;
    else if (part.removed) removed += text;
    else {
      flush();
      push(segments, { kind: 'same', text });
    }
  }
  flush();
  return segments;
}

function diffWords(before: string, after: string): DiffSegment[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/** Lines with their line breaks, so they join back to the text. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Appends `segment`, joining it to the last one of the same kind. */
function push(segments: DiffSegment[], segment: DiffSegment): void {
  const last = segments.at(-1);
  if (last && last.kind === segment.kind) last.text += segment.text;
  else segments.push({ ...segment });
}
