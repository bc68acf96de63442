import * as Y from 'yjs';
import * as z from 'zod';
import {
  createEntity,
  deleteEntity,
  readFields,
  touchEntity,
  unreadableEntry,
  updateEntity,
  type UnreadableEntry,
} from './entity.ts';
import { entityIdSchema } from './ids.ts';
import { fragmentToPlainText } from './rich-text.ts';
import { letterDraftsMap } from './roots.ts';

/**
 * Unsent letters. They live in the author's private document, which the server only ever
 * sends to the author's own sessions: a draft is autosaved, survives going offline, and never
 * reaches the partner. Sending copies the words to the server and deletes the draft.
 */
const draftFieldsSchema = z.object({
  id: entityIdSchema,
  title: z.string().max(200),
  prompt: z.string().max(500).nullable(),
  /** The letter this one answers, when it is a reply. */
  replyTo: z.string().max(64).nullable(),
  /** The shared prompt this letter is written for, when it is sealed together. */
  pairId: z.string().max(64).nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type LetterDraftFields = z.infer<typeof draftFieldsSchema>;

export interface LetterDraft extends LetterDraftFields {
  readable: true;
  body: Y.XmlFragment;
  /** The plain words so far. */
  plain: string;
}

/** A draft whose stored shape is broken: shown as such, never dropped. */
export type UnreadableLetterDraft = UnreadableEntry;

export type LetterDraftEntry = LetterDraft | UnreadableLetterDraft;

/** Reads one draft; never throws, whatever was stored. */
export function readLetterDraft(id: string, value: unknown): LetterDraftEntry {
  const read = readFields(draftFieldsSchema, 'letter draft', id, value);
  if (!read.readable) return read;
  const body = read.entity.get('body');
  if (!(body instanceof Y.XmlFragment)) return unreadableEntry(id, value, 'body is not rich text');
  return { ...read.fields, readable: true, body, plain: fragmentToPlainText(body) };
}

/** Every draft, the most recently touched first. */
export function readLetterDrafts(doc: Y.Doc): LetterDraftEntry[] {
  const entries = [...letterDraftsMap(doc).entries()].map(([id, value]) => readLetterDraft(id, value));
  const touched = (entry: LetterDraftEntry) => (entry.readable ? entry.updatedAt : 0);
  return entries.sort((a, b) => touched(b) - touched(a));
}

export interface CreateLetterDraftArgs {
  id: string;
  title?: string;
  prompt?: string | null;
  replyTo?: string | null;
  pairId?: string | null;
  /** Ms since the epoch. */
  now: number;
}

/** Starts a draft with an empty body in the author's private document; returns its id. */
export function createLetterDraft(doc: Y.Doc, args: CreateLetterDraftArgs): string {
  const fields = draftFieldsSchema.parse({
    id: args.id,
    title: args.title ?? '',
    prompt: args.prompt ?? null,
    replyTo: args.replyTo ?? null,
    pairId: args.pairId ?? null,
    createdAt: args.now,
    updatedAt: args.now,
  });
  return createEntity(doc, {
    collection: letterDraftsMap(doc),
    fields,
    build: (entity) => entity.set('body', new Y.XmlFragment()),
  });
}

/**
 * The draft's map, or null once it is gone: the editor's debounced saves may land just after
 * the draft was sent (and deleted), and those are dropped rather than thrown.
 */
function draftIn(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const entity = letterDraftsMap(doc).get(id);
  return entity instanceof Y.Map ? entity : null;
}

/** Sets a draft's title (cut to 200 characters) and when it changed (`now`, ms). */
export function setLetterDraftTitle(doc: Y.Doc, args: { id: string; title: string; now: number }): void {
  const entity = draftIn(doc, args.id);
  if (entity) updateEntity(doc, { entity, patch: { title: args.title.slice(0, 200) }, now: args.now });
}

/** Notes that the words changed (`now`, ms), so the list can show the latest draft first. */
export function touchLetterDraft(doc: Y.Doc, args: { id: string; now: number }): void {
  const entity = draftIn(doc, args.id);
  if (entity) touchEntity(doc, { entity, now: args.now });
}

/** Removes a draft (once it is sent, or when its author lets it go). */
export function deleteLetterDraft(doc: Y.Doc, args: { id: string }): void {
  deleteEntity(doc, { collection: letterDraftsMap(doc), id: args.id });
}
