import * as Y from 'yjs';
import {
  agreedVersionSchema,
  BOUNDARY_TEXT_FIELDS,
  boundaryFieldsSchema,
  boundaryPatchSchema,
  type AgreedVersion,
  type BoundaryCategory,
  type BoundaryContent,
  type BoundaryFormatting,
  type BoundaryFields,
  type BoundaryPatch,
  type BoundaryTextField,
} from './boundary-model.ts';
import { contentHash } from './content-hash.ts';
import { readImportedMark, type ImportCredit, type ImportedMark } from './import-credit.ts';
import { LOCAL_ORIGIN } from './origin.ts';
import { compareByOrder, neighbourOrder, orderAtEnd, orderBetween } from './order.ts';
import { fragmentToPlainText, writePlainParagraphs } from './rich-text.ts';
import { fragmentFormatting } from './rich-text-marks.ts';
import { boundariesMap } from './roots.ts';

/** A boundary as read from the shared doc: plain fields, live text fragments, kept versions. */
export interface Boundary extends BoundaryFields {
  readable: true;
  text: Record<BoundaryTextField, Y.XmlFragment>;
  /** The plain words of each text field, as hashed. */
  plain: Record<BoundaryTextField, string>;
  versions: AgreedVersion[];
  /** Stored versions whose shape is broken (a hostile or buggy client wrote them). */
  unreadableVersions: number;
  /** Set when it came from an export: who brought it in, and a writer who is not a member here. */
  imported: ImportedMark | null;
}

/** An entry whose stored shape is broken: shown as such, never dropped. */
export interface UnreadableBoundary {
  readable: false;
  id: string;
  order: string;
  problem: string;
}

export type BoundaryEntry = Boundary | UnreadableBoundary;

/** Reads one entity; never throws, whatever a partner's client wrote. */
export function readBoundary(id: string, value: unknown): BoundaryEntry {
  if (!(value instanceof Y.Map)) return { readable: false, id, order: '~', problem: 'not a boundary' };
  const order = typeof value.get('order') === 'string' ? (value.get('order') as string) : '~';
  const fields = boundaryFieldsSchema.safeParse({
    id: value.get('id'),
    title: value.get('title'),
    category: value.get('category'),
    order: value.get('order'),
    reviewOn: value.get('reviewOn') ?? null,
    endsOn: value.get('endsOn') ?? null,
    createdBy: value.get('createdBy'),
    createdAt: value.get('createdAt'),
    updatedBy: value.get('updatedBy'),
    updatedAt: value.get('updatedAt'),
  });
  if (!fields.success || fields.data.id !== id) {
    return {
      readable: false,
      id,
      order,
      problem: fields.success ? 'id mismatch' : (fields.error.issues[0]?.message ?? 'invalid'),
    };
  }
  const text = {} as Record<BoundaryTextField, Y.XmlFragment>;
  const plain = {} as Record<BoundaryTextField, string>;
  for (const field of BOUNDARY_TEXT_FIELDS) {
    const fragment = value.get(field);
    if (!(fragment instanceof Y.XmlFragment)) {
      return { readable: false, id, order, problem: `${field} is not rich text` };
    }
    text[field] = fragment;
    plain[field] = fragmentToPlainText(fragment);
  }
  const rawVersions = value.get('versions');
  const versions: AgreedVersion[] = [];
  let unreadableVersions = 0;
  if (rawVersions instanceof Y.Array) {
    const seen = new Set<string>();
    for (const raw of rawVersions.toArray()) {
      const parsed = agreedVersionSchema.safeParse(raw);
      if (!parsed.success) unreadableVersions++;
      else if (!seen.has(parsed.data.hash)) {
        seen.add(parsed.data.hash);
        versions.push(parsed.data);
      }
    }
  }
  versions.sort((a, b) => a.agreedAt - b.agreedAt);
  const imported = readImportedMark(value.get('imported'));
  return { readable: true, ...fields.data, text, plain, versions, unreadableVersions, imported };
}

/** Every boundary in the space, in their shared order. */
export function readBoundaries(doc: Y.Doc): BoundaryEntry[] {
  const entries: BoundaryEntry[] = [];
  boundariesMap(doc).forEach((value, id) => entries.push(readBoundary(id, value)));
  return entries.sort(compareByOrder);
}

/** The content the partners sign: what the hash covers (words, marks and links, dates). */
export function boundaryContent(boundary: Boundary): BoundaryContent {
  const formatting: BoundaryFormatting = {};
  for (const field of BOUNDARY_TEXT_FIELDS) {
    const runs = fragmentFormatting(boundary.text[field]);
    if (runs.length > 0) formatting[field] = runs;
  }
  return {
    title: boundary.title.replace(/\s+/g, ' ').trim(),
    category: boundary.category,
    ...boundary.plain,
    reviewOn: boundary.reviewOn,
    endsOn: boundary.endsOn,
    // Left out when nothing is marked, so unformatted content hashes as it always has.
    ...(Object.keys(formatting).length > 0 ? { formatting } : {}),
  };
}

/** SHA-256 of the boundary's canonical content, as the notary records it. */
export function boundaryHash(content: BoundaryContent): Promise<string> {
  return contentHash(content);
}

export interface CreateBoundaryArgs {
  id: string;
  title: string;
  category: BoundaryCategory;
  /** Starting words for the text fields, as paragraphs (templates). */
  text?: Partial<Record<BoundaryTextField, readonly string[]>>;
  reviewOn?: string | null;
  endsOn?: string | null;
  userId: string;
  now: number;
  /** For an import: who wrote it and when, as the export says, instead of `userId` and `now`. */
  credit?: ImportCredit;
}

/** Adds a boundary at the end of the list; returns its id. */
export function createBoundary(doc: Y.Doc, args: CreateBoundaryArgs): string {
  const map = boundariesMap(doc);
  const fields = boundaryFieldsSchema.parse({
    id: args.id,
    title: args.title,
    category: args.category,
    order: orderAtEnd(readBoundaries(doc).map((entry) => entry.order)),
    reviewOn: args.reviewOn ?? null,
    endsOn: args.endsOn ?? null,
    createdBy: args.credit?.createdBy ?? args.userId,
    createdAt: args.credit?.createdAt ?? args.now,
    updatedBy: args.credit?.updatedBy ?? args.userId,
    updatedAt: args.credit?.updatedAt ?? args.now,
  });
  doc.transact(() => {
    const entity = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) entity.set(key, value);
    if (args.credit) entity.set('imported', { ...args.credit.mark });
    for (const field of BOUNDARY_TEXT_FIELDS) entity.set(field, new Y.XmlFragment());
    entity.set('versions', new Y.Array<AgreedVersion>());
    map.set(args.id, entity);
    for (const field of BOUNDARY_TEXT_FIELDS) {
      const paragraphs = args.text?.[field];
      if (paragraphs?.length) writePlainParagraphs(entity.get(field) as Y.XmlFragment, paragraphs);
    }
  }, LOCAL_ORIGIN);
  return args.id;
}

function entityOf(doc: Y.Doc, id: string): Y.Map<unknown> {
  const entity = boundariesMap(doc).get(id);
  if (!(entity instanceof Y.Map)) throw new Error(`no boundary ${id}`);
  return entity;
}

/** Changes plain fields (title, category, dates) and records who changed them and when. */
export function updateBoundary(
  doc: Y.Doc,
  id: string,
  patch: BoundaryPatch,
  userId: string,
  now: number,
): void {
  const valid = boundaryPatchSchema.parse(patch);
  const entity = entityOf(doc, id);
  doc.transact(() => {
    for (const [key, value] of Object.entries(valid)) {
      if (value !== undefined && entity.get(key) !== value) entity.set(key, value);
    }
    entity.set('updatedBy', userId);
    entity.set('updatedAt', now);
  }, LOCAL_ORIGIN);
}

/** Records who last edited a boundary's text (called by the editor, debounced). */
export function touchBoundary(doc: Y.Doc, id: string, userId: string, now: number): void {
  const entity = entityOf(doc, id);
  doc.transact(() => {
    entity.set('updatedBy', userId);
    entity.set('updatedAt', now);
  }, LOCAL_ORIGIN);
}

/** Moves a boundary between two neighbours (ids, or null for either end of the list). */
export function moveBoundary(doc: Y.Doc, id: string, beforeId: string | null, afterId: string | null): void {
  const entries = readBoundaries(doc);
  const order = orderBetween(neighbourOrder(entries, beforeId), neighbourOrder(entries, afterId));
  const entity = entityOf(doc, id);
  doc.transact(() => entity.set('order', order), LOCAL_ORIGIN);
}

/**
 * Keeps a version both partners agreed to. Idempotent by hash: both clients may record the
 * same agreement at once, and readers fold duplicates.
 */
export function recordAgreedVersion(doc: Y.Doc, id: string, version: AgreedVersion): void {
  const valid = agreedVersionSchema.parse(version);
  const entity = entityOf(doc, id);
  let versions = entity.get('versions');
  doc.transact(() => {
    if (!(versions instanceof Y.Array)) {
      versions = new Y.Array<AgreedVersion>();
      entity.set('versions', versions);
    }
    const list = versions as Y.Array<unknown>;
    if (!list.toArray().some((v) => (v as AgreedVersion | undefined)?.hash === valid.hash))
      list.push([valid]);
  }, LOCAL_ORIGIN);
}

/** A deleted draft that can still be brought back, words and all, by the one who deleted it. */
export interface DeletedBoundary {
  /** Puts the boundary back as it was (remote edits to other boundaries are untouched). */
  undo(): void;
  /** Lets go of what undo needs; the deletion stands. */
  forget(): void;
}

/**
 * Deletes a draft boundary. Only a draft nobody has signed may be deleted; the caller decides
 * that from the notary's record, which this document does not hold. A Yjs undo manager scoped
 * to this one deletion keeps the deleted content from being garbage-collected on this client,
 * so `undo` restores the same entity, text and all, for both partners. Throws if there is no
 * such boundary.
 */
export function deleteBoundary(doc: Y.Doc, id: string): DeletedBoundary {
  entityOf(doc, id);
  const map = boundariesMap(doc);
  // Its own origin, so the undo manager captures this deletion and nothing else.
  const origin = { source: 'twofold-delete-boundary', id } as const;
  const undoManager = new Y.UndoManager(map, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  doc.transact(() => map.delete(id), origin);
  return {
    undo() {
      undoManager.undo();
      undoManager.destroy();
    },
    forget: () => undoManager.destroy(),
  };
}
