import type { WebSocket } from 'ws';

export interface HeartbeatOptions {
  /** Each socket is pinged once this often. */
  intervalMs: number;
  /** The sockets are pinged in this many groups, one group per tick. */
  slots: number;
}

const DEFAULT_HEARTBEAT: HeartbeatOptions = { intervalMs: 15_000, slots: 15 };

/**
 * Pings every watched socket once an interval and drops one that has not answered the ping
 * before (a device that vanished without a close frame goes within two intervals, and its
 * presence with it). The sockets are spread over `slots` ticks: sending 2,000 pings in one turn
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
