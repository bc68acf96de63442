import * as Y from 'yjs';
import * as z from 'zod';
import { LOCAL_ORIGIN } from './origin.ts';
import { fragmentToPlainText } from './rich-text.ts';
import { PrivateRoot } from './roots.ts';

/**
 * The private reflection journal: entries in the member's own private document, which the
 * server only ever sends to their own sessions. Never shown to the partner, never counted,
 * never gathered into wins or exports for the partner.
 */

/** Gentle prompts to start an entry from; an entry may also start from none. */
export const JOURNAL_PROMPTS: readonly string[] = [
  'What am I feeling right now?',
  'What do I need, and who could give it to me?',
  'What was mine to learn from this?',
  'What am I proud of, however small?',
  'What do I want to bring to us next?',
];

const entryFieldsSchema = z.object({
  id: z.string().min(1).max(64),
  prompt: z.string().max(500).nullable(),
  createdAt: z.number(),
});

export interface JournalEntry extends z.infer<typeof entryFieldsSchema> {
  readable: true;
  body: Y.XmlFragment;
  /** The plain words so far (for a short preview on this device). */
  plain: string;
}

/** An entry whose stored shape is broken: listed as such, never dropped. */
export interface UnreadableJournalEntry {
  readable: false;
  id: string;
}

export type JournalEntryEntry = JournalEntry | UnreadableJournalEntry;

/** The journal's entries keyed by id; only ever in the private doc. */
export function journalMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PrivateRoot.journal);
}

/** Reads every entry, newest first; never throws, whatever was stored. */
export function readJournal(doc: Y.Doc): JournalEntryEntry[] {
  const entries: (JournalEntryEntry & { at: number })[] = [];
  journalMap(doc).forEach((value, id) => {
    const body = value instanceof Y.Map ? value.get('body') : undefined;
    const fields =
      value instanceof Y.Map
        ? entryFieldsSchema.safeParse({
            id,
            prompt: value.get('prompt') ?? null,
            createdAt: value.get('createdAt'),
          })
        : null;
    if (fields?.success && body instanceof Y.XmlFragment) {
      entries.push({
        ...fields.data,
        readable: true,
        body,
        plain: fragmentToPlainText(body),
        at: fields.data.createdAt,
      });
    } else {
      entries.push({ readable: false, id, at: Number.POSITIVE_INFINITY });
    }
  });
  return entries
    .sort((a, b) => b.at - a.at || a.id.localeCompare(b.id))
    .map(({ at: _at, ...entry }) => entry);
}

/** Starts an entry (optionally from a prompt) with an empty body; returns its id. */
export function createJournalEntry(
  doc: Y.Doc,
  args: { id: string; prompt: string | null; now: number },
): string {
  const fields = entryFieldsSchema.parse({ id: args.id, prompt: args.prompt, createdAt: args.now });
  doc.transact(() => {
    const entity = new Y.Map<unknown>();
    entity.set('id', fields.id);
    entity.set('prompt', fields.prompt);
    entity.set('createdAt', fields.createdAt);
    entity.set('body', new Y.XmlFragment());
    journalMap(doc).set(fields.id, entity);
  }, LOCAL_ORIGIN);
  return fields.id;
}

/** Removes an entry for good (from this member's own private document). */
export function deleteJournalEntry(doc: Y.Doc, id: string): void {
  doc.transact(() => journalMap(doc).delete(id), LOCAL_ORIGIN);
}
