import { DEFAULT_MAX_FRAME_BYTES, SyncMessageType, updateMessage } from '@twofold/shared';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { splitUpdate, SPLIT_PART_STRUCTS } from './split-update.ts';

export interface SplitLimits {
  /** A sync message larger than this is split. */
  splitAboveBytes: number;
  /** About how large each part is. */
  partBytes: number;
  /**
   * At most this many structs in one message (SPLIT_PART_STRUCTS unless given): the server
   * refuses an update of more than twice that, as applying it could keep every other couple
   * waiting (issue 14), so a catch-up of many small edits is split even when it is small.
   */
  maxStructs?: number;
}

/**
 * A quarter of the server's default frame limit: pastes (at most 200 KB) go whole; a catch-up
 * after much offline writing, or an import, goes in parts of half that, far from the limit.
 */
export const DEFAULT_SPLIT: SplitLimits = {
  splitAboveBytes: DEFAULT_MAX_FRAME_BYTES / 4,
  partBytes: DEFAULT_MAX_FRAME_BYTES / 8,
};

/** The update messages to send instead of `frame`, or null to send it as it is. */
export function splitSyncFrame(frame: Uint8Array, limits: SplitLimits): Uint8Array[] | null {
  const maxStructs = limits.maxStructs ?? SPLIT_PART_STRUCTS;
  // A struct takes at least two bytes, so a smaller frame cannot hold too many of them.
  if (frame.byteLength <= limits.splitAboveBytes && frame.byteLength <= 2 * maxStructs) return null;
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== SyncMessageType.sync) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) return null;
  const update = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) return null;
  if (frame.byteLength <= limits.splitAboveBytes && Y.decodeUpdate(update).structs.length <= maxStructs)
    return null;
  return splitUpdate(update, limits.partBytes, maxStructs).map(updateMessage);
}

/**
 * A WebSocket class (for `WebsocketProvider`'s `WebSocketPolyfill`) that never sends one big
 * Yjs update as one frame: a sync step 2 or update over `splitAboveBytes` or `maxStructs` goes as several update
 * messages instead (the server stores each as it comes; the tracker's probe still follows them
 * all). Without it, a device that wrote more than the frame limit offline would send its whole
 * catch-up in one frame on every reconnect and be refused (1009) every time.
 */
export function splittingWebSocket(
  Base: typeof WebSocket,
  limits: SplitLimits = DEFAULT_SPLIT,
): typeof WebSocket {
  return class SplittingWebSocket extends Base {
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      const parts = data instanceof Uint8Array ? splitSyncFrame(data, limits) : null;
      if (!parts) return super.send(data);
      for (const part of parts) super.send(part);
    }
  };
}
