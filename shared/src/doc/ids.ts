import * as z from 'zod';

/**
 * The id of an entity in a document collection (a boundary, goal, step, letter draft): made by
 * the client that creates it, so two partners offline never need to agree on one. At most 64
 * characters; a UUID has 36.
 */
export const entityIdSchema = z.string().min(1).max(64);

/** A fresh entity id: a random UUID (WebCrypto, in browsers and Node 20). */
export function newEntityId(): string {
  return globalThis.crypto.randomUUID();
}
