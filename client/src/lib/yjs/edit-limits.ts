import { DEFAULT_MAX_FRAME_BYTES } from '@twofold/shared';

/**
 * The most one paste or drop may add to a document, in bytes (UTF-8 text plus a little per
 * paragraph and mark). A letter over 200 KB cannot be sent (`MAX_LETTER_BYTES`), and an edit
 * this size is a tenth of the server's frame limit, so it always reaches the partner whole,
 * even with other offline edits in the same catch-up. Anything bigger is refused before it
 * enters the document: once in, it would be sent again on every connection and refused again.
 */
export const MAX_PASTE_BYTES = 200 * 1024;

/**
 * The most an import may add to either document, in bytes of its Yjs update: half the frame
 * limit, leaving room for the rest of the catch-up if it is made offline. Letters in an export
 * go over HTTP, one by one, and do not count.
 */
export const MAX_IMPORT_BYTES = DEFAULT_MAX_FRAME_BYTES / 2;

/** "about 180 KB", "about 2.3 MB": a size as a person reads it. */
export function aboutSize(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1000) return `about ${Math.max(1, Math.round(kb)).toLocaleString('en')} KB`;
  return `about ${(kb / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}
