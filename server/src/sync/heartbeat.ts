import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SyncMessageType } from '@twofold/shared';

export interface HeartbeatOptions {
  /** Each socket is pinged once this often. */
  intervalMs: number;
  /** The sockets are pinged in this many groups, one group per tick. */
  slots: number;
}

const DEFAULT_HEARTBEAT: HeartbeatOptions = { intervalMs: 15_000, slots: 15 };

/**
 * An awareness update naming no clients: y-websocket clients apply it as "nothing changed",
 * but it is a message, and a stock client closes a socket that received none for 30 s. A ws
 * ping does not count (browsers answer pings without telling the page), and a member alone in
 * a room (a private document always is) would otherwise hear nothing back at all.
 */
const KEEPALIVE: Uint8Array = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.awareness);
  const nobody = new awarenessProtocol.Awareness(new Y.Doc());
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(nobody, []));
  nobody.destroy();
  return encoding.toUint8Array(encoder);
})();

/**
 * Pings every watched socket once an interval and drops one that has not answered the ping
 * before (a device that vanished without a close frame goes within two intervals, and its
 * presence with it). With each ping goes `KEEPALIVE` (3 bytes), so an idle, healthy client
 * always hears from the server well inside its 30 s silence limit. The sockets are spread over `slots` ticks: sending 2,000 pings in one turn
 * of the event loop took 20–25 ms (and their pongs come back together), and every edit that
 * arrived meanwhile waited.
 */
export function startHeartbeat(clients: ReadonlySet<WebSocket>, options = DEFAULT_HEARTBEAT) {
  const slotOf = new WeakMap<WebSocket, number>();
  const unanswered = new WeakSet<WebSocket>();
  let watched = 0;
  let ticks = 0;
  // One listener shared by every socket (`this` is the socket), not a closure per connection.
  function answered(this: WebSocket) {
    unanswered.delete(this);
  }

  /** Pings the next group; the timer calls it, and tests call it to step through groups. */
  function tick() {
    const slot = ticks++ % options.slots;
    for (const ws of clients) {
      if (slotOf.get(ws) !== slot) continue;
      if (unanswered.has(ws)) {
        ws.terminate();
        continue;
      }
      unanswered.add(ws);
      ws.ping();
      if (ws.readyState === ws.OPEN) ws.send(KEEPALIVE);
    }
  }
  const timer = setInterval(tick, options.intervalMs / options.slots);
  timer.unref();

  return {
    /** Starts pinging a newly opened socket, in the next group in turn. */
    watch(ws: WebSocket) {
      slotOf.set(ws, watched++ % options.slots);
      ws.on('pong', answered);
    },
    tick,
    stop: () => clearInterval(timer),
  };
}
