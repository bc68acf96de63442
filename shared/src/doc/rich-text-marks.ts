import * as Y from 'yjs';
import * as z from 'zod';

/** One mark on a run of text as a reader sees it: its name and the attributes that show (a link's href). */
export const markSchema = z.object({
  type: z.string().max(100),
  attrs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type Mark = z.infer<typeof markSchema>;

/**
 * A run of formatted text. `at` counts the non-whitespace characters of the field before the
 * run starts: whitespace folding (which the signed words go through) cannot move it, so the
 * same marks on the same words always give the same runs.
 */
export const formattedRunSchema = z.object({
  at: z.number().int().min(0),
  text: z.string(),
  marks: z.array(markSchema),
});
export type FormattedRun = z.infer<typeof formattedRunSchema>;

/**
 * y-prosemirror stores a mark as an attribute named after it (`strike`, `link`), or `name--id`
 * when two marks of one kind overlap; its value is the mark's attrs. Null attrs are defaults
 * nobody sees, so they are left out.
 */
function marksOf(attributes: Record<string, unknown> | undefined): Mark[] {
  if (!attributes) return [];
  const marks: Mark[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const type = key.replace(/--[^-]*$/, '');
    const attrs: Record<string, string | number | boolean> = {};
    if (value && typeof value === 'object') {
      for (const [name, attr] of Object.entries(value as Record<string, unknown>)) {
        if (typeof attr === 'string' || typeof attr === 'number' || typeof attr === 'boolean')
          attrs[name] = attr;
      }
    }
    marks.push(Object.keys(attrs).length > 0 ? { type, attrs } : { type });
  }
  return marks.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

const nonSpace = (text: string) => text.replace(/\s+/g, '').length;

function collect(node: Y.XmlElement | Y.XmlText | Y.XmlHook, state: { seen: number; runs: FormattedRun[] }) {
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof op.insert !== 'string') continue;
      const marks = marksOf(op.attributes);
      const text = op.insert.replace(/\s+/g, ' ').trim();
      if (marks.length > 0 && text.length > 0) state.runs.push({ at: state.seen, text, marks });
      state.seen += nonSpace(op.insert);
    }
    return;
  }
  // Blocks and breaks add no characters to `seen`: the plain words fold them to line breaks.
  if (!(node instanceof Y.XmlElement)) return;
  for (const child of node.toArray()) collect(child, state);
}

/**
 * Every formatted run of a TipTap fragment, in reading order: what a reader sees beyond the
 * plain words (struck-through, bold, a link and where it goes). Empty when nothing is marked.
 */
export function fragmentFormatting(fragment: Y.XmlFragment): FormattedRun[] {
  const state = { seen: 0, runs: [] as FormattedRun[] };
  for (const child of fragment.toArray()) collect(child, state);
  return state.runs;
}

const MARK_WORDS: Record<string, string> = {
  bold: 'in bold',
  italic: 'in italics',
  strike: 'struck through',
  underline: 'underlined',
  code: 'as code',
  highlight: 'highlighted',
};

/** How a mark reads in a sentence: "struck through", "linked to https://…". */
export function describeMark(mark: Mark): string {
  if (mark.type === 'link') {
    const href = mark.attrs?.href;
    return typeof href === 'string' ? `linked to ${href}` : 'linked';
  }
  return MARK_WORDS[mark.type] ?? `marked “${mark.type}”`;
}

const runKey = (run: FormattedRun) => JSON.stringify([run.at, run.text, run.marks]);

/**
 * The formatting that differs between two versions of one field, in words, e.g.
 * `“never” is now struck through`. Empty when the formatting is the same.
 */
export function formattingChanges(
  before: readonly FormattedRun[] = [],
  after: readonly FormattedRun[] = [],
): string[] {
  const had = new Set(before.map(runKey));
  const has = new Set(after.map(runKey));
  const describe = (run: FormattedRun) => run.marks.map(describeMark).join(', ');
  return [
    ...after.filter((run) => !had.has(runKey(run))).map((run) => `“${run.text}” is now ${describe(run)}`),
    ...before
      .filter((run) => !has.has(runKey(run)))
      .map((run) => `“${run.text}” was ${describe(run)} and no longer is`),
  ];
}
