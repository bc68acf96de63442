import * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from './origin.ts';
import { fragmentToPlainText } from './rich-text.ts';
import { letterDraftsMap } from './roots.ts';

/**
 * Unsent letters. They live in the author's private document, which the server only ever
 * sends to the author's own sessions: a draft is autosaved, survives going offline, and never
 * reaches the partner. Sending copies the words to the server and deletes the draft.
 */
const draftFieldsSchema = z.object({
  id: z.string().min(1).max(64),
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
export interface UnreadableLetterDraft {
  readable: false;
  id: string;
}

export type LetterDraftEntry = LetterDraft | UnreadableLetterDraft;

/** Reads one draft; never throws, whatever was stored. */
export function readLetterDraft(id: string, value: unknown): LetterDraftEntry {
  if (!(value instanceof Y.Map)) return { readable: false, id };
  const fields = draftFieldsSchema.safeParse({
    id: value.get('id'),
    title: value.get('title'),
    prompt: value.get('prompt') ?? null,
    replyTo: value.get('replyTo') ?? null,
    pairId: value.get('pairId') ?? null,
    createdAt: value.get('createdAt'),
    updatedAt: value.get('updatedAt'),
  });
  const body = value.get('body');
  if (!fields.success || fields.data.id !== id || !(body instanceof Y.XmlFragment)) {
    return { readable: false, id };
  }
  return { ...fields.data, readable: true, body, plain: fragmentToPlainText(body) };
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
  now: number;
}

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
  doc.transact(() => {
    const entity = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) entity.set(key, value);
    entity.set('body', new Y.XmlFragment());
    letterDraftsMap(doc).set(args.id, entity);
  }, LOCAL_ORIGIN);
  return args.id;
}

export function setLetterDraftTitle(doc: Y.Doc, id: string, title: string, now: number): void {
  const entity = letterDraftsMap(doc).get(id);
  if (!(entity instanceof Y.Map)) return;
  doc.transact(() => {
    entity.set('title', title.slice(0, 200));
    entity.set('updatedAt', now);
  }, LOCAL_ORIGIN);
}

/** Notes that the words changed, so the list can show the latest draft first. */
export function touchLetterDraft(doc: Y.Doc, id: string, now: number): void {
  const entity = letterDraftsMap(doc).get(id);
  if (entity instanceof Y.Map) doc.transact(() => entity.set('updatedAt', now), LOCAL_ORIGIN);
}

export function deleteLetterDraft(doc: Y.Doc, id: string): void {
  doc.transact(() => letterDraftsMap(doc).delete(id), LOCAL_ORIGIN);
}
