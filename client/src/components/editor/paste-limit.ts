import { Extension } from '@tiptap/core';
import type { Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { MAX_PASTE_BYTES } from '@/lib/yjs/edit-limits.ts';

/** What a paragraph, heading or mark adds to an update beyond its text, roughly. */
const PER_NODE_BYTES = 24;
const utf8 = new TextEncoder();

/** Roughly how many bytes a slice adds to a Yjs document: its text in UTF-8 plus its nodes. */
export function sliceBytes(slice: Slice): number {
  let bytes = 0;
  slice.content.descendants((node) => {
    bytes += PER_NODE_BYTES * (1 + node.marks.length);
    if (node.isText && node.text) bytes += utf8.encode(node.text).byteLength;
  });
  return bytes;
}

export interface PasteLimitOptions {
  /** The most one paste or drop may add, in bytes (see `sliceBytes`); `MAX_PASTE_BYTES`. */
  maxBytes: number;
  /** Told the size of a paste or drop that was refused, so the page can say so. */
  onRefused: (bytes: number) => void;
}

/**
 * Refuses a paste or drop larger than `maxBytes` before it reaches the document, and says so
 * through `onRefused`. Once in the Yjs document such an edit could never reach the server (it
 * is over the frame limit), and would be retried from IndexedDB on every connection.
 */
export const PasteLimit = Extension.create<PasteLimitOptions>({
  name: 'pasteLimit',
  // Ahead of every other paste handler (links, code blocks), so nothing inserts it first.
  priority: 1000,
  addOptions: () => ({ maxBytes: MAX_PASTE_BYTES, onRefused: () => {} }),
  addProseMirrorPlugins() {
    const { maxBytes, onRefused } = this.options;
    const refuse = (slice: Slice) => {
      const bytes = sliceBytes(slice);
      if (bytes <= maxBytes) return false;
      onRefused(bytes);
      return true;
    };
    return [
      new Plugin({
        key: new PluginKey('pasteLimit'),
        props: {
          handlePaste: (_view, _event, slice) => refuse(slice),
          handleDrop: (_view, _event, slice) => refuse(slice),
        },
      }),
    ];
  },
});
