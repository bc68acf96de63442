import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import type { Doc } from 'yjs';
import { CloseCode, SyncMessageType, syncStep1Message } from '@twofold/shared';
import { isFinalClose, isRefusal } from './close-codes.ts';
import { serverHasAll } from './server-has-all.ts';

/** How long after a local edit the acknowledgement probe goes out; later edits ride along. */
const PROBE_DELAY_MS = 150;

export interface TrackerState {
  connection: 'connecting' | 'connected' | 'disconnected';
  /** A socket opened at least once since this tracker started. */
  everConnected: boolean;
  /** Attempts that closed without syncing, as y-websocket counts them for its backoff. */
  failedAttempts: number;
  /** The last close was "server restarting" (1012) and no socket has opened since. */
  restarting: boolean;
  /** The server answered this connection's first sync step 1. */
  initialSynced: boolean;
  /** Some change made on this device is not yet known to be stored by the server. */
  pending: boolean;
  /** The server ended the connection for good (4401 session ended, 4403 membership lost). */
  ended: { code: number; reason: string } | null;
  /**
   * The server refused what this device sent (1009, 1007, 1008), `count` times in a row, and
   * has not confirmed everything since. Stays set across reconnects, so the status line says
   * so steadily instead of flickering through "Saving…" and "Offline" on every attempt.
   */
  refused: { code: number; count: number } | null;
}

/** The update or state vector a sync message carries after its step, or null if unreadable. */
function peekPayload(decoder: decoding.Decoder): Uint8Array | null {
  try {
    const copy = decoding.clone(decoder);
    decoding.readVarUint(copy);
    return decoding.readVarUint8Array(copy);
  } catch {
    return null;
  }
}

/** serverHasAll, false (so a probe asks) if the server's messages cannot be read. */
function serverHasAllSafely(doc: Doc, stateVector: Uint8Array, step2: Uint8Array): boolean {
  try {
    return serverHasAll(doc, stateVector, step2);
  } catch {
    return false;
  }
}

function peekSyncStep(decoder: decoding.Decoder): number | null {
  try {
    return decoding.readVarUint(decoding.clone(decoder));
  } catch {
    return null;
  }
}

/**
 * Knows, honestly, whether every change made on this device has been stored by the server.
 *
 * The server commits an update before it answers anything that arrives after it, and answers
 * in order. So after local changes we send a sync step 1 "probe"; when its step 2 comes back,
 * everything sent before the probe is stored. Each step 1 we send gets exactly one step 2, so
 * a queue of what each step 1 covered is enough. Changes made offline (or loaded from
 * IndexedDB) reach the server in our answer to its step 1 on connect, so a probe follows that
 * answer too, unless the answer to our own first step 1 shows the server already had all of
 * it (serverHasAll): then nothing waits, and a device opening a space it holds is synced in
 * one round trip. The queue is dropped on disconnect: pending edits stay pending until a probe
 * sent on a new connection is answered.
 */
export class SyncTracker {
  private localVersion = 0;
  private ackedVersion = 0;
  /** What each outstanding step 1 covers: 'initial' for the provider's own, else a version. */
  private outstanding: Array<number | 'initial'> = [];
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The state vector in the server's step 1, while our first step 1 awaits its answer. */
  private serverStateVector: Uint8Array | null = null;
  private readonly listeners = new Set<() => void>();
  private state: TrackerState;

  constructor(
    private readonly provider: WebsocketProvider,
    /** Origins whose updates are not the person's own edits (for example IndexedDB loading). */
    private readonly nonEditOrigins: readonly unknown[] = [],
    private readonly onEdit: () => void = () => {},
  ) {
    this.state = {
      connection: provider.wsconnected ? 'connected' : 'connecting',
      everConnected: provider.wsconnected,
      failedAttempts: provider.wsUnsuccessfulReconnects,
      restarting: false,
      initialSynced: provider.synced,
      pending: false,
      ended: null,
      refused: null,
    };
    const original = provider.messageHandlers[SyncMessageType.sync];
    if (original) {
      provider.messageHandlers[SyncMessageType.sync] = (encoder, decoder, prov, fromSocket, type) => {
        // Only messages from the socket count; `fromSocket` is false for other tabs' broadcasts.
        const step = fromSocket ? peekSyncStep(decoder) : null;
        const payload = step === null ? null : peekPayload(decoder);
        original(encoder, decoder, prov, fromSocket, type);
        if (step === syncProtocol.messageYjsSyncStep1) {
          this.onStep1(payload);
        } else if (step === syncProtocol.messageYjsSyncStep2) {
          this.onStep2(payload);
        }
      };
    }
    provider.on('status', this.onStatus);
    provider.on('connection-close', this.onConnectionClose);
    provider.on('closed', this.onClosed);
    provider.doc.on('update', this.onUpdate);
  }

  getState = (): TrackerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * The server's whole document came another way while this connection was already in its
   * room: the first copy over HTTP (first-copy.ts), taken after the socket joined, so every
   * later change reaches this device on the socket, in order, as after a sync step 2. Says
   * synced now instead of one round trip later, unless something of this device's waits.
   */
  syncedByFirstCopy(): void {
    if (!this.provider.wsconnected || this.localVersion > this.ackedVersion) return;
    this.update({ initialSynced: true });
  }

  destroy(): void {
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.provider.off('status', this.onStatus);
    this.provider.off('connection-close', this.onConnectionClose);
    this.provider.off('closed', this.onClosed);
    this.provider.doc.off('update', this.onUpdate);
    this.listeners.clear();
  }

  private update(patch: Partial<TrackerState>) {
    const next = { ...this.state, ...patch, pending: this.localVersion > this.ackedVersion };
    // Everything this device holds is stored: whatever was refused has been dealt with.
    if (next.connection === 'connected' && next.initialSynced && !next.pending) next.refused = null;
    const changed = (Object.keys(next) as Array<keyof TrackerState>).some((k) => next[k] !== this.state[k]);
    if (!changed) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private readonly onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    this.serverStateVector = null;
    if (status === 'connected') {
      // y-websocket sends its own step 1 right after announcing the connection.
      this.outstanding = ['initial'];
      this.update({ connection: 'connected', everConnected: true, restarting: false, initialSynced: false });
    } else {
      this.outstanding = [];
      this.update({ connection: status, initialSynced: false });
    }
  };

  private readonly onConnectionClose = (event: CloseEvent | null) => {
    this.outstanding = [];
    this.serverStateVector = null;
    const refused =
      event && isRefusal(event.code)
        ? { code: event.code, count: (this.state.refused?.count ?? 0) + 1 }
        : this.state.refused;
    this.update({
      connection: 'disconnected',
      initialSynced: false,
      failedAttempts: this.provider.wsUnsuccessfulReconnects,
      refused,
      ...(event?.code === CloseCode.serverRestart ? { restarting: true } : {}),
    });
  };

  // `closed` also follows a refusal (the provider is told not to reconnect by itself then, see
  // refusal-backoff.ts); only a 44xx close ends the connection for good.
  private readonly onClosed = (event: { code: number; reason: string }) => {
    if (isFinalClose(event.code)) this.update({ ended: { code: event.code, reason: event.reason } });
  };

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    // The provider's own: what its socket brought, and the first copy over HTTP (first-copy.ts).
    if (origin === this.provider) return;
    this.localVersion++;
    if (!this.nonEditOrigins.includes(origin)) this.onEdit();
    this.update({});
    // Until this connection's first exchange is done, that exchange covers the change (our
    // answer carries it, and onStep2 probes if the server lacked anything): a probe of its
    // own would only ask twice. Most often the change is what IndexedDB loaded before connecting.
    if (!this.state.initialSynced) return;
    this.probeTimer ??= setTimeout(() => {
      this.probeTimer = null;
      this.sendProbe();
    }, PROBE_DELAY_MS);
  };

  // Our step 2 answer is sent right after the handler returns, and a probe behind it tells
  // when the server stored it. On a new connection the probe waits for the answer to our own
  // step 1: when that shows the server already had everything (serverHasAll), none is needed.
  private onStep1(payload: Uint8Array | null) {
    if (payload && this.outstanding[0] === 'initial') this.serverStateVector = payload;
    else queueMicrotask(() => this.sendProbe());
  }

  private onStep2(payload: Uint8Array | null) {
    const covered = this.outstanding.shift();
    if (covered === 'initial') {
      const serverStateVector = this.serverStateVector;
      this.serverStateVector = null;
      // Only when something waits (not on a first visit, whose step 2 is the whole document).
      // Without the server's step 1, or if it cannot be read, a probe asks instead.
      if (this.localVersion > this.ackedVersion) {
        if (serverStateVector && payload && serverHasAllSafely(this.provider.doc, serverStateVector, payload))
          this.ackedVersion = this.localVersion;
        else this.sendProbe();
      }
      this.update({ initialSynced: true });
    } else if (covered !== undefined) {
      this.ackedVersion = Math.max(this.ackedVersion, covered);
      this.update({});
    }
  }

  private sendProbe() {
    const ws = this.provider.ws;
    // `ws.OPEN`, not the global `WebSocket.OPEN`: the socket may come from a polyfill.
    if (!this.provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    ws.send(syncStep1Message(this.provider.doc));
    this.outstanding.push(this.localVersion);
  }
}
