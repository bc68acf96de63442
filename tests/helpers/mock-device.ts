import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { deviceIdOf, type Peer, type Room, type SyncSocket } from '@twofold/server/testing';
import { SyncMessageType, syncStep1Message, updateMessage } from '@twofold/shared';

const REMOTE = Symbol('from the room');

/**
 * A partner's device talking to a `Room` without any network: its socket is a plain object
 * with `send`/`close` that records what the room sends. Local edits go to the room at once (as
 * y-websocket sends them); what the room sent is applied to the device's own doc only when
 * the test calls `deliver()`, so a test can look at the frames in between.
 */
export class MockDevice {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Every frame the room sent this device, in order. */
  readonly received: Uint8Array[] = [];
  /** The close code, once the room has closed this device's socket. */
  closedWith: number | undefined;
  readonly socket: SyncSocket;
  /** Who the room sees; its device id is made from the session as the upgrade makes it. */
  readonly peer: Peer;
  private delivered = 0;

  constructor(
    private readonly room: Room,
    peer: { userId: string; sessionHash: string },
    /** Called with every frame as the room sends it, before it is recorded. */
    onSend?: (frame: Uint8Array) => void,
  ) {
    this.peer = { ...peer, deviceId: deviceIdOf(peer.sessionHash) };
    this.socket = {
      send: (frame) => {
        onSend?.(frame);
        this.received.push(frame);
      },
      close: (code) => {
        this.closedWith = code;
      },
    };
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.room.receive(this.socket, updateMessage(update));
    });
  }

  /** Joins the room and completes the sync handshake both ways. */
  connect(): this {
    this.room.join(this.socket, this.peer);
    this.room.receive(this.socket, syncStep1Message(this.doc));
    this.deliver();
    return this;
  }

  /** Applies everything the room has sent since the last call, answering as a client would. */
  deliver(): void {
    while (this.delivered < this.received.length) {
      const frame = this.received[this.delivered++]!;
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === SyncMessageType.sync) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, SyncMessageType.sync);
        syncProtocol.readSyncMessage(decoder, reply, this.doc, REMOTE);
        if (encoding.length(reply) > 1) this.room.receive(this.socket, encoding.toUint8Array(reply));
      } else if (type === SyncMessageType.awareness) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), REMOTE);
      }
    }
  }

  leave(): void {
    this.room.leave(this.socket);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
