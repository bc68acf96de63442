import * as Y from 'yjs';
import type * as z from 'zod';
import { compareByOrder, neighbourOrder, orderAtEnd, orderBetween } from './order.ts';
import { LOCAL_ORIGIN } from './origin.ts';

/**
 * The entity toolkit: the one way a collection of the document (boundaries, goals, a goal's
 * steps, letter drafts) reads, orders, creates, moves, touches and deletes its entries. Each
 * collection is a `Y.Map` of entity `Y.Map`s keyed by client-generated id; each entity keeps
 * its plain fields as keys of its map, checked by a zod schema, beside any Yjs types (text
 * fragments, nested collections). Readers never throw: whatever a partner's client wrote, an
 * entry is either readable or `{ readable: false, problem }` and stays in its place. Mutators
 * throw on a missing entity or invalid input and write in one `LOCAL_ORIGIN` transaction.
 */

/** An entry whose stored shape is broken (a buggy or hostile client wrote it): shown, never dropped. */
export interface UnreadableEntry {
  readable: false;
  id: string;
  /** Its order key if it has a usable string, else '~' so it sorts after every real key. */
  order: string;
  /** What is wrong with it, in a few words (the first schema issue, or which part is missing). */
  problem: string;
}

/** The order key an entity stores, or '~' when it has none worth sorting by. */
export function storedOrder(value: unknown): string {
  const order = value instanceof Y.Map ? value.get('order') : undefined;
  return typeof order === 'string' && order.length > 0 ? order : '~';
}

/** The unreadable entry for `id`, keeping whatever order key `value` has. */
export function unreadableEntry(id: string, value: unknown, problem: string): UnreadableEntry {
  return { readable: false, id, order: storedOrder(value), problem };
}

/** What `readFields` gives back for a well-formed entity: its checked fields and its map. */
export interface ReadFields<T> {
  readable: true;
  fields: T;
  entity: Y.Map<unknown>;
}

/**
 * Reads the plain fields of entity `id` from `value` (the collection's value under `id`)
 * against `schema`: every key of the schema is read from the entity's map, a missing nullable
 * field counts as null, and `defaults` fills other missing keys (a field added later). Never
 * throws: anything that is not a map, fails the schema, or carries another id is unreadable,
 * `what` naming the kind ("not a goal").
 */
export function readFields<S extends z.ZodObject>(
  schema: S,
  what: string,
  id: string,
  value: unknown,
  defaults: Readonly<Record<string, unknown>> = {},
): ReadFields<z.infer<S>> | UnreadableEntry {
  if (!(value instanceof Y.Map)) return unreadableEntry(id, value, `not a ${what}`);
  const raw: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const stored: unknown = value.get(key);
    raw[key] = stored !== undefined ? stored : key in defaults ? defaults[key] : nullIfNullable(field);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return unreadableEntry(id, value, parsed.error.issues[0]?.message ?? 'invalid');
  if ((parsed.data as { id?: unknown }).id !== id) return unreadableEntry(id, value, 'id mismatch');
  return { readable: true, fields: parsed.data, entity: value };
}

function nullIfNullable(field: z.ZodType): null | undefined {
  return field.safeParse(null).success ? null : undefined;
}

/** Every entry of `collection` read with `read`, in their shared order (unreadable ones too). */
export function readOrdered<E extends { id: string; order: string }>(
  collection: Y.Map<unknown>,
  read: (id: string, value: unknown) => E,
): E[] {
  const entries: E[] = [];
  collection.forEach((value, id) => entries.push(read(id, value)));
  return entries.sort(compareByOrder);
}

/** Entity `id` of `collection`; throws `no <what> <id>` when there is none (or it is not a map). */
export function entityIn(collection: Y.Map<unknown>, id: string, what: string): Y.Map<unknown> {
  const entity = collection.get(id);
  if (!(entity instanceof Y.Map)) throw new Error(`no ${what} ${id}`);
  return entity;
}

/** Runs `write` in one transaction with the one local origin every mutator uses. */
export function writeLocal(doc: Y.Doc, write: () => void): void {
  doc.transact(write, LOCAL_ORIGIN);
}

/** Where a new entry goes: after every valid order key of `entries` (unreadable ones skipped). */
export function orderAfterAll(entries: readonly { order: string }[]): string {
  return orderAtEnd(entries.map((entry) => entry.order));
}

export interface CreateEntityArgs {
  collection: Y.Map<unknown>;
  /** The checked plain fields, written as keys of the new map (`id` among them). */
  fields: { id: string } & Record<string, unknown>;
  /** Adds the entity's Yjs parts; runs after the entity is in the document, same transaction. */
  build?: (entity: Y.Map<unknown>) => void;
}

/** Adds a new entity to its collection in one local transaction; returns its id. */
export function createEntity(doc: Y.Doc, args: CreateEntityArgs): string {
  writeLocal(doc, () => {
    const entity = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(args.fields)) entity.set(key, value);
    args.collection.set(args.fields.id, entity);
    args.build?.(entity);
  });
  return args.fields.id;
}

/** Who changed an entity last and when (ms since the epoch); private entities have no `userId`. */
export interface Touch {
  userId?: string;
  now: number;
}

/** Stamps `updatedBy` (when given) and `updatedAt` on an entity; call inside a transaction. */
export function stamp(entity: Y.Map<unknown>, touch: Touch): void {
  if (touch.userId !== undefined) entity.set('updatedBy', touch.userId);
  entity.set('updatedAt', touch.now);
}

/** Writes the keys of `patch` whose value differs from what is stored (arrays by value). */
export function writeChanged(entity: Y.Map<unknown>, patch: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || sameValue(entity.get(key), value)) continue;
    entity.set(key, value);
  }
}

/** Whether two stored plain values are the same (JSON-shaped values compared by value). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

export interface UpdateEntityArgs extends Touch {
  entity: Y.Map<unknown>;
  /** Already checked against the collection's patch schema. */
  patch: Readonly<Record<string, unknown>>;
}

/** Writes what changed in `patch` and stamps who and when, in one local transaction. */
export function updateEntity(doc: Y.Doc, args: UpdateEntityArgs): void {
  writeLocal(doc, () => {
    writeChanged(args.entity, args.patch);
    stamp(args.entity, args);
  });
}

/** Stamps who changed an entity last and when, in one local transaction (the text editor calls it). */
export function touchEntity(doc: Y.Doc, args: Touch & { entity: Y.Map<unknown> }): void {
  writeLocal(doc, () => stamp(args.entity, args));
}

export interface MoveEntityArgs {
  entity: Y.Map<unknown>;
  /** The collection's entries as read (readable or not): where the neighbours' keys come from. */
  entries: readonly { id: string; order: string }[];
  /** The neighbour it goes after, or null for the start. */
  beforeId: string | null;
  /** The neighbour it goes before, or null for the end. */
  afterId: string | null;
}

/**
 * Gives an entity a new order key between two neighbours, in one local transaction. A
 * neighbour whose key is unusable (an unreadable entry) counts as the open end (order.ts).
 */
export function moveEntity(doc: Y.Doc, args: MoveEntityArgs): void {
  const order = orderBetween(
    neighbourOrder(args.entries, args.beforeId),
    neighbourOrder(args.entries, args.afterId),
  );
  writeLocal(doc, () => args.entity.set('order', order));
}

/** Removes entity `id` from its collection in one local transaction (nothing if it is gone). */
export function deleteEntity(doc: Y.Doc, args: { collection: Y.Map<unknown>; id: string }): void {
  if (!args.collection.has(args.id)) return;
  writeLocal(doc, () => args.collection.delete(args.id));
}

export interface RestoreEntityArgs<E> extends Touch {
  /** The collection in the live document and the same collection in an earlier copy. */
  live: Y.Map<unknown>;
  old: Y.Map<unknown>;
  id: string;
  /** The collection's reader; both copies must read as readable. */
  read: (id: string, value: unknown) => E | UnreadableEntry;
  /** Makes `target` (live) read as `was` (old) did; runs inside the restore's transaction. */
  write: (target: { entity: Y.Map<unknown>; entry: E }, was: { entity: Y.Map<unknown>; entry: E }) => void;
}

/**
 * Makes a live entity read as it did in an earlier copy of the same document, as one new edit
 * (one local transaction, so it syncs and shows in history like any other) stamped with who
 * and when. Returns false, writing nothing, when the entity is missing or unreadable in either
 * copy.
 */
export function restoreEntity<E>(doc: Y.Doc, args: RestoreEntityArgs<E>): boolean {
  const target = args.live.get(args.id);
  const source = args.old.get(args.id);
  if (!(target instanceof Y.Map) || !(source instanceof Y.Map)) return false;
  const is = args.read(args.id, target);
  const was = args.read(args.id, source);
  if (isUnreadable(is) || isUnreadable(was)) return false;
  writeLocal(doc, () => {
    args.write({ entity: target, entry: is }, { entity: source, entry: was });
    stamp(target, args);
  });
  return true;
}

function isUnreadable(entry: unknown): entry is UnreadableEntry {
  return (entry as { readable?: unknown }).readable === false;
}
