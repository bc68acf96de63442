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
import {
  createEntity,
  deleteEntity,
  entityIn,
  moveEntity,
  orderAfterAll,
  readFields,
  readOrdered,
  touchEntity,
  unreadableEntry,
  updateEntity,
  writeLocal,
  type UnreadableEntry,
} from './entity.ts';
import { LOCAL_ORIGIN } from './origin.ts';
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

/** A boundary whose stored shape is broken: shown as such, never dropped. */
export type UnreadableBoundary = UnreadableEntry;

export type BoundaryEntry = Boundary | UnreadableBoundary;

/** Reads one entity; never throws, whatever a partner's client wrote. */
export function readBoundary(id: string, value: unknown): BoundaryEntry {
  const read = readFields(boundaryFieldsSchema, 'boundary', id, value);
  if (!read.readable) return read;
  const { fields, entity } = read;
  const text = {} as Record<BoundaryTextField, Y.XmlFragment>;
  const plain = {} as Record<BoundaryTextField, string>;
  for (const field of BOUNDARY_TEXT_FIELDS) {
    const fragment = entity.get(field);
    if (!(fragment instanceof Y.XmlFragment)) return unreadableEntry(id, entity, `${field} is not rich text`);
    text[field] = fragment;
    plain[field] = fragmentToPlainText(fragment);
  }
  const { versions, unreadableVersions } = readVersions(entity.get('versions'));
  const imported = readImportedMark(entity.get('imported'));
  return { readable: true, ...fields, text, plain, versions, unreadableVersions, imported };
}

/** The kept agreed versions, oldest first, each hash once; broken ones only counted. */
function readVersions(raw: unknown): { versions: AgreedVersion[]; unreadableVersions: number } {
  const versions: AgreedVersion[] = [];
  let unreadableVersions = 0;
  if (raw instanceof Y.Array) {
    const seen = new Set<string>();
    for (const item of raw.toArray()) {
      const parsed = agreedVersionSchema.safeParse(item);
      if (!parsed.success) unreadableVersions++;
      else if (!seen.has(parsed.data.hash)) {
        seen.add(parsed.data.hash);
        versions.push(parsed.data);
      }
    }
  }
  versions.sort((a, b) => a.agreedAt - b.agreedAt);
  return { versions, unreadableVersions };
}

/** Every boundary in the space, in their shared order. */
export function readBoundaries(doc: Y.Doc): BoundaryEntry[] {
  return readOrdered(boundariesMap(doc), readBoundary);
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

/** Adds a boundary at the end of the list (after every readable one); returns its id. */
export function createBoundary(doc: Y.Doc, args: CreateBoundaryArgs): string {
  const fields = boundaryFieldsSchema.parse({
    id: args.id,
    title: args.title,
    category: args.category,
    order: orderAfterAll(readBoundaries(doc)),
    reviewOn: args.reviewOn ?? null,
    endsOn: args.endsOn ?? null,
    createdBy: args.credit?.createdBy ?? args.userId,
    createdAt: args.credit?.createdAt ?? args.now,
    updatedBy: args.credit?.updatedBy ?? args.userId,
    updatedAt: args.credit?.updatedAt ?? args.now,
  });
  return createEntity(doc, {
    collection: boundariesMap(doc),
    fields,
    build(entity) {
      if (args.credit) entity.set('imported', { ...args.credit.mark });
      entity.set('versions', new Y.Array<AgreedVersion>());
      for (const field of BOUNDARY_TEXT_FIELDS) {
        const fragment = new Y.XmlFragment();
        entity.set(field, fragment);
        const paragraphs = args.text?.[field];
        if (paragraphs?.length) writePlainParagraphs(fragment, paragraphs);
      }
    },
  });
}

const boundaryIn = (doc: Y.Doc, id: string) => entityIn(boundariesMap(doc), id, 'boundary');

/** Which boundary, and who changes it when (`now` in ms since the epoch). */
export interface BoundaryTouchArgs {
  id: string;
  userId: string;
  now: number;
}

/**
 * Changes plain fields (title, category, dates) and records who changed them and when. Throws
 * on an invalid patch or a missing boundary.
 */
export function updateBoundary(doc: Y.Doc, args: BoundaryTouchArgs & { patch: BoundaryPatch }): void {
  const patch = boundaryPatchSchema.parse(args.patch);
  updateEntity(doc, { entity: boundaryIn(doc, args.id), patch, userId: args.userId, now: args.now });
}

/** Records who last edited a boundary's text (the editor calls it on its own edits, debounced). */
export function touchBoundary(doc: Y.Doc, args: BoundaryTouchArgs): void {
  touchEntity(doc, { entity: boundaryIn(doc, args.id), userId: args.userId, now: args.now });
}

/** Moves a boundary between two neighbours (ids, or null for either end of the list). */
export function moveBoundary(
  doc: Y.Doc,
  args: { id: string; beforeId: string | null; afterId: string | null },
): void {
  moveEntity(doc, { entity: boundaryIn(doc, args.id), entries: readBoundaries(doc), ...args });
}

/**
 * Keeps a version both partners agreed to. Idempotent by hash: both clients may record the
 * same agreement at once, and readers fold duplicates.
 */
export function recordAgreedVersion(doc: Y.Doc, args: { id: string; version: AgreedVersion }): void {
  const valid = agreedVersionSchema.parse(args.version);
  const entity = boundaryIn(doc, args.id);
  writeLocal(doc, () => {
    let versions = entity.get('versions');
    if (!(versions instanceof Y.Array)) {
      versions = new Y.Array<AgreedVersion>();
      entity.set('versions', versions);
    }
    const list = versions as Y.Array<unknown>;
    if (!list.toArray().some((v) => (v as AgreedVersion | undefined)?.hash === valid.hash))
      list.push([valid]);
  });
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
export function deleteBoundary(doc: Y.Doc, args: { id: string }): DeletedBoundary {
  const map = boundariesMap(doc);
  entityIn(map, args.id, 'boundary');
  const undoManager = new Y.UndoManager(map, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 });
  deleteEntity(doc, { collection: map, id: args.id });
  // The deletion is captured; stop listening, so no later local write joins what undo reverts.
  undoManager.removeTrackedOrigin(LOCAL_ORIGIN);
  return {
    undo() {
      undoManager.undo();
      undoManager.destroy();
    },
    forget: () => undoManager.destroy(),
  };
}
