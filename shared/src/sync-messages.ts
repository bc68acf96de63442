import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * y-websocket's message types: the first varuint of every frame. The numbers are the wire
 * protocol y-websocket's client and server agree on (`y-websocket/src/y-websocket.js`), so they
 * never change; declared once here for the client's sync tracker, the server's room and tests.
 */
export const SyncMessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType];

/** "Here is my state vector; send me what I am missing": a sync step 1 frame. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** One Yjs update (bytes as `Y.encodeStateAsUpdate` gives them), framed as y-websocket sends it. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The presence of `clients` (Yjs client ids) in `awareness`, framed as y-websocket sends it. */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return awarenessUpdateMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/** An already encoded awareness update, framed as y-websocket sends it. */
export function awarenessUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * The Yjs update a frame carries (a sync step 2 or an update message), or undefined for any
 * other message. Throws lib0's decoding error when the frame is truncated.
 */
export function updateIn(frame: Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== SyncMessageType.sync) return undefined;
  const step = decoding.readVarUint(decoder);
  if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
    return undefined;
  }
  return decoding.readVarUint8Array(decoder);
}
